import { type Message, SURVEY_DISMISSED_EVENT } from '@rapport/protocol';

/**
 * Ids of the surveys that `messages` answer or dismiss. While such a message waits in the
 * outbox the server cannot know about it, and would offer the survey again.
 */
export function pendingSurveyIds(messages: readonly Message[]): Set<string> {
  const ids = new Set<string>();
  for (const message of messages) {
    if (message.type === 'survey_response') ids.add(message.surveyId);
    else if (message.type === 'track' && message.event === SURVEY_DISMISSED_EVENT) {
      const surveyId = message.properties?.surveyId;
      if (typeof surveyId === 'string') ids.add(surveyId);
    }
  }
  return ids;
}
