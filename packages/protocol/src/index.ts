/**
 * @rapport/protocol — the wire contract between the Rapport SDK and server: the limits, names
 * and error codes both sides use, and the TypeScript type of every message and endpoint.
 *
 * This entry holds no zod and no schema, so the SDK, the widget and the console can import it
 * at run time without pulling a validator into the page. The zod schemas the server parses
 * with are in `@rapport/protocol/schemas`.
 */

export * from './errors';
export {
  DEVICE_SECRET_HEADER,
  DEVICE_SECRET_PATTERN,
  ID_PATTERN,
  isPathSafeId,
  USER_HASH_PATTERN,
} from './id-pattern';
export * from './limits';
export * from './loyalty';
export * from './origin';
export * from './roles';
// Types only: each is inferred from its schema, and the schemas stay in ./schemas.
export type { Page } from './schemas/admin';
export type {
  CustomerProfile,
  CustomerSummary,
  CustomersPage,
  CustomersQuery,
  SurveyAnswer,
} from './schemas/admin-customers';
export type {
  Author,
  CustomerCard,
  FeedbackThread,
  InboxItem,
  InboxPage,
  InboxPatch,
  InboxQuery,
  StatusCounts,
  TeammateRef,
  ThreadPost,
} from './schemas/admin-inbox';
export type {
  Panel,
  WidgetConfig,
} from './schemas/config';
export type {
  AuditActor,
  AuditItem,
  AuditPage,
  ConsoleStatus,
  FirstEvent,
  InvitationAcceptInput,
  InvitationCreated,
  InvitationInput,
  InvitationPreview,
  KeyRotated,
  KeyRotateInput,
  PasswordChangeInput,
  PendingInvitation,
  ProjectCreated,
  ProjectCreateInput,
  ProjectPatchInput,
  ProjectSettingsView,
  ProjectView,
  SessionBody,
  SetupInput,
  SignInInput,
  TeamBody,
  TeamMember,
  WidgetUpdateInput,
} from './schemas/console';
export type {
  FeedbackItem,
  FeedbackStatus,
  InboxResponse,
  InboxThread,
  Reply,
  SurveyAnswerRef,
  UnreadResponse,
} from './schemas/feedback';
export type {
  EarnRequest,
  LoyaltyActivity,
  LoyaltyView,
  Member,
  MemberRow,
  RedeemRequest,
  RedeemResponse,
  Redemption,
  RedemptionPatch,
  Reward,
  RewardCodes,
  RewardCodesAdded,
  RewardCodesInput,
  RewardInput,
  Tier,
  WayToEarn,
} from './schemas/loyalty';
export type {
  BatchRequest,
  BatchResponse,
  FeedbackCategory,
  FeedbackContext,
  FeedbackMessage,
  IdentifyMessage,
  Message,
  MessageType,
  PageMessage,
  RejectedMessage,
  ReplyMessage,
  ResolutionRatingMessage,
  SurveyResponseMessage,
  TrackMessage,
} from './schemas/messages';
export type {
  DurationFigure,
  ResolutionRating,
  ServiceReport,
  ServiceReportQuery,
  ServiceWeek,
  ThreadResolution,
} from './schemas/service-report';
export type {
  Breakdown,
  BreakdownRow,
  CsatFigures,
  NpsFigures,
  PeriodReport,
  ResponseRate,
  ScoreSummary,
  SeriesPoint,
  SurveyComment,
  SurveyCommentsPage,
  SurveyCommentsQuery,
  SurveyListItem,
  SurveyReport,
  SurveyReportQuery,
} from './schemas/survey-report';
export type {
  EligibleSurvey,
  EligibleSurveysResponse,
  FollowUp,
  NpsSummary,
  Survey,
  SurveyInput,
  SurveyPatch,
  SurveyTranslation,
  SurveyTranslations,
  SurveyType,
  Targeting,
} from './schemas/surveys';
export type {
  TimelineEntry,
  TimelinePage,
} from './schemas/timeline';
export type { TraitRule, TraitRuleOp, TraitTargeting } from './schemas/trait-rules';
export type {
  WebhookCreated,
  WebhookDelivery,
  WebhookEndpoint,
  WebhookInput,
  WebhookPatch,
  WebhookSecretRotated,
} from './schemas/webhooks';
export * from './survey-scales';
export * from './trait-placeholders';
export * from './trait-rules';
export * from './vocabulary';
export * from './webhooks';
export * from './widget-defaults';
