/**
 * Notifications: an in-app inbox and e-mail, immediately or as a daily or weekly digest.
 * Each kind has its message in English and Dutch, with `{param}` placeholders.
 */
import { z } from 'zod';
import { vocabulary, type Label } from './case-vocabulary.ts';
import { SPACE_ROLES } from './havens.ts';
import { NEED_STATUSES } from './needs.ts';
import { FACILITATION_STATUSES } from './initiatives.ts';
import { PLEDGE_STATUSES } from './exchange.ts';

/** Params whose value is a vocabulary key: the message shows its label in the reader's language. */
const LABELLED: Record<string, Record<string, Label>> = {
  role: SPACE_ROLES.labels,
  status: NEED_STATUSES.labels,
  facilitation: FACILITATION_STATUSES.labels,
  pledge: PLEDGE_STATUSES.labels,
};

export const NOTIFICATION_KINDS = {
  'space.invitation': {
    en: '{inviter} invited you to the space “{space}” as {role}.',
    nl: '{inviter} heeft u uitgenodigd voor de ruimte “{space}” als {role}.',
  },
  'space.member.added': {
    en: '{actor} added you to the space “{space}” as {role}.',
    nl: '{actor} heeft u toegevoegd aan de ruimte “{space}” als {role}.',
  },
  'experiment.published': {
    en: 'The experiment “{title}” was published to the lessons library.',
    nl: 'Het experiment “{title}” is gepubliceerd in de bibliotheek met lessen.',
  },
  'need.status': {
    en: 'The need “{need}” you follow is now: {status}.',
    nl: 'De behoefte “{need}” die u volgt is nu: {status}.',
  },
  'need.comment': {
    en: '{actor} commented on the need “{need}” you follow.',
    nl: '{actor} reageerde op de behoefte “{need}” die u volgt.',
  },
  'initiative.update': {
    en: 'News from the initiative “{initiative}” you follow.',
    nl: 'Nieuws van het initiatief “{initiative}” dat u volgt.',
  },
  'initiative.join': {
    en: '{actor} asks to join the initiative “{initiative}”.',
    nl: '{actor} vraagt om mee te doen aan het initiatief “{initiative}”.',
  },
  'initiative.joined': {
    en: 'You are now a stakeholder of the initiative “{initiative}”.',
    nl: 'U bent nu betrokken bij het initiatief “{initiative}”.',
  },
  'facilitation.status': {
    en: '{organisation} changed its support of “{initiative}”: {facilitation}.',
    nl: '{organisation} heeft zijn steun aan “{initiative}” gewijzigd: {facilitation}.',
  },
  'moderation.hidden': {
    en: 'A moderator hid “{excerpt}”: {justification}',
    nl: 'Een moderator heeft “{excerpt}” verborgen: {justification}',
  },
  'moderation.restored': {
    en: 'A moderator made “{excerpt}” visible again: {justification}',
    nl: 'Een moderator heeft “{excerpt}” weer zichtbaar gemaakt: {justification}',
  },
  'exchange.match.offer': {
    en: 'A new offer “{title}” matches your request “{mine}” ({score}%).',
    nl: 'Een nieuw aanbod “{title}” past bij uw vraag “{mine}” ({score}%).',
  },
  'exchange.match.request': {
    en: 'A new request “{title}” matches your offer “{mine}” ({score}%).',
    nl: 'Een nieuwe vraag “{title}” past bij uw aanbod “{mine}” ({score}%).',
  },
  'pledge.proposed': {
    en: '{actor} proposes a pledge for “{title}”.',
    nl: '{actor} stelt een toezegging voor bij “{title}”.',
  },
  'pledge.status': {
    en: 'The pledge for “{title}” is now: {pledge}.',
    nl: 'De toezegging bij “{title}” is nu: {pledge}.',
  },
  'group.join': {
    en: '{actor} asks to join the working group “{group}”.',
    nl: '{actor} vraagt om lid te worden van de werkgroep “{group}”.',
  },
  'group.joined': {
    en: 'You are now a member of the working group “{group}”.',
    nl: 'U bent nu lid van de werkgroep “{group}”.',
  },
  'group.invitation': {
    en: '{inviter} invited you to the working group “{group}”.',
    nl: '{inviter} heeft u uitgenodigd voor de werkgroep “{group}”.',
  },
  'group.mention': {
    en: '{actor} mentioned you in “{thread}”.',
    nl: '{actor} noemde u in “{thread}”.',
  },
  'group.post': {
    en: '{actor} wrote in “{thread}”, which you follow.',
    nl: '{actor} schreef in “{thread}”, dat u volgt.',
  },
  'group.decision': {
    en: 'A new decision in “{group}”: “{title}”, open until {closes}.',
    nl: 'Een nieuw besluit in “{group}”: “{title}”, open tot {closes}.',
  },
  'group.meeting': {
    en: 'A meeting of “{group}”: “{title}” on {date}.',
    nl: 'Een vergadering van “{group}”: “{title}” op {date}.',
  },
} as const;
export type NotificationKind = keyof typeof NOTIFICATION_KINDS;
export const NotificationKind = z.enum(
  Object.keys(NOTIFICATION_KINDS) as [NotificationKind, ...NotificationKind[]],
);

/** Fills a message's placeholders; an unknown placeholder stays as it is. */
export function renderNotification(
  kind: NotificationKind,
  params: Readonly<Record<string, string>>,
  locale: 'en' | 'nl',
): string {
  return NOTIFICATION_KINDS[kind][locale].replace(/\{(\w+)\}/g, (m, key: string) => {
    if (!Object.hasOwn(params, key)) return m;
    const value = params[key]!;
    return LABELLED[key]?.[value]?.[locale] ?? value;
  });
}

/** The words of the e-mails around the messages. */
export const MAIL_TEXT = {
  en: {
    subject: 'Connective: {text}',
    digestSubject: 'Connective: {count} new notifications',
    open: 'Open it: {url}',
    footer:
      'You get these e-mails from Connective. Choose how often at {settings}, or stop them all: {unsubscribe}',
  },
  nl: {
    subject: 'Connective: {text}',
    digestSubject: 'Connective: {count} nieuwe meldingen',
    open: 'Bekijk het: {url}',
    footer:
      'U krijgt deze e-mails van Connective. Kies hoe vaak op {settings}, of stop ze allemaal: {unsubscribe}',
  },
} as const;

export function fill(template: string, params: Readonly<Record<string, string | number>>) {
  return template.replace(/\{(\w+)\}/g, (m, key: string) =>
    Object.hasOwn(params, key) ? String(params[key]) : m,
  );
}

export const EMAIL_FREQUENCIES = vocabulary({
  immediately: { en: 'Immediately', nl: 'Meteen' },
  daily: { en: 'Daily digest', nl: 'Dagelijks overzicht' },
  weekly: { en: 'Weekly digest', nl: 'Wekelijks overzicht' },
  off: { en: 'Off', nl: 'Uit' },
});
export const EmailFrequency = EMAIL_FREQUENCIES.schema;
export type EmailFrequency = z.infer<typeof EmailFrequency>;

export const Notification = z.object({
  id: z.uuid(),
  kind: NotificationKind,
  params: z.record(z.string(), z.string()),
  /** The message in the reader's language. */
  text: z.string(),
  link: z.string(),
  read: z.boolean(),
  createdAt: z.string(),
});
export type Notification = z.infer<typeof Notification>;
export const NotificationList = z.object({
  items: z.array(Notification),
  unread: z.number().int(),
});
export type NotificationList = z.infer<typeof NotificationList>;

export const NotificationSettings = z.object({ emailFrequency: EmailFrequency });
export const NotificationSettingsUpdate = z.strictObject({ emailFrequency: EmailFrequency });
export const Unsubscribe = z.strictObject({ token: z.string().min(20).max(200) });
