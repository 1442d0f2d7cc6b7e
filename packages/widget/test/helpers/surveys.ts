import type { EligibleSurvey } from '@rapport/protocol';

export const NPS: EligibleSurvey = {
  id: 'nps-q4',
  type: 'nps',
  question: 'How likely are you to recommend Acme to a friend?',
  followUp: {
    detractor: 'Sorry to hear it. What went wrong?',
    passive: 'What would make Acme a 10?',
    promoter: 'Great! What do you love most?',
  },
  delaySeconds: 0,
};

export const CSAT: EligibleSurvey = {
  id: 'csat-checkout',
  type: 'csat',
  question: 'How was checking out today?',
  delaySeconds: 0,
};
