import type { ApiClient } from './client';
import type {
  AuditItem,
  CommentFilters,
  CreatedInvitation,
  CreatedProject,
  CustomerProfile,
  CustomerRow,
  FeedbackFilters,
  FeedbackList,
  FeedbackStatus,
  FeedbackThread,
  FirstEvent,
  InvitationPreview,
  KeyKind,
  ListedSurvey,
  LoyaltyMember,
  MemberRow,
  MemberSort,
  Paged,
  ProjectSettings,
  ProjectView,
  Redemption,
  RedemptionStatus,
  ReportQuery,
  Reward,
  RewardCodes,
  RewardCodesAdded,
  RewardCodesInput,
  RewardInput,
  Role,
  RotatedKeys,
  ServiceReport,
  SessionBody,
  Survey,
  SurveyCommentsPage,
  SurveyInput,
  SurveyPatch,
  SurveyReport,
  Team,
  Tier,
  TimelineEntry,
  WayToEarn,
  WebhookCreated,
  WebhookDelivery,
  WebhookEndpoint,
  WebhookInput,
  WebhookPatch,
  WebhookSecretRotated,
  WidgetConfig,
} from './types';

const enc = encodeURIComponent;

/** Typed calls of /v1/console/* (people, projects, keys, team, audit). */
export function consoleEndpoints(api: ApiClient) {
  const project = (id: string) => `/v1/console/projects/${enc(id)}`;
  return {
    status: () => api.request<{ hasOwner: boolean }>('/v1/console/status'),
    setup: (body: { token: string; email: string; name: string; password: string }) =>
      api.request<SessionBody>('/v1/console/setup', { method: 'POST', body }),
    signIn: (body: { email: string; password: string }) =>
      api.request<SessionBody>('/v1/console/sign-in', { method: 'POST', body }),
    signOut: () => api.request<void>('/v1/console/sign-out', { method: 'POST' }),
    session: () => api.request<SessionBody>('/v1/console/session'),
    digest: () => api.request<{ enabled: boolean }>('/v1/console/account/digest'),
    setDigest: (enabled: boolean) =>
      api.request<{ enabled: boolean }>('/v1/console/account/digest', {
        method: 'PUT',
        body: { enabled },
      }),
    changePassword: (body: { currentPassword: string; newPassword: string }) =>
      api.request<SessionBody>('/v1/console/password', { method: 'POST', body }),
    createProject: (body: { name: string; allowedOrigins: string[] }) =>
      api.request<CreatedProject>('/v1/console/projects', { method: 'POST', body }),
    project: (id: string) => api.request<ProjectView>(project(id)),
    updateProject: (id: string, body: { name?: string; allowedOrigins?: string[] }) =>
      api.request<ProjectView>(project(id), { method: 'PATCH', body }),
    updateWidget: (
      id: string,
      body: { widgetConfig?: WidgetConfig; settings?: Partial<ProjectSettings> },
    ) => api.request<ProjectView>(`${project(id)}/widget`, { method: 'PUT', body }),
    rotateKey: (id: string, key: KeyKind) =>
      api.request<RotatedKeys>(`${project(id)}/keys/rotate`, { method: 'POST', body: { key } }),
    deleteProject: (id: string, confirm: string) =>
      api.request<void>(project(id), { method: 'DELETE', body: { confirm } }),
    firstEvent: (id: string) => api.request<FirstEvent>(`${project(id)}/first-event`),
    team: (id: string) => api.request<Team>(`${project(id)}/members`),
    invite: (id: string, body: { email: string; role: Role }) =>
      api.request<CreatedInvitation>(`${project(id)}/invitations`, { method: 'POST', body }),
    revokeInvitation: (id: string, invitationId: string) =>
      api.request<void>(`${project(id)}/invitations/${enc(invitationId)}`, { method: 'DELETE' }),
    changeRole: (id: string, userId: string, role: Role) =>
      api.request<unknown>(`${project(id)}/members/${enc(userId)}`, {
        method: 'PATCH',
        body: { role },
      }),
    removeMember: (id: string, userId: string) =>
      api.request<void>(`${project(id)}/members/${enc(userId)}`, { method: 'DELETE' }),
    invitation: (token: string) =>
      api.request<InvitationPreview>(`/v1/console/invitations/${enc(token)}`),
    acceptInvitation: (token: string, body: { name: string; password: string }) =>
      api.request<SessionBody>(`/v1/console/invitations/${enc(token)}/accept`, {
        method: 'POST',
        body,
      }),
    audit: (id: string, cursor?: string) =>
      api.request<Paged<AuditItem>>(`${project(id)}/audit`, { query: { cursor } }),
  };
}

/** Typed calls of the admin API for one project, authorised by the session cookie. */
export function adminEndpoints(api: ApiClient, projectId: string) {
  const call = <T>(path: string, options: Parameters<ApiClient['request']>[1] = {}) =>
    api.request<T>(path, { ...options, project: projectId });
  const feedback = (id: string) => `/v1/admin/feedback/${enc(id)}`;
  const customer = (userId: string) => `/v1/admin/customers/${enc(userId)}`;
  const survey = (id: string) => `/v1/admin/surveys/${enc(id)}`;
  const webhook = (id: string) => `/v1/admin/webhooks/${enc(id)}`;
  const reward = (id: string) => `/v1/admin/loyalty/rewards/${enc(id)}`;
  return {
    feedback: (filters: FeedbackFilters, cursor?: string, limit = 25) =>
      call<FeedbackList>('/v1/admin/feedback', {
        query: { ...filters, hasEmail: filters.hasEmail, cursor, limit },
      }),
    thread: (id: string) => call<FeedbackThread>(feedback(id)),
    updateFeedback: (id: string, body: { status?: FeedbackStatus; assigneeId?: string | null }) =>
      call<unknown>(feedback(id), { method: 'PATCH', body }),
    reply: (id: string, body: string) =>
      call<unknown>(`${feedback(id)}/replies`, { method: 'POST', body: { body } }),
    note: (id: string, body: string) =>
      call<unknown>(`${feedback(id)}/notes`, { method: 'POST', body: { body } }),
    setTags: (id: string, tags: string[]) =>
      call<unknown>(`${feedback(id)}/tags`, { method: 'PUT', body: { tags } }),
    customers: (q: string, cursor?: string, limit = 25) =>
      call<Paged<CustomerRow>>('/v1/admin/customers', { query: { q, cursor, limit } }),
    customer: (userId: string) => call<CustomerProfile>(customer(userId)),
    timeline: (userId: string, cursor?: string, limit = 50) =>
      call<Paged<TimelineEntry>>(`${customer(userId)}/timeline`, { query: { cursor, limit } }),
    exportCustomer: (userId: string) => call<unknown>(`${customer(userId)}/export`),
    eraseCustomer: (userId: string) =>
      call<void>(customer(userId), { method: 'DELETE', body: { confirm: userId } }),
    /** Every survey with its all-time `summary`: one request for the whole list. */
    surveys: () => call<Paged<ListedSurvey>>('/v1/admin/surveys'),
    survey: (id: string) => call<Survey>(survey(id)),
    createSurvey: (body: SurveyInput) =>
      call<Survey>('/v1/admin/surveys', { method: 'POST', body }),
    updateSurvey: (id: string, body: SurveyPatch) =>
      call<Survey>(survey(id), { method: 'PATCH', body }),
    deleteSurvey: (id: string) => call<void>(survey(id), { method: 'DELETE' }),
    /** The weekly service report: the last `weeks` UTC weeks, the current one last. */
    serviceReport: (weeks: number) =>
      call<ServiceReport>('/v1/admin/reports/service', { query: { weeks } }),
    /** A survey's report: figures, series, response rate, breakdown, a second period. */
    surveyReport: (id: string, query: ReportQuery) =>
      call<SurveyReport>(`${survey(id)}/report`, { query: { ...query } }),
    /** A page of a survey's comments, newest first. */
    surveyComments: (id: string, filters: CommentFilters, cursor?: string, limit = 20) =>
      call<SurveyCommentsPage>(`${survey(id)}/comments`, {
        query: { ...filters, cursor, limit },
      }),
    rewards: () => call<{ items: Reward[] }>('/v1/admin/loyalty/rewards'),
    reward: (id: string) => call<Reward>(reward(id)),
    createReward: (body: RewardInput) =>
      call<Reward>('/v1/admin/loyalty/rewards', { method: 'POST', body }),
    updateReward: (id: string, body: Partial<Omit<RewardInput, 'id'>>) =>
      call<Reward>(reward(id), { method: 'PATCH', body }),
    deleteReward: (id: string) => call<void>(reward(id), { method: 'DELETE' }),
    rewardCodes: (id: string) => call<RewardCodes>(`${reward(id)}/codes`),
    addRewardCodes: (id: string, body: RewardCodesInput) =>
      call<RewardCodesAdded>(`${reward(id)}/codes`, { method: 'POST', body }),
    tiers: () => call<{ items: Tier[] }>('/v1/admin/loyalty/tiers'),
    replaceTiers: (tiers: Tier[]) =>
      call<{ items: Tier[] }>('/v1/admin/loyalty/tiers', { method: 'PUT', body: tiers }),
    waysToEarn: () => call<{ items: WayToEarn[] }>('/v1/admin/loyalty/ways-to-earn'),
    replaceWaysToEarn: (ways: WayToEarn[]) =>
      call<{ items: WayToEarn[] }>('/v1/admin/loyalty/ways-to-earn', { method: 'PUT', body: ways }),
    members: (q: string, sort: MemberSort, cursor?: string, limit = 25) =>
      call<Paged<MemberRow>>('/v1/admin/loyalty/members', { query: { q, sort, cursor, limit } }),
    member: (userId: string) => call<LoyaltyMember>(`/v1/admin/loyalty/members/${enc(userId)}`),
    /** Adds (or, negative, deducts) points; `id` makes a retry count once. */
    adjustPoints: (body: { id: string; userId: string; points: number; reason: string }) =>
      call<{ balance: number; lifetimePoints: number; duplicate: boolean }>(
        '/v1/admin/loyalty/earn',
        { method: 'POST', body },
      ),
    redemptions: (status: RedemptionStatus | undefined, cursor?: string, limit = 25) =>
      call<Paged<Redemption>>('/v1/admin/loyalty/redemptions', {
        query: { status, cursor, limit },
      }),
    setRedemptionStatus: (id: string, status: RedemptionStatus) =>
      call<Redemption>(`/v1/admin/loyalty/redemptions/${enc(id)}`, {
        method: 'PATCH',
        body: { status },
      }),
    webhooks: () => call<{ items: WebhookEndpoint[] }>('/v1/admin/webhooks'),
    webhook: (id: string) => call<WebhookEndpoint>(webhook(id)),
    /** Answers the signing secret this once. */
    createWebhook: (body: WebhookInput) =>
      call<WebhookCreated>('/v1/admin/webhooks', { method: 'POST', body }),
    updateWebhook: (id: string, body: WebhookPatch) =>
      call<WebhookEndpoint>(webhook(id), { method: 'PATCH', body }),
    deleteWebhook: (id: string) => call<void>(webhook(id), { method: 'DELETE' }),
    rotateWebhookSecret: (id: string) =>
      call<WebhookSecretRotated>(`${webhook(id)}/rotate-secret`, { method: 'POST' }),
    /** Queues a `webhook.test` event for this endpoint alone. */
    testWebhook: (id: string) => call<WebhookDelivery>(`${webhook(id)}/test`, { method: 'POST' }),
    /** The endpoint's delivery log, newest first. */
    webhookDeliveries: (id: string, cursor?: string, limit = 20) =>
      call<Paged<WebhookDelivery>>(`${webhook(id)}/deliveries`, { query: { cursor, limit } }),
    redeliver: (id: string, deliveryId: string) =>
      call<WebhookDelivery>(`${webhook(id)}/deliveries/${enc(deliveryId)}/redeliver`, {
        method: 'POST',
      }),
  };
}

export type ConsoleEndpoints = ReturnType<typeof consoleEndpoints>;
export type AdminEndpoints = ReturnType<typeof adminEndpoints>;
