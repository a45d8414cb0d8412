import { describe, expect, it } from 'vitest';
import en from './locales/en.json';
import nl from './locales/nl.json';

type Catalogue = { [key: string]: string | Catalogue };

function flatten(node: Catalogue, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(node)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const catalogues: Record<string, Map<string, string>> = {
  en: flatten(en as Catalogue),
  nl: flatten(nl as Catalogue),
};

function placeholders(value: string): string[] {
  return [...value.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1] ?? '').sort();
}

describe('i18n catalogues', () => {
  it('have exactly the same keys in English and Dutch', () => {
    const enKeys = [...catalogues.en!.keys()].sort();
    const nlKeys = [...catalogues.nl!.keys()].sort();
    const missingInNl = enKeys.filter((k) => !catalogues.nl!.has(k));
    const missingInEn = nlKeys.filter((k) => !catalogues.en!.has(k));
    expect({ missingInNl, missingInEn }).toEqual({ missingInNl: [], missingInEn: [] });
  });

  it('have no empty values', () => {
    for (const [lang, catalogue] of Object.entries(catalogues)) {
      const empty = [...catalogue].filter(([, v]) => v.trim() === '').map(([k]) => k);
      expect(empty, `empty values in ${lang}`).toEqual([]);
    }
  });

  it('use the same interpolation placeholders in both languages', () => {
    const mismatched: string[] = [];
    for (const [key, value] of catalogues.en!) {
      const other = catalogues.nl!.get(key);
      if (other === undefined) continue;
      if (placeholders(value).join() !== placeholders(other).join()) mismatched.push(key);
    }
    expect(mismatched).toEqual([]);
  });

  it('translate every organisation vocabulary value', async () => {
    const { ORGANISATION_KINDS, GOVERNMENT_LEVELS, COFOG_DIVISIONS, MEMBER_ROLES } =
      await import('../shared/organisations.ts');
    const needed = [
      ...ORGANISATION_KINDS.map((k) => `vocab.kinds.${k}`),
      ...GOVERNMENT_LEVELS.map((k) => `vocab.levels.${k}`),
      ...COFOG_DIVISIONS.map((k) => `vocab.sectors.${k}`),
      ...MEMBER_ROLES.map((k) => `vocab.roles.${k}`),
    ];
    for (const catalogue of Object.values(catalogues)) {
      expect(needed.filter((k) => !catalogue.has(k))).toEqual([]);
    }
  });

  it('have a label for every case-library key built from a value', async () => {
    const { LIST_FACETS } = await import('./case-search.ts');
    const { SEARCH_SORTS, AGREEMENT_CATEGORIES } = await import('../shared/cases.ts');
    const needed = [
      ...LIST_FACETS.map((f) => `cases.facet.${f}`),
      'cases.facet.year',
      'cases.facet.coded',
      ...SEARCH_SORTS.map((s) => `cases.sort.${s}`),
      ...AGREEMENT_CATEGORIES.map((c) => `agreement.category.${c}`),
      ...['poor', 'slight', 'fair', 'moderate', 'substantial', 'almostPerfect'].map(
        (b) => `agreement.band.${b}`,
      ),
      ...['name', 'role', 'dimension', 'evidence', 'note', 'url', 'label'].map(
        (f) => `caseForm.rowField.${f}`,
      ),
    ];
    for (const catalogue of Object.values(catalogues)) {
      expect(needed.filter((k) => !catalogue.has(k))).toEqual([]);
    }
  });
});
