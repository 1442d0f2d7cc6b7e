import { z } from 'zod';
import { isOrigin } from '../origin';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, ROLES } from '../roles';
import { KEY_KINDS } from '../vocabulary';
import { widgetConfigSchema } from './config';

/**
 * Bodies of the console API (`/v1/console/*`): people, sessions, projects, keys, team, audit.
 * The console imports the types only; the server parses every body with these schemas.
 */

export const roleSchema = z.enum(ROLES);

/** An email address, compared case-insensitively by the server. */
export const emailSchema = z.string().trim().max(254).pipe(z.email());

/** A console password: 10–200 characters. */
export const passwordSchema = z.string().min(PASSWORD_MIN_LENGTH).max(PASSWORD_MAX_LENGTH);

/** A person's or project's display name. */
export const displayNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .refine(
    (value) => ![...value].some((char) => char.charCodeAt(0) < 32 || char === '\u007f'),
    'must not contain control characters',
  );

/** An allowed origin: `scheme://host[:port]`, no path, query or trailing slash. */
export const originSchema = z.string().superRefine((value, ctx) => {
  if (value.length > 300 || !isOrigin(value)) {
    ctx.addIssue({
      code: 'custom',
      message: `"${value.slice(0, 100)}" is not an origin: use scheme://host[:port], e.g. https://shop.example, with no path.`,
    });
  }
});

export const allowedOriginsSchema = z.array(originSchema).max(50);

export const setupInputSchema = z.object({
  token: z.string().min(1).max(200),
  email: emailSchema,
  name: displayNameSchema,
  password: passwordSchema,
});

export const signInInputSchema = z.object({
  email: z.string().max(254),
  password: z.string().max(PASSWORD_MAX_LENGTH),
});

export const passwordChangeInputSchema = z.object({
  currentPassword: z.string().max(PASSWORD_MAX_LENGTH),
  newPassword: passwordSchema,
});

export const projectCreateInputSchema = z.object({
  name: displayNameSchema,
  allowedOrigins: allowedOriginsSchema,
});

export const projectPatchInputSchema = z
  .object({ name: displayNameSchema.optional(), allowedOrigins: allowedOriginsSchema.optional() })
  .strict();

/** Project settings a site owner can edit. */
export const projectSettingsSchema = z.object({
  /** Days a person waits between any two surveys. */
  surveyGlobalWaitDays: z.number().int().min(0).max(365),
  /** Seconds the feedback form must be open before it is sent (bots are faster). */
  minFillSeconds: z.number().min(0).max(60),
  /** Refuse any `userId` that comes without a valid `userHash`. */
  identityVerificationRequired: z.boolean(),
});

export const widgetUpdateInputSchema = z
  .object({
    widgetConfig: widgetConfigSchema.partial().optional(),
    settings: projectSettingsSchema.partial().optional(),
  })
  .strict();

export const keyRotateInputSchema = z.object({ key: z.enum(KEY_KINDS) });

export const projectDeleteInputSchema = z.object({ confirm: z.string().max(200) });

export const invitationInputSchema = z.object({ email: emailSchema, role: roleSchema });

export const memberPatchInputSchema = z.object({ role: roleSchema });

export const invitationAcceptInputSchema = z.object({
  name: displayNameSchema,
  password: passwordSchema,
});

export type SetupInput = z.infer<typeof setupInputSchema>;
export type SignInInput = z.infer<typeof signInInputSchema>;
export type PasswordChangeInput = z.infer<typeof passwordChangeInputSchema>;
export type ProjectCreateInput = z.infer<typeof projectCreateInputSchema>;
export type ProjectPatchInput = z.infer<typeof projectPatchInputSchema>;
export type ProjectSettingsView = z.infer<typeof projectSettingsSchema>;
export type WidgetUpdateInput = z.infer<typeof widgetUpdateInputSchema>;
export type KeyRotateInput = z.infer<typeof keyRotateInputSchema>;
export type InvitationInput = z.infer<typeof invitationInputSchema>;
export type InvitationAcceptInput = z.infer<typeof invitationAcceptInputSchema>;

type ConsoleRole = (typeof ROLES)[number];

/** `GET /v1/console/session` and every sign-in: who is signed in, and where. */
export interface SessionBody {
  user: { id: string; email: string; name: string };
  csrfToken: string;
  projects: { id: string; name: string; role: ConsoleRole }[];
}

/** `GET /v1/console/status`. */
export interface ConsoleStatus {
  hasOwner: boolean;
}

/** A project as the console shows it. `identitySecret` only for owners and admins. */
export interface ProjectView {
  id: string;
  name: string;
  role: ConsoleRole;
  publishableKey: string;
  identitySecret?: string;
  allowedOrigins: string[];
  settings: ProjectSettingsView;
  widgetConfig: z.infer<typeof widgetConfigSchema>;
  publicUrl: string;
  createdAt: string;
}

/** `POST /v1/console/projects` → 201. The secret key is shown this once. */
export interface ProjectCreated {
  project: ProjectView;
  secretKey: string;
}

/** `POST …/keys/rotate`: the new value of the rotated key. */
export interface KeyRotated {
  publishableKey?: string;
  secretKey?: string;
  identitySecret?: string;
  /** Until when the secret key before this rotation keeps working (24 h). */
  previousSecretKeyValidUntil?: string;
}

/** `GET …/first-event`: has the project received anything yet. */
export interface FirstEvent {
  received: boolean;
  at?: string;
  type?: string;
}

export interface TeamMember {
  userId: string;
  email: string;
  name: string;
  role: ConsoleRole;
}

export interface PendingInvitation {
  id: string;
  email: string;
  role: ConsoleRole;
  expiresAt: string;
}

/** `GET …/members`. */
export interface TeamBody {
  members: TeamMember[];
  invitations: PendingInvitation[];
}

/** `POST …/invitations` → 201; `url` carries the single-use token. */
export interface InvitationCreated extends PendingInvitation {
  url: string;
}

/** `GET /v1/console/invitations/:token`. */
export interface InvitationPreview {
  email: string;
  projectName: string;
  role: ConsoleRole;
}

/** Who did an audited action. */
export type AuditActor =
  | { userId: string; email: string; name: string }
  | { kind: 'secret_key' }
  | null;

export interface AuditItem {
  id: string;
  at: string;
  actor: AuditActor;
  action: string;
  target: string | null;
  details: Record<string, unknown>;
}

/** `GET …/audit`. */
export interface AuditPage {
  items: AuditItem[];
  nextCursor?: string;
}
