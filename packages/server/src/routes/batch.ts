import {
  type BatchResponse,
  batchEnvelopeSchema,
  type Message,
  messageSchema,
  type RejectedMessage,
  type SurveyType,
} from '@rapport/protocol/schemas';
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../app-env';
import { InvalidBodyError } from '../errors';
import { resolveMessageIdentity } from '../message-identity';
import { describeIssues } from '../parse-input';
import { readJsonBody } from '../read-json-body';
import type { IngestMessage } from '../store/ingest';
import { surveyTypesById } from '../store/survey-lookup';
import { judgeThreadMessages } from '../thread-access';

/** Client clocks drift; a timestamp further ahead than this is filed at the server's time. */
const MAX_CLOCK_SKEW_MS = 5 * 60_000;
/**
 * Timestamps before this are a reset or broken client clock (and year 0 does not even fit
 * PostgreSQL); such messages are kept, filed at the server's time.
 */
const EARLIEST_TIMESTAMP = Date.UTC(2000, 0, 1);

function idOf(raw: unknown): string {
  const id = (raw as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? id.slice(0, 128) : '';
}

/** Why a schema-valid message still cannot be stored, or undefined when it can. */
function semanticProblem(
  message: Message,
  surveys: Map<string, SurveyType>,
): Omit<RejectedMessage, 'id'> | undefined {
  if (message.type === 'survey_response') {
    const type = surveys.get(message.surveyId);
    if (!type) return { code: 'not_found', message: `No survey with id ${message.surveyId}.` };
    if (message.score === undefined) return { code: 'invalid_body', message: 'score: required' };
    if (type === 'csat' && message.score < 1) {
      return { code: 'invalid_body', message: 'score: a CSAT score is 1–5' };
    }
    if (type === 'csat' && message.score > 5) {
      return { code: 'invalid_body', message: 'score: a CSAT score is 1–5' };
    }
  }
  return undefined;
}

/** The ISO time a message is filed under: its own, unless that is implausible. */
function filedAt(message: Message, now: Date): string {
  const time = Date.parse(message.timestamp);
  const plausible = time >= EARLIEST_TIMESTAMP && time <= now.getTime() + MAX_CLOCK_SKEW_MS;
  return new Date(plausible ? time : now.getTime()).toISOString();
}

/**
 * `POST /v1/batch`: the envelope is checked first (400 when malformed), then each message on
 * its own, so one bad message lands in `rejected` instead of failing its neighbours.
 */
export function batchRoutes(deps: AppDeps): Hono<AppEnv> {
  return new Hono<AppEnv>().post('/batch', async (c) => {
    const project = c.get('project');
    const envelope = batchEnvelopeSchema.safeParse(await readJsonBody(c));
    if (!envelope.success) {
      const { summary, issues } = describeIssues(envelope.error);
      throw new InvalidBodyError(`Invalid batch: ${summary}`, issues);
    }
    const now = deps.clock();
    const rejected: RejectedMessage[] = [];
    const parsed: Message[] = [];
    const seen = new Set<string>();
    let duplicates = 0;
    for (const raw of envelope.data.messages) {
      const result = messageSchema.safeParse(raw);
      if (!result.success) {
        const problem = describeIssues(result.error).summary;
        rejected.push({ id: idOf(raw), code: 'invalid_body', message: problem });
      } else if (seen.has(result.data.id)) {
        duplicates += 1;
      } else {
        seen.add(result.data.id);
        parsed.push(result.data);
      }
    }
    const surveyIds = parsed.flatMap((m) => (m.type === 'survey_response' ? [m.surveyId] : []));
    const surveys = await surveyTypesById(deps.store.db, project.id, [...new Set(surveyIds)]);
    const resolved = parsed.map((message) => ({
      message,
      identity: resolveMessageIdentity(message, project),
    }));
    const storable = resolved.flatMap(({ identity }) =>
      identity.message ? [identity.message] : [],
    );
    const replyProblem = await judgeThreadMessages(deps.store.db, project.id, storable);
    const valid: IngestMessage[] = [];
    for (const { message, identity } of resolved) {
      const problem =
        identity.problem ??
        semanticProblem(message, surveys) ??
        (identity.message && replyProblem(identity.message));
      if (problem) rejected.push({ id: message.id, ...problem });
      else if (identity.message)
        valid.push({ message: identity.message, at: filedAt(message, now) });
    }
    const accepted = await deps.ingest.ingest(project.id, valid, now);
    const response: BatchResponse = {
      accepted,
      duplicates: duplicates + valid.length - accepted,
      rejected,
    };
    deps.metrics?.countIngest('accepted', response.accepted);
    deps.metrics?.countIngest('duplicate', response.duplicates);
    deps.metrics?.countIngest('rejected', rejected.length);
    return c.json(response);
  });
}
