import { z } from 'zod';

export const PLATFORM_ROLES = ['member', 'moderator', 'admin'] as const;
export const PlatformRole = z.enum(PLATFORM_ROLES);
export type PlatformRole = z.infer<typeof PlatformRole>;

export const LOCALES = ['en', 'nl'] as const;
export const Locale = z.enum(LOCALES);
export type Locale = z.infer<typeof Locale>;

export const MIN_PASSWORD_LENGTH = 12;

const Email = z
  .email({ message: 'must be an e-mail address' })
  .max(254)
  .transform((s) => s.trim().toLowerCase());
const Name = z.string().trim().min(1, { message: 'is required' }).max(120);
const Password = z
  .string()
  .min(MIN_PASSWORD_LENGTH, { message: `must be at least ${MIN_PASSWORD_LENGTH} characters` })
  .max(256);

export const SignUp = z.strictObject({ name: Name, email: Email, password: Password });
export type SignUp = z.infer<typeof SignUp>;

export const SignIn = z.strictObject({
  email: Email,
  password: z.string().min(1, { message: 'is required' }).max(256),
});
export type SignIn = z.infer<typeof SignIn>;

export const PasswordChange = z.strictObject({
  currentPassword: z.string().min(1).max(256),
  newPassword: Password,
});
export type PasswordChange = z.infer<typeof PasswordChange>;

export const ProfileUpdate = z.strictObject({
  name: Name.optional(),
  locale: Locale.optional(),
});
export type ProfileUpdate = z.infer<typeof ProfileUpdate>;

export const AccountDelete = z.strictObject({ password: z.string().min(1).max(256) });
export type AccountDelete = z.infer<typeof AccountDelete>;

/** The signed-in person, as the API sends it about themselves. */
export const Me = z.object({
  id: z.uuid(),
  name: z.string(),
  email: z.string(),
  platformRole: PlatformRole,
  locale: Locale,
  createdAt: z.string(),
});
export type Me = z.infer<typeof Me>;

export const SessionInfo = z.object({
  user: Me.nullable(),
  /** Send back as the `x-csrf-token` header on every write. */
  csrfToken: z.string().nullable(),
});
export type SessionInfo = z.infer<typeof SessionInfo>;

/** Everything the platform holds about a person (GDPR art. 15 and 20). */
/** An organisation I belong to, with my role in it. */
export const Membership = z.object({
  organisationId: z.uuid(),
  organisationName: z.string(),
  role: z.string(),
  since: z.string(),
});
export type Membership = z.infer<typeof Membership>;
export const MembershipList = z.object({ items: z.array(Membership) });

export const PersonalDataExport = z.object({
  exportedAt: z.string(),
  user: Me,
  memberships: z.array(Membership),
  /** The spaces (safe havens) I belong to, private ones included: they are mine to know. */
  spaces: z.array(
    z.object({ spaceId: z.uuid(), spaceName: z.string(), role: z.string(), since: z.string() }),
  ),
  /** Working groups I am in, with the affiliation and country I gave. */
  groups: z.array(
    z.object({
      groupId: z.uuid(),
      groupName: z.string(),
      role: z.string(),
      affiliation: z.string(),
      country: z.string(),
      since: z.string(),
    }),
  ),
  /** My inbox (the latest 100). */
  notifications: z.array(
    z.object({ text: z.string(), link: z.string(), read: z.boolean(), createdAt: z.string() }),
  ),
  /** Pending invitations to spaces, sent to my e-mail address. */
  spaceInvitations: z.array(
    z.object({
      spaceId: z.uuid(),
      spaceName: z.string(),
      role: z.string(),
      createdAt: z.string(),
    }),
  ),
  joinRequests: z.array(
    z.object({
      organisationId: z.uuid(),
      status: z.string(),
      message: z.string(),
      createdAt: z.string(),
    }),
  ),
  sessions: z.array(
    z.object({ createdAt: z.string(), expiresAt: z.string(), lastSeenAt: z.string() }),
  ),
  auditTrail: z.array(
    z.object({
      action: z.string(),
      at: z.string(),
      targetType: z.string(),
      targetId: z.string().nullable(),
    }),
  ),
});
export type PersonalDataExport = z.infer<typeof PersonalDataExport>;
