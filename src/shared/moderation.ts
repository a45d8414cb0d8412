/**
 * Moderation (issue 6): anyone signed in reports content with a reason; moderators hide it or
 * restore it with a justification its author sees. Hidden content is gone from lists, searches,
 * counts and feeds for everyone but moderators and its author. An organisation can require
 * pre-moderation: needs it is made responsible for wait, hidden, until a moderator approves them.
 */
import { z } from 'zod';

export const MODERATED_TYPES = ['need', 'need_comment', 'initiative', 'initiative_update'] as const;
export const ModeratedType = z.enum(MODERATED_TYPES);
export type ModeratedType = z.infer<typeof ModeratedType>;

export const ReportCreate = z.strictObject({
  targetType: ModeratedType,
  targetId: z.uuid(),
  reason: z.string().trim().min(3).max(2000),
});
export type ReportCreate = z.infer<typeof ReportCreate>;

export const ModerationDecision = z.strictObject({
  targetType: ModeratedType,
  targetId: z.uuid(),
  /** Shown to the author. */
  justification: z.string().trim().min(3).max(2000),
});
export type ModerationDecision = z.infer<typeof ModerationDecision>;

export const ModerationItem = z.object({
  targetType: ModeratedType,
  targetId: z.uuid(),
  /** The title or the start of the text. */
  excerpt: z.string(),
  /** Where it is shown, a path of the web app. */
  link: z.string(),
  author: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  hidden: z.boolean(),
  hiddenReason: z.string().nullable(),
  /** Waiting for pre-moderation. */
  awaitingApproval: z.boolean(),
  reports: z.array(z.object({ reason: z.string(), at: z.string() })),
});
export type ModerationItem = z.infer<typeof ModerationItem>;
export const ModerationQueue = z.object({ items: z.array(ModerationItem) });

export const PremoderationSetting = z.strictObject({ required: z.boolean() });
