/**
 * The data the matcher works on: offers and requests of the seven resource kinds, in plain
 * values. The server turns its rows into these; nothing here knows about a database.
 */

/** The seven kinds of resource the LIPSE interviews name, plus physical space. */
export const RESOURCE_KINDS = [
  'knowledge',
  'information',
  'expertise',
  'people',
  'money',
  'contacts',
  'space',
] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];

export type Side = 'offer' | 'request';

/** Who stands behind an item: a kind of organisation, or a person acting alone. */
export type PartyKind =
  'public_body' | 'company' | 'civil_society' | 'academic' | 'community_group' | 'person';

/** One offer or request, as the matcher sees it. Dates are ISO `YYYY-MM-DD` strings. */
export interface ExchangeItem {
  id: string;
  side: Side;
  kind: ResourceKind;
  title: string;
  description: string;
  /** COFOG division codes ('01'..'10'); empty means any subject. */
  sectors: string[];
  /** ISO 3166-1 alpha-2, or null when not tied to a country. */
  country: string | null;
  region: string | null;
  /** Can be given or used at a distance (online, by post, by transfer). */
  remote: boolean;
  availableFrom: string | null;
  availableUntil: string | null;
  /** expertise, people: hours per week and for how many weeks. */
  hoursPerWeek: number | null;
  durationWeeks: number | null;
  /** money: amount in `currency`. */
  amount: number | null;
  currency: string | null;
  /** space: how many people it holds. */
  capacity: number | null;
  /** The party behind the item: never matched with itself. */
  partyKey: string;
  /** Cross-sector means a different party kind (a council and a company, say). */
  partyKind: PartyKind;
  /** The party's country (an organisation's seat, a person's country), for the bridge bonus. */
  partyCountry: string | null;
}
