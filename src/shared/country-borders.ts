/**
 * Land borders between European countries (ISO 3166-1 alpha-2), for "neighbouring countries
 * already adopted" in the event-history analysis of diffusion. Each border is listed once;
 * {@link neighbours} reads it both ways. Sea links (e.g. the Øresund bridge) are not borders.
 * Source: the borders as drawn in Natural Earth 1:10m admin-0 (2024); Kosovo is left out (no
 * ISO code).
 */
// prettier-ignore
const BORDERS = [
  'AD-ES', 'AD-FR',
  'AL-GR', 'AL-ME', 'AL-MK',
  'AT-CH', 'AT-CZ', 'AT-DE', 'AT-HU', 'AT-IT', 'AT-LI', 'AT-SI', 'AT-SK',
  'BA-HR', 'BA-ME', 'BA-RS',
  'BE-DE', 'BE-FR', 'BE-LU', 'BE-NL',
  'BG-GR', 'BG-MK', 'BG-RO', 'BG-RS', 'BG-TR',
  'BY-LT', 'BY-LV', 'BY-PL', 'BY-RU', 'BY-UA',
  'CH-DE', 'CH-FR', 'CH-IT', 'CH-LI',
  'CZ-DE', 'CZ-PL', 'CZ-SK',
  'DE-DK', 'DE-FR', 'DE-LU', 'DE-NL', 'DE-PL',
  'EE-LV', 'EE-RU',
  'ES-FR', 'ES-PT',
  'FI-NO', 'FI-RU', 'FI-SE',
  'FR-IT', 'FR-LU', 'FR-MC',
  'GB-IE',
  'GR-MK', 'GR-TR',
  'HR-HU', 'HR-ME', 'HR-RS', 'HR-SI',
  'HU-RO', 'HU-RS', 'HU-SI', 'HU-SK', 'HU-UA',
  'IT-SI', 'IT-SM', 'IT-VA',
  'LT-LV', 'LT-PL', 'LT-RU',
  'LV-RU',
  'MD-RO', 'MD-UA',
  'ME-RS',
  'MK-RS',
  'NO-RU', 'NO-SE',
  'PL-RU', 'PL-SK', 'PL-UA',
  'RO-RS', 'RO-UA',
  'RU-UA',
  'SK-UA',
] as const;

const table = new Map<string, Set<string>>();
for (const pair of BORDERS) {
  const [a, b] = pair.split('-') as [string, string];
  for (const [x, y] of [
    [a, b],
    [b, a],
  ] as const) {
    const set = table.get(x) ?? new Set<string>();
    set.add(y);
    table.set(x, set);
  }
}

/** The countries sharing a land border with `country` (empty for islands and unknown codes). */
export function neighbours(country: string): readonly string[] {
  return [...(table.get(country) ?? [])].sort();
}
