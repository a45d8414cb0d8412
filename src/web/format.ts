import { COUNTRY_CODES, type CountryCode } from '../shared/countries.ts';

const regionNames = new Map<string, Intl.DisplayNames>();

function displayNames(lang: string): Intl.DisplayNames {
  let names = regionNames.get(lang);
  if (!names) {
    names = new Intl.DisplayNames([lang], { type: 'region', fallback: 'code' });
    regionNames.set(lang, names);
  }
  return names;
}

/** The name of a country in the interface language (falls back to the code). */
export function countryName(code: string, lang: string): string {
  try {
    return displayNames(lang).of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

/** All countries, sorted by their name in the interface language. */
export function sortedCountries(lang: string): { code: CountryCode; name: string }[] {
  const collator = new Intl.Collator(lang);
  return COUNTRY_CODES.map((code) => ({ code, name: countryName(code, lang) })).sort((a, b) =>
    collator.compare(a.name, b.name),
  );
}

export function formatDate(iso: string, lang: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(lang, { dateStyle: 'long' }).format(date);
}

export function formatDateTime(iso: string, lang: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'medium' }).format(date);
}

/** Only http(s) addresses are ever rendered as links. */
export function safeHttpUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
