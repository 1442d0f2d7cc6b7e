/**
 * DEMO-ONLY credentials. They are public (printed at start, written in the docs) and exist
 * so `npm start` shows a working widget at once. Never use them in production: create your
 * own project with random keys, and run with RAPPORT_DEMO=0.
 */
export const DEMO_PROJECT = {
  id: 'proj_demo',
  name: 'Rapport Demo Shop',
  /** DEMO ONLY — publishable key. */
  publishableKey: 'pk_demo',
  /** DEMO ONLY — secret key (admin API). */
  secretKey: 'sk_demo',
  /** DEMO ONLY — identity secret for userHash HMACs. */
  identitySecret: 'is_demo',
} as const;

/** The seeded demo customer, with points, a feedback thread and a team reply. */
export const DEMO_CUSTOMER_ID = 'demo-customer';

/** DEMO ONLY — the console owner of the demo project (printed at start, like the keys). */
export const DEMO_OWNER = {
  email: 'owner@demo.test',
  name: 'Demo Owner',
  password: 'demo-password',
} as const;
