import { z } from 'zod';

/**
 * Governance (state) traditions of European public administration: Painter & Peters (2010),
 * with Loughlin & Peters (1997), Ongaro (2009) and Kuhlmann & Wollmann (2019) where the
 * literature disagrees. Source table: `data/governance-traditions.csv` (see its SOURCE note);
 * a test keeps this constant and the CSV identical.
 */
export const GOVERNANCE_TRADITIONS = [
  'anglo-saxon',
  'napoleonic',
  'germanic',
  'scandinavian',
  'cee',
] as const;
export const GovernanceTradition = z.enum(GOVERNANCE_TRADITIONS);
export type GovernanceTradition = z.infer<typeof GovernanceTradition>;

export type GovernanceTraditionEntry = {
  /** ISO 3166-1 alpha-2. */
  country: string;
  name: string;
  euMember: boolean;
  tradition: GovernanceTradition;
  /** The usual alternative classification or legacy, where the literature names one. */
  alternative: string | null;
  /** Classified differently in the literature. */
  contested: boolean;
  /** One of the 11 LIPSE consortium countries. */
  lipse: boolean;
};

export const GOVERNANCE_TRADITION_TABLE: readonly GovernanceTraditionEntry[] = [
  {
    country: 'AT',
    name: 'Austria',
    euMember: true,
    tradition: 'germanic',
    alternative: null,
    contested: false,
    lipse: false,
  },
  {
    country: 'BE',
    name: 'Belgium',
    euMember: true,
    tradition: 'napoleonic',
    alternative: 'germanic (federalised since 1988; Loughlin & Peters 1997)',
    contested: true,
    lipse: true,
  },
  {
    country: 'BG',
    name: 'Bulgaria',
    euMember: true,
    tradition: 'cee',
    alternative: 'south-eastern european (Kuhlmann & Wollmann)',
    contested: false,
    lipse: false,
  },
  {
    country: 'HR',
    name: 'Croatia',
    euMember: true,
    tradition: 'cee',
    alternative: 'germanic legacy (Austro-Hungarian); south-eastern european',
    contested: true,
    lipse: false,
  },
  {
    country: 'CY',
    name: 'Cyprus',
    euMember: true,
    tradition: 'napoleonic',
    alternative: 'anglo-saxon legacy (British colonial)',
    contested: true,
    lipse: false,
  },
  {
    country: 'CZ',
    name: 'Czechia',
    euMember: true,
    tradition: 'cee',
    alternative: 'germanic legacy',
    contested: false,
    lipse: false,
  },
  {
    country: 'DK',
    name: 'Denmark',
    euMember: true,
    tradition: 'scandinavian',
    alternative: null,
    contested: false,
    lipse: true,
  },
  {
    country: 'EE',
    name: 'Estonia',
    euMember: true,
    tradition: 'cee',
    alternative: 'nordic influence; neo-liberal reform path',
    contested: true,
    lipse: true,
  },
  {
    country: 'FI',
    name: 'Finland',
    euMember: true,
    tradition: 'scandinavian',
    alternative: null,
    contested: false,
    lipse: false,
  },
  {
    country: 'FR',
    name: 'France',
    euMember: true,
    tradition: 'napoleonic',
    alternative: null,
    contested: false,
    lipse: true,
  },
  {
    country: 'DE',
    name: 'Germany',
    euMember: true,
    tradition: 'germanic',
    alternative: null,
    contested: false,
    lipse: true,
  },
  {
    country: 'GR',
    name: 'Greece',
    euMember: true,
    tradition: 'napoleonic',
    alternative: null,
    contested: false,
    lipse: false,
  },
  {
    country: 'HU',
    name: 'Hungary',
    euMember: true,
    tradition: 'cee',
    alternative: 'germanic legacy',
    contested: false,
    lipse: false,
  },
  {
    country: 'IE',
    name: 'Ireland',
    euMember: true,
    tradition: 'anglo-saxon',
    alternative: null,
    contested: false,
    lipse: false,
  },
  {
    country: 'IT',
    name: 'Italy',
    euMember: true,
    tradition: 'napoleonic',
    alternative: null,
    contested: false,
    lipse: true,
  },
  {
    country: 'LV',
    name: 'Latvia',
    euMember: true,
    tradition: 'cee',
    alternative: null,
    contested: false,
    lipse: false,
  },
  {
    country: 'LT',
    name: 'Lithuania',
    euMember: true,
    tradition: 'cee',
    alternative: null,
    contested: false,
    lipse: false,
  },
  {
    country: 'LU',
    name: 'Luxembourg',
    euMember: true,
    tradition: 'napoleonic',
    alternative: 'germanic',
    contested: true,
    lipse: false,
  },
  {
    country: 'MT',
    name: 'Malta',
    euMember: true,
    tradition: 'anglo-saxon',
    alternative: 'napoleonic/southern european',
    contested: true,
    lipse: false,
  },
  {
    country: 'NL',
    name: 'Netherlands',
    euMember: true,
    tradition: 'germanic',
    alternative: 'napoleonic legacy; consensual/corporatist governance culture',
    contested: true,
    lipse: true,
  },
  {
    country: 'PL',
    name: 'Poland',
    euMember: true,
    tradition: 'cee',
    alternative: null,
    contested: false,
    lipse: false,
  },
  {
    country: 'PT',
    name: 'Portugal',
    euMember: true,
    tradition: 'napoleonic',
    alternative: null,
    contested: false,
    lipse: false,
  },
  {
    country: 'RO',
    name: 'Romania',
    euMember: true,
    tradition: 'cee',
    alternative: 'napoleonic legacy; south-eastern european',
    contested: true,
    lipse: true,
  },
  {
    country: 'SK',
    name: 'Slovakia',
    euMember: true,
    tradition: 'cee',
    alternative: 'germanic legacy',
    contested: false,
    lipse: true,
  },
  {
    country: 'SI',
    name: 'Slovenia',
    euMember: true,
    tradition: 'cee',
    alternative: 'germanic legacy',
    contested: false,
    lipse: false,
  },
  {
    country: 'ES',
    name: 'Spain',
    euMember: true,
    tradition: 'napoleonic',
    alternative: 'germanic (quasi-federal since 1978; Loughlin & Peters 1997)',
    contested: true,
    lipse: true,
  },
  {
    country: 'SE',
    name: 'Sweden',
    euMember: true,
    tradition: 'scandinavian',
    alternative: null,
    contested: false,
    lipse: false,
  },
  {
    country: 'GB',
    name: 'United Kingdom',
    euMember: false,
    tradition: 'anglo-saxon',
    alternative: null,
    contested: false,
    lipse: true,
  },
  {
    country: 'NO',
    name: 'Norway',
    euMember: false,
    tradition: 'scandinavian',
    alternative: null,
    contested: false,
    lipse: false,
  },
  {
    country: 'IS',
    name: 'Iceland',
    euMember: false,
    tradition: 'scandinavian',
    alternative: null,
    contested: false,
    lipse: false,
  },
  {
    country: 'CH',
    name: 'Switzerland',
    euMember: false,
    tradition: 'germanic',
    alternative: null,
    contested: false,
    lipse: false,
  },
];

const byCountry: ReadonlyMap<string, GovernanceTraditionEntry> = new Map(
  GOVERNANCE_TRADITION_TABLE.map((e) => [e.country, e]),
);

/**
 * The governance tradition of a country, or null when the table has none; an override (set per
 * case) wins.
 *
 * @example
 * governanceTradition('NL'); // 'germanic'
 * governanceTradition('NL', 'napoleonic'); // 'napoleonic'
 */
export function governanceTradition(
  country: string,
  override?: GovernanceTradition | null,
): GovernanceTradition | null {
  return override ?? byCountry.get(country.toUpperCase())?.tradition ?? null;
}
