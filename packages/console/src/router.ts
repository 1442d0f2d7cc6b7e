/**
 * Hash routes (`#/projects/p1/inbox`), so the server only has to serve index.html at
 * /console/. A route is parsed once into a tagged value the App switches on.
 */

/** The sections of a project, in the order the navigation lists them. */
export const PROJECT_SECTIONS = [
  'inbox',
  'customers',
  'surveys',
  'service',
  'loyalty',
  'install',
  'widget',
  'settings',
  'webhooks',
  'team',
  'audit',
] as const;
export type ProjectSection = (typeof PROJECT_SECTIONS)[number];

export type Route =
  | { page: 'home' }
  | { page: 'setup' }
  | { page: 'sign-in' }
  | { page: 'invite'; token: string }
  | { page: 'projects' }
  | { page: 'account' }
  | { page: 'thread'; projectId: string; feedbackId: string }
  | { page: 'customer'; projectId: string; userId: string }
  | { page: 'survey-new'; projectId: string }
  | { page: 'survey-edit'; projectId: string; surveyId: string }
  | { page: 'survey-report'; projectId: string; surveyId: string }
  | { page: 'webhook'; projectId: string; endpointId: string }
  | { page: 'loyalty-reward'; projectId: string; rewardId: string }
  | { page: 'loyalty-members'; projectId: string }
  | { page: 'loyalty-member'; projectId: string; userId: string }
  | { page: 'loyalty-redemptions'; projectId: string }
  | { page: ProjectSection; projectId: string }
  | { page: 'not-found'; path: string };

const TOP_PAGES = ['setup', 'sign-in', 'account', 'projects'] as const;

/** Parses `location.hash` (with or without the leading `#`). */
export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '') || '/';
  const parts = path
    .split('/')
    .filter(Boolean)
    .map((part) => safeDecode(part));
  const [first, second] = parts;
  if (parts.length === 0) return { page: 'home' };
  const top = TOP_PAGES.find((page) => page === first);
  if (top && parts.length === 1) return { page: top };
  if (first === 'invite' && second && parts.length === 2) return { page: 'invite', token: second };
  if (first === 'projects' && second) {
    return parseProjectRoute(second, parts.slice(2)) ?? { page: 'not-found', path };
  }
  return { page: 'not-found', path };
}

/** `projects/:id/…`: a section, a thread, a customer, a survey or a webhook endpoint. */
function parseProjectRoute(projectId: string, rest: string[]): Route | undefined {
  const [section, id, ...extra] = rest;
  if (section === 'surveys' && id) return parseSurveyRoute(projectId, id, extra);
  if (section === 'loyalty' && id) return parseLoyaltyRoute(projectId, id, extra);
  if (extra.length > 0) return undefined;
  if (!section) return { page: 'inbox', projectId };
  if (id && section === 'inbox') return { page: 'thread', projectId, feedbackId: id };
  if (id && section === 'customers') return { page: 'customer', projectId, userId: id };
  if (id && section === 'webhooks') return { page: 'webhook', projectId, endpointId: id };
  const known = PROJECT_SECTIONS.find((name) => name === section);
  return known && !id ? { page: known, projectId } : undefined;
}

/**
 * `surveys/new`, `surveys/:id/edit`, `surveys/:id/report`. The report is not at
 * `surveys/:id`, so a survey whose id is `new` (the API allows it) is still reachable.
 */
function parseSurveyRoute(projectId: string, id: string, rest: string[]): Route | undefined {
  const [action, ...extra] = rest;
  if (extra.length > 0) return undefined;
  if (id === 'new' && !action) return { page: 'survey-new', projectId };
  if (action === 'edit') return { page: 'survey-edit', projectId, surveyId: id };
  if (action === 'report') return { page: 'survey-report', projectId, surveyId: id };
  return undefined;
}

/** `loyalty/rewards/:id`, `loyalty/members`, `loyalty/members/:userId`, `loyalty/redemptions`. */
function parseLoyaltyRoute(projectId: string, part: string, rest: string[]): Route | undefined {
  const [id, ...extra] = rest;
  if (extra.length > 0) return undefined;
  if (part === 'rewards' && id) return { page: 'loyalty-reward', projectId, rewardId: id };
  if (part === 'members') {
    return id
      ? { page: 'loyalty-member', projectId, userId: id }
      : { page: 'loyalty-members', projectId };
  }
  if (part === 'redemptions' && !id) return { page: 'loyalty-redemptions', projectId };
  return undefined;
}

/** The hash for a route, for links: `href(['projects', id, 'inbox'])`. */
export function href(parts: string[]): string {
  return `#/${parts.map((part) => encodeURIComponent(part)).join('/')}`;
}

/** Goes to a route (adds a history entry). */
export function navigate(parts: string[]): void {
  location.hash = href(parts).slice(1);
}

/** The project a route is about, if any. */
export function routeProjectId(route: Route): string | undefined {
  return 'projectId' in route ? route.projectId : undefined;
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}
