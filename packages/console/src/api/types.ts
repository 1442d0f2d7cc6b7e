/**
 * Wire types of the console HTTP contract (/tmp console-api contract: /v1/console/* and the
 * session-authorised /v1/admin/*). Types shared with the widget come from @rapport/protocol;
 * the console-only ones are declared here until protocol's console.ts/admin.ts carry them.
 * Type-only: nothing here reaches the bundle.
 */
import type {
  FeedbackCategory,
  FeedbackItem,
  FeedbackStatus,
  TimelineEntry,
  WidgetConfig,
} from '@rapport/protocol';

export type { FeedbackCategory, FeedbackItem, FeedbackStatus, TimelineEntry, WidgetConfig };

/** What a teammate may do in a project; each role includes the ones before it. */
export type Role = 'member' | 'admin' | 'owner';

export interface SessionUser {
  id: string;
  email: string;
  name: string;
}

export interface ProjectSummary {
  id: string;
  name: string;
  role: Role;
}

/** `GET /v1/console/session` and every sign-in style answer. */
export interface SessionBody {
  user: SessionUser;
  csrfToken: string;
  projects: ProjectSummary[];
}

export interface ProjectSettings {
  surveyGlobalWaitDays: number;
  minFillSeconds: number;
  identityVerificationRequired: boolean;
}

/** `GET /v1/console/projects/:id`. `identitySecret` only for owners and admins. */
export interface ProjectView {
  id: string;
  name: string;
  role: Role;
  publishableKey: string;
  identitySecret?: string;
  allowedOrigins: string[];
  settings: ProjectSettings;
  widgetConfig: WidgetConfig;
  publicUrl: string;
  createdAt: string;
}

export interface CreatedProject {
  project: ProjectView;
  secretKey: string;
}

export type KeyKind = 'publishable' | 'secret' | 'identity';

export interface RotatedKeys {
  publishableKey?: string;
  secretKey?: string;
  identitySecret?: string;
  previousSecretKeyValidUntil?: string;
}

export interface FirstEvent {
  received: boolean;
  at?: string;
  type?: string;
}

export interface Member {
  userId: string;
  email: string;
  name: string;
  role: Role;
}

export interface Invitation {
  id: string;
  email: string;
  role: Role;
  expiresAt: string;
}

export interface CreatedInvitation extends Invitation {
  url: string;
}

export interface Team {
  members: Member[];
  invitations: Invitation[];
}

export interface InvitationPreview {
  email: string;
  projectName: string;
  role: Role;
}

export type AuditActor = { userId: string; email: string; name: string } | { kind: 'secret_key' };

export interface AuditItem {
  id: string;
  at: string;
  actor: AuditActor | null;
  action: string;
  target?: string | null;
  details?: unknown;
}

/** Every list: `{ items, nextCursor? }`. */
export interface Paged<T> {
  items: T[];
  nextCursor?: string;
}

export interface StatusCounts {
  new: number;
  in_progress: number;
  resolved: number;
}

export interface FeedbackList extends Paged<FeedbackItem> {
  counts: StatusCounts;
}

export interface Authored {
  id: string;
  body: string;
  createdAt: string;
  author: { name: string };
}

export interface Loyalty {
  balance: number;
  tier: string | null;
}

export interface ThreadCustomer {
  userId: string;
  email: string | null;
  traits: Record<string, unknown>;
  loyalty: Loyalty | null;
  firstSeenAt: string;
  lastSeenAt: string;
}

/** `GET /v1/admin/feedback/:id`. */
export interface FeedbackThread {
  item: FeedbackItem;
  replies: Authored[];
  notes: Authored[];
  tags: string[];
  assignee: { userId: string; name: string } | null;
  customer: ThreadCustomer | null;
  timeline: TimelineEntry[];
}

export interface CustomerRow {
  userId: string;
  email: string | null;
  traits: Record<string, unknown>;
  lastSeenAt: string;
  feedbackCount: number;
  loyaltyBalance: number | null;
}

export interface SurveyAnswer {
  surveyId?: string;
  surveyName?: string;
  score?: number | null;
  comment?: string | null;
  createdAt?: string;
  at?: string;
}

export interface CustomerProfile {
  userId: string;
  email: string | null;
  traits: Record<string, unknown>;
  anonymousIds: string[];
  firstSeenAt: string;
  lastSeenAt: string;
  loyalty: Loyalty | null;
  surveyAnswers: SurveyAnswer[];
  feedback: FeedbackItem[];
}

/** Filters of the inbox, as the query string of `GET /v1/admin/feedback`. */
export interface FeedbackFilters {
  status?: FeedbackStatus;
  category?: FeedbackCategory;
  hasEmail?: boolean;
  from?: string;
  to?: string;
  q?: string;
}
