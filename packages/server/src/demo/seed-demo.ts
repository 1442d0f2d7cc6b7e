import { hashPassword } from '../people/passwords';
import { addReply } from '../store/feedback';
import { ingestMessages } from '../store/ingest';
import { earnPoints } from '../store/loyalty-ledger';
import { createReward, replaceTiers, replaceWaysToEarn } from '../store/loyalty-program';
import { createUser, findUserByEmail, setMembership } from '../store/people/users';
import { upsertProject } from '../store/projects';
import type { Store } from '../store/store';
import { createSurvey } from '../store/surveys';
import { DEMO_CUSTOMER_ID, DEMO_OWNER, DEMO_PROJECT } from './demo-project';

/** Options for {@link seedDemo}. */
export interface SeedDemoOptions {
  /** Origins the demo page is served from (http://localhost:PORT, http://127.0.0.1:PORT, …). */
  allowedOrigins: string[];
  /** Time the demo's history is dated from. @default new Date() */
  now?: Date;
}

const REWARDS = [
  { id: 'demo-free-shipping', name: 'Free shipping', cost: 200, description: 'On your next order' },
  { id: 'demo-10-off', name: '10% off', cost: 500, description: 'One order, any size' },
  { id: 'demo-tote', name: 'Canvas tote bag', cost: 1000, description: 'Shipped with your order' },
  { id: 'demo-vip-call', name: 'Call with the founders', cost: 1500 },
];

async function seedProgram(store: Store, now: Date) {
  const { db } = store;
  await createSurvey(
    db,
    DEMO_PROJECT.id,
    'demo-nps',
    {
      name: 'Demo NPS',
      type: 'nps',
      question: 'How likely are you to recommend Rapport Demo Shop to a friend?',
      followUp: {
        detractor: 'Sorry to hear that. What disappointed you?',
        passive: 'Thanks! What would make it a 10?',
        promoter: 'Wonderful! What do you love most?',
      },
      targeting: { delaySeconds: 3 },
      samplePercent: 100,
      recontactDays: 30,
      active: true,
    },
    now,
  );
  for (const reward of REWARDS) {
    await createReward(db, DEMO_PROJECT.id, { ...reward, active: true }, now);
  }
  await replaceTiers(db, DEMO_PROJECT.id, [
    { name: 'Bronze', threshold: 0 },
    {
      name: 'Silver',
      threshold: 500,
      greeting: 'Welcome back, {firstName|friend}: Silver members get free gift wrapping.',
    },
    { name: 'Gold', threshold: 1500 },
  ]);
  await replaceWaysToEarn(db, DEMO_PROJECT.id, [
    { label: 'Create an account', points: 250 },
    { label: 'Every €1 spent', points: 1 },
    { label: 'Leave a product review', points: 50 },
    { label: 'Refer a friend', points: 300 },
  ]);
}

async function seedCustomer(store: Store, now: Date) {
  const { db } = store;
  const day = (n: number) => new Date(now.getTime() - n * 86_400_000).toISOString();
  const base = { anonymousId: 'demo-anonymous', userId: DEMO_CUSTOMER_ID };
  await ingestMessages(
    db,
    DEMO_PROJECT.id,
    [
      {
        at: day(30),
        message: {
          ...base,
          id: 'demo-msg-page',
          type: 'page',
          timestamp: day(30),
          url: 'http://localhost:8787/',
        },
      },
      {
        at: day(30),
        message: {
          ...base,
          id: 'demo-msg-identify',
          type: 'identify',
          timestamp: day(30),
          traits: { name: 'Demo Customer', firstName: 'Dana', plan: 'pro' },
        },
      },
      {
        at: day(3),
        message: {
          ...base,
          id: 'demo-msg-feedback',
          type: 'feedback',
          timestamp: day(3),
          category: 'idea',
          message: 'Could you add gift wrapping at checkout?',
        },
      },
    ],
    now,
  );
  await addReply(
    db,
    DEMO_PROJECT.id,
    {
      id: 'demo-reply-1',
      feedbackId: 'demo-msg-feedback',
      author: 'team',
      body: 'Great idea — gift wrapping ships next month. Thanks for asking!',
    },
    new Date(Date.parse(day(2))),
  );
  const entries = [
    { id: 'demo-earn-signup', points: 250, reason: 'Created an account', at: day(30) },
    { id: 'demo-earn-order-1', points: 420, reason: 'Order #1001', at: day(10) },
  ];
  for (const { at, ...entry } of entries) {
    await earnPoints(db, DEMO_PROJECT.id, { ...entry, userId: DEMO_CUSTOMER_ID }, new Date(at));
  }
}

/**
 * Seeds the DEMO-ONLY project (keys in {@link DEMO_PROJECT}): an NPS survey with follow-ups,
 * a loyalty program (three tiers, four rewards, ways to earn), a customer with history and
 * the console owner `owner@demo.test` / `demo-password`.
 * Idempotent: every row has a fixed id, so running it again changes nothing but the origins.
 */
export async function seedDemo(store: Store, options: SeedDemoOptions): Promise<void> {
  const now = options.now ?? new Date();
  await upsertProject(store.db, {
    ...DEMO_PROJECT,
    allowedOrigins: [...new Set(options.allowedOrigins)],
    settings: { surveyGlobalWaitDays: 0 },
  });
  await seedProgram(store, now);
  await seedCustomer(store, now);
  await seedOwner(store, now);
}

/** The DEMO-ONLY console owner ({@link DEMO_OWNER}); an existing account keeps its password. */
async function seedOwner(store: Store, now: Date) {
  const existing = await findUserByEmail(store.db, DEMO_OWNER.email);
  const user =
    existing ??
    (await createUser(
      store.db,
      {
        email: DEMO_OWNER.email,
        name: DEMO_OWNER.name,
        passwordHash: await hashPassword(DEMO_OWNER.password),
      },
      now,
    ));
  await setMembership(store.db, DEMO_PROJECT.id, user.id, 'owner', now);
}
