/**
 * Wire types of the console HTTP contract. The /v1/console/* ones come from @rapport/protocol
 * (console.ts, roles.ts); the inbox and customer shapes are declared here as the protocol's
 * admin-inbox.ts / admin-customers.ts define them, until those land. Type-only: nothing here
 * reaches the bundle.
 */
import type {
  AuditActor,
  AuditItem,
  Breakdown,
  BreakdownRow,
  FeedbackCategory,
  FeedbackItem,
  FeedbackStatus,
  FirstEvent,
  InvitationCreated,
  InvitationPreview,
  KeyKind,
  KeyRotated,
  LoyaltyActivity,
  Member as LoyaltyMember,
  MemberRow,
  MemberSort,
  NpsSummary,
  PendingInvitation,
  PeriodReport,
  ProjectCreated,
  ProjectSettingsView,
  ProjectView,
  Redemption,
  RedemptionStatus,
  ResolutionRating,
  Reward,
  RewardCodes,
  RewardCodesAdded,
  RewardCodesInput,
  RewardInput,
  Role,
  ScoreSummary,
  SeriesPoint,
  ServiceReport,
  ServiceWeek,
  SessionBody,
  Survey,
  SurveyComment,
  SurveyCommentsPage,
  SurveyInput,
  SurveyListItem,
  SurveyPatch,
  SurveyReport,
  SurveyType,
  TeamBody,
  TeamMember,
  Tier,
  TimelineEntry,
  WayToEarn,
  WebhookCreated,
  WebhookDelivery,
  WebhookEndpoint,
  WebhookEventType,
  WebhookFormat,
  WebhookInput,
  WebhookPatch,
  WebhookSecretRotated,
  WidgetConfig,
} from '@rapport/protocol';

export type {
  AuditActor,
  AuditItem,
  Breakdown,
  BreakdownRow,
  FeedbackCategory,
  FeedbackItem,
  FeedbackStatus,
  FirstEvent,
  InvitationPreview,
  KeyKind,
  LoyaltyActivity,
  LoyaltyMember,
  MemberRow,
  MemberSort,
  NpsSummary,
  PeriodReport,
  ProjectView,
  Redemption,
  RedemptionStatus,
  ResolutionRating,
  Reward,
  RewardCodes,
  RewardCodesAdded,
  RewardCodesInput,
  RewardInput,
  Role,
  ScoreSummary,
  SeriesPoint,
  ServiceReport,
  ServiceWeek,
  SessionBody,
  Survey,
  SurveyComment,
  SurveyCommentsPage,
  SurveyInput,
  SurveyListItem,
  SurveyPatch,
  SurveyReport,
  SurveyType,
  Tier,
  TimelineEntry,
  WayToEarn,
  WebhookCreated,
  WebhookDelivery,
  WebhookEndpoint,
  WebhookEventType,
  WebhookFormat,
  WebhookInput,
  WebhookPatch,
  WebhookSecretRotated,
  WidgetConfig,
};

/** A survey in the list: its summary is missing only for one just created in the console. */
export type ListedSurvey = Survey & { summary?: SurveyListItem['summary'] };

/** What the survey report page asks `GET /v1/admin/surveys/:id/report` for. */
export interface ReportQuery {
  interval: 'week' | 'month';
  from?: string;
  to?: string;
  compareFrom?: string;
  compareTo?: string;
  /** `tier`, `page` or `trait:<name>`. */
  breakdown?: string;
}

/** Filters of a survey's comments: an NPS band or a score, and a search. */
export interface CommentFilters {
  band?: 'detractor' | 'passive' | 'promoter';
  score?: number;
  q?: string;
}
export type ProjectSettings = ProjectSettingsView;
export type CreatedProject = ProjectCreated;
export type RotatedKeys = KeyRotated;
export type Member = TeamMember;
export type Invitation = PendingInvitation;
export type CreatedInvitation = InvitationCreated;
export type Team = TeamBody;

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

export interface FeedbackList extends Paged<InboxItem> {
  counts: StatusCounts;
}

/** A reply or an internal note, signed. */
export interface Authored {
  id: string;
  body: string;
  createdAt: string;
  author: { name: string; kind?: 'team' | 'customer'; userId?: string | null };
}

export interface Loyalty {
  balance: number;
  tier: { name: string; threshold: number } | null;
}

export interface ThreadCustomer {
  userId: string;
  email: string | null;
  traits: Record<string, unknown>;
  loyalty: Loyalty | null;
  firstSeenAt: string;
  lastSeenAt: string;
}

/** A feedback item in the inbox: with its tags and assignee. */
export type InboxItem = FeedbackItem & {
  tags?: string[];
  assignee?: { userId: string; name: string } | null;
};

/** `GET /v1/admin/feedback/:id`. */
export interface FeedbackThread {
  item: InboxItem;
  replies: Authored[];
  notes: Authored[];
  tags: string[];
  assignee: { userId: string; name: string } | null;
  customer: ThreadCustomer | null;
  timeline: TimelineEntry[];
  /** The customer's "Did we solve this?" answer for the latest resolution, or null. */
  resolutionRating?: ResolutionRating | null;
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
  id: string;
  surveyId: string;
  surveyName: string | null;
  type: 'nps' | 'csat' | null;
  score: number | null;
  comment: string | null;
  answers: Record<string, unknown> | null;
  createdAt: string;
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
