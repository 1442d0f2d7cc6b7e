import { defaultWidgetConfig } from '@rapport/protocol';
import type {
  FeedbackItem,
  FeedbackThread,
  PeriodReport,
  ProjectView,
  ScoreSummary,
  Survey,
  SurveyReport,
} from '../src/api/types';

/** A feedback item as the admin API lists it; `n` makes it unique and orders it (newest = high). */
export function feedbackItem(n: number, overrides: Partial<FeedbackItem> = {}): FeedbackItem {
  return {
    id: `f${n}`,
    message: `Message number ${n}`,
    category: 'idea',
    email: null,
    rating: null,
    status: 'new',
    context: {
      url: 'https://shop.example/product',
      userAgent:
        'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
      viewport: { width: 1280, height: 800 },
      locale: 'fr-FR',
    },
    anonymousId: `anon-${n}`,
    userId: null,
    createdAt: new Date(Date.UTC(2026, 11, 1, 12, n)).toISOString(),
    replies: [],
    waitingOnTeam: true,
    surveyAnswer: null,
    ...overrides,
  };
}

export function thread(overrides: Partial<FeedbackThread> = {}): FeedbackThread {
  return {
    item: feedbackItem(1, { userId: 'cust-1', email: 'ann@example.test' }),
    replies: [],
    notes: [],
    tags: [],
    assignee: null,
    customer: {
      userId: 'cust-1',
      email: 'ann@example.test',
      traits: { plan: 'pro' },
      loyalty: { balance: 120, tier: { name: 'Silver', threshold: 100 } },
      firstSeenAt: '2026-11-01T10:00:00.000Z',
      lastSeenAt: '2026-12-01T10:00:00.000Z',
    },
    timeline: [
      {
        kind: 'page',
        id: 't1',
        at: '2026-12-01T09:00:00.000Z',
        data: { url: 'https://shop.example/cart' },
      },
    ],
    ...overrides,
  };
}

export function projectView(overrides: Partial<ProjectView> = {}): ProjectView {
  return {
    id: 'p1',
    name: 'Shop',
    role: 'owner',
    publishableKey: 'pk_live_abc',
    identitySecret: 'is_abc',
    allowedOrigins: ['https://shop.example'],
    settings: {
      surveyGlobalWaitDays: 14,
      minFillSeconds: 1.5,
      identityVerificationRequired: false,
    },
    widgetConfig: defaultWidgetConfig('Shop'),
    publicUrl: 'https://rapport.example',
    createdAt: '2026-11-01T10:00:00.000Z',
    ...overrides,
  };
}

export function survey(overrides: Partial<Survey> = {}): Survey {
  return {
    id: 'srv_1',
    name: 'Checkout NPS',
    type: 'nps',
    question: 'How likely are you to recommend us?',
    samplePercent: 100,
    recontactDays: 90,
    active: true,
    createdAt: '2026-11-01T10:00:00.000Z',
    updatedAt: '2026-11-01T10:00:00.000Z',
    ...overrides,
  };
}

/** The figures of a distribution, as the server computes them (NPS or CSAT by its length). */
export function scoreSummary(distribution: number[]): ScoreSummary {
  const responses = distribution.reduce((sum, count) => sum + count, 0);
  if (distribution.length === 11) {
    const promoters = (distribution[9] ?? 0) + (distribution[10] ?? 0);
    const passives = (distribution[7] ?? 0) + (distribution[8] ?? 0);
    const detractors = responses - promoters - passives;
    const score = responses ? Math.round((100 * (promoters - detractors)) / responses) : null;
    return {
      responses,
      distribution,
      nps: { score, marginOfError: responses ? 10 : null, promoters, passives, detractors },
    };
  }
  const total = distribution.reduce((sum, count, index) => sum + count * (index + 1), 0);
  const satisfied = (distribution[3] ?? 0) + (distribution[4] ?? 0);
  return {
    responses,
    distribution,
    csat: {
      average: responses ? Math.round((100 * total) / responses) / 100 : null,
      satisfied,
      satisfiedPercent: responses ? Math.round((100 * satisfied) / responses) : null,
    },
  };
}

export function periodReport(overrides: Partial<PeriodReport> = {}): PeriodReport {
  return {
    from: null,
    to: null,
    summary: scoreSummary(new Array(11).fill(0)),
    series: [],
    rate: { shown: null, answered: 0, dismissed: 0, answeredPercent: null },
    ...overrides,
  };
}

export function surveyReport(overrides: Partial<SurveyReport> = {}): SurveyReport {
  return {
    survey: { id: 'srv_1', name: 'Checkout NPS', type: 'nps' },
    interval: 'week',
    period: periodReport(),
    ...overrides,
  };
}
