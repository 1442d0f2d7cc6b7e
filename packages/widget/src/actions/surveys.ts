import type { EligibleSurvey } from '@rapport/protocol';
import type { Store } from '../store';
import { reportError } from './report-error';

/**
 * Shows the first survey the server offered that is not yet answered or dismissed on this
 * page, after its `delaySeconds`. The launcher asks the server (after load and after
 * `identify`) and calls `offer()` with the answer; `cancel()` on unmount (answers still in
 * flight then schedule nothing).
 */
export function createSurveyScheduler(store: Store) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  function show(survey: EligibleSurvey): void {
    timer = undefined;
    if (store.survey.value || store.surveysDone.has(survey.id)) return;
    store.surveyScore.value = undefined;
    store.surveyComment.value = '';
    store.surveyStep.value = 'question';
    settlePick(store, true); // a keyboard pick on the card this one replaces
    store.surveyResponseId.value = newResponseId();
    // The card emits survey:shown when it is actually on screen (not behind the dialog).
    store.survey.value = survey;
  }

  function offer(surveys: EligibleSurvey[]): void {
    // One survey at a time: never replace one the visitor is looking at.
    if (stopped || store.survey.value || !store.settings.value.panels.includes('surveys')) return;
    const next = surveys.find((survey) => !store.surveysDone.has(survey.id));
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (next) timer = setTimeout(() => show(next), Math.max(0, next.delaySeconds) * 1000);
  }

  /** Shown at once, in place of any survey on screen, even if answered on this page. */
  function showNow(survey: EligibleSurvey): void {
    if (stopped || store.survey.value?.id === survey.id) return;
    if (timer) clearTimeout(timer);
    store.surveysDone.delete(survey.id);
    store.survey.value = undefined;
    show(survey);
  }

  function cancel(): void {
    stopped = true;
    settlePick(store, true);
    if (timer) clearTimeout(timer);
    timer = undefined;
  }

  return { offer, showNow, cancel };
}

/** Tell listeners a survey is on screen, once per survey and page. */
export function markSurveyShown(store: Store, surveyId: string): void {
  if (store.surveysShown.has(surveyId)) return;
  store.surveysShown.add(surveyId);
  store.client.emit('survey:shown', { surveyId });
}

/**
 * 128 random bits as hex: the id of one answer on screen. Its score and its follow-up are
 * sent under it, and the server keeps one response per id (protocol
 * `surveyResponseMessageSchema`). `getRandomValues` works on plain-http pages too.
 */
function newResponseId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * How long a score chosen with the arrow keys must stay chosen before it is sent: stepping
 * from 0 to 9 passes through every detractor score, and each one sent would open a
 * detractor thread (issue 14, item 5). A click is sent at once.
 */
export const KEYBOARD_PICK_SETTLE_MS = 800;

/** The send of a keyboard pick that has not settled yet, per widget. */
const unsettled = new WeakMap<Store, { timer: ReturnType<typeof setTimeout>; send: () => void }>();

/** Sends the unsettled keyboard pick now (`flush`) or drops it because a newer send covers it. */
function settlePick(store: Store, flush: boolean): void {
  const pending = unsettled.get(store);
  if (!pending) return;
  unsettled.delete(store);
  clearTimeout(pending.timer);
  if (flush) pending.send();
}

/**
 * The visitor picked a score: show it, and send it through the outbox, so closing the card
 * without pressing "Send answer" loses nothing (issue 13, item 2). The answer then counts as
 * given: closing the card is no longer a dismissal. A failure here is reported but not
 * shown; "Send answer" sends the score again with the comment.
 */
export function pickSurveyScore(store: Store, score: number, by: 'pointer' | 'keyboard'): void {
  const survey = store.survey.value;
  if (!survey || store.surveyScore.value === score) return;
  store.surveyScore.value = score;
  store.surveysDone.add(survey.id);
  const responseId = store.surveyResponseId.value;
  const send = () => {
    store.client.surveys
      .respond(survey.id, { responseId, score })
      .catch((error: unknown) => reportError(store.client, error));
  };
  settlePick(store, false);
  if (by === 'pointer') {
    send();
    return;
  }
  const timer = setTimeout(() => settlePick(store, true), KEYBOARD_PICK_SETTLE_MS);
  unsettled.set(store, { timer, send });
}

/**
 * Send the chosen score and the comment for the survey on screen: the same response the pick
 * started (same `responseId`), updated rather than answered twice.
 */
export async function answerSurvey(store: Store): Promise<void> {
  const survey = store.survey.value;
  const score = store.surveyScore.value;
  if (!survey || score === undefined || store.surveyStep.value === 'sending') return;
  store.surveyStep.value = 'sending';
  settlePick(store, false); // this send carries the score too
  const comment = store.surveyComment.value.trim();
  const responseId = store.surveyResponseId.value;
  try {
    await store.client.surveys.respond(survey.id, {
      responseId,
      score,
      ...(comment ? { comment } : {}),
    });
    store.surveysDone.add(survey.id);
    store.surveyStep.value = 'thanks';
    store.client.emit('survey:answered', { surveyId: survey.id, score });
  } catch (error) {
    store.surveyStep.value = 'error';
    reportError(store.client, error);
  }
}

/** Close the survey card. Before an answer this is a dismissal, which the server records. */
export function closeSurvey(store: Store): void {
  const survey = store.survey.value;
  if (!survey) return;
  settlePick(store, true);
  store.survey.value = undefined;
  if (store.surveysDone.has(survey.id)) return;
  store.surveysDone.add(survey.id);
  store.client.emit('survey:dismissed', { surveyId: survey.id });
  store.client.surveys
    .dismiss(survey.id)
    .catch((error: unknown) => reportError(store.client, error));
}
