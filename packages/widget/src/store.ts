import { computed, signal } from '@preact/signals';
import {
  type EligibleSurvey,
  type FeedbackCategory,
  type InboxResponse,
  type LoyaltyView,
  npsBand,
  type WidgetConfig,
} from '@rapport/protocol';
import type { RapportClient } from '@rapport/sdk';
import { personalTexts } from './i18n/fill-traits';
import { surveyTexts } from './i18n/survey-texts';
import { resolveOptions, type WidgetOptions } from './options';

/** A section of the dialog. Surveys are not a section: they pop up on their own. */
export type DialogPanel = 'feedback' | 'loyalty' | 'inbox';

/** A server read: not started, in flight, failed, or ready with data. */
export type Remote<T> =
  | { state: 'idle' }
  | { state: 'loading' }
  | { state: 'error' }
  | { state: 'ready'; data: T };

/** Where the feedback form is in its life. */
export type FeedbackStatus = 'editing' | 'sending' | 'sent' | 'queued';

/** Where the customer's answer in one thread is: being sent, saved offline, or refused. */
export type ReplyStatus = 'sending' | 'queued' | 'error';

/**
 * The customer's answer to "Did we solve this?" in one resolved thread: the score picked and the
 * comment, then `sending`, `thanks` (answered: the thanks shows in place of the question) or
 * `error` (the answer could not be saved; the customer may try again).
 */
export interface ResolutionDraft {
  score?: number;
  comment: string;
  status: 'editing' | 'sending' | 'thanks' | 'error';
}

/** Inline validation and send errors of the feedback form, as text keys. */
export interface FeedbackErrors {
  message?: 'errorMessageRequired' | 'errorMessageTooLong';
  email?: 'errorEmail';
  form?: 'errorTooFast' | 'errorSend' | 'errorOriginRefused';
}

/** A reward as the loyalty panel shows it, with what the customer can do about it. */
/** How the last redemption went: its code if the reward hands one out, or why it failed. */
export interface RedeemResult {
  rewardId: string;
  ok: boolean;
  code?: string;
  failure?: 'out_of_stock' | 'limit' | 'other';
}

export interface RewardView {
  id: string;
  name: string;
  cost: number;
  description: string | undefined;
  /** Points still missing; 0 when affordable. */
  shortfall: number;
  /** No stock or no code left. */
  soldOut: boolean;
  canRedeem: boolean;
}

const DIALOG_PANELS: DialogPanel[] = ['feedback', 'loyalty', 'inbox'];

/**
 * All widget state, as signals, for one mounted widget. Components read these; actions
 * (src/actions/) are the only writers and the SDK client is the only I/O.
 */
export function createStore(client: RapportClient, options: WidgetOptions) {
  const config = signal<WidgetConfig | undefined>(undefined);
  /** Mount options; `handle.update()` replaces them, e.g. when the page switches language. */
  const optionsSignal = signal<WidgetOptions>(options);
  const settings = computed(() => resolveOptions(optionsSignal.value, config.value));
  const userId = signal<string | undefined>(client.userId);

  const loyalty = signal<Remote<LoyaltyView>>({ state: 'idle' });
  /** The reward being redeemed right now; a second click while set does nothing. */
  const redeeming = signal<string | undefined>(undefined);
  const redeemResult = signal<RedeemResult | undefined>(undefined);

  const rewards = computed<RewardView[]>(() => {
    const view = loyalty.value;
    if (view.state !== 'ready') return [];
    return view.data.rewards
      .filter((reward) => reward.active !== false)
      .map((reward) => {
        const shortfall = Math.max(0, reward.cost - view.data.balance);
        const soldOut = reward.stock === 0;
        return {
          id: reward.id,
          name: reward.name,
          cost: reward.cost,
          description: reward.description,
          shortfall,
          soldOut,
          canRedeem: shortfall === 0 && !soldOut && redeeming.value === undefined,
        };
      });
  });

  /** Verified traits the server handed this proven customer with their loyalty account. */
  const traits = computed(() =>
    loyalty.value.state === 'ready' ? loyalty.value.data.traits : undefined,
  );
  /** The strings, with trait placeholders filled once the customer's traits are read. */
  const texts = computed(() => personalTexts(settings.value.texts, traits.value));

  const survey = signal<EligibleSurvey | undefined>(undefined);
  const surveyScore = signal<number | undefined>(undefined);
  const surveyComment = signal('');
  const surveyStep = signal<'question' | 'sending' | 'thanks' | 'error'>('question');
  /** The id the answer on screen is sent under: its score when picked, then its follow-up. */
  const surveyResponseId = signal('');

  return {
    client,
    options: optionsSignal,
    config,
    settings,
    texts,
    userId,
    isGuest: computed(() => userId.value === undefined),

    open: signal(false),
    panel: signal<DialogPanel>('feedback'),
    /** Sections of the dialog the site owner switched on, in display order. */
    panels: computed(() => DIALOG_PANELS.filter((p) => settings.value.panels.includes(p))),

    feedback: {
      category: signal<FeedbackCategory | ''>(''),
      message: signal(''),
      email: signal(''),
      /** Bots fill every field; humans never see this one. */
      honeypot: signal(''),
      /** When the form was last shown, for the minimum fill time. */
      startedAt: signal(Date.now()),
      status: signal<FeedbackStatus>('editing'),
      errors: signal<FeedbackErrors>({}),
      /** Id of the message waiting in the outbox, so its later delivery can be shown. */
      queuedId: signal<string | undefined>(undefined),
    },

    loyalty,
    rewards,
    redeeming,
    redeemResult,
    /**
     * What the copy button did: `copied` shows "Link copied"; `manual` (no clipboard access)
     * selects the link and asks the visitor to copy it by hand.
     */
    referralCopy: signal<'copied' | 'manual' | undefined>(undefined),
    inbox: signal<Remote<InboxResponse>>({ state: 'idle' }),
    /** The customer's answers being written, and their sends, by thread id. */
    replies: {
      drafts: signal<Record<string, string>>({}),
      status: signal<Record<string, ReplyStatus | undefined>>({}),
    },
    /** "Did we solve this?" answers being written, by thread id. */
    resolutions: signal<Record<string, ResolutionDraft | undefined>>({}),

    survey,
    surveyScore,
    surveyComment,
    surveyStep,
    surveyResponseId,
    /** Surveys answered or dismissed on this page: never shown again here. */
    surveysDone: new Set<string>(),
    /** Surveys already announced with `survey:shown`. */
    surveysShown: new Set<string>(),
    /** Follow-up question for the chosen NPS score: 0–6 detractor, 7–8 passive, 9–10 promoter. */
    followUp: computed(() => {
      const score = surveyScore.value;
      const current = survey.value;
      if (score === undefined || !current || current.type !== 'nps') return undefined;
      const band = npsBand(score);
      const own = surveyTexts(current, settings.value.locale).followUp?.[band];
      return own ?? texts.value[FOLLOW_UP_KEYS[band]];
    }),
  };
}

/** The widget's state for one mount. */
export type Store = ReturnType<typeof createStore>;

const FOLLOW_UP_KEYS = {
  detractor: 'npsDetractor',
  passive: 'npsPassive',
  promoter: 'npsPromoter',
} as const;
