import { createInstance } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { RESOURCE_KINDS } from '../shared/exchange.ts';
import { CASE_SECTORS } from '../shared/case-vocabulary.ts';
import { MATCH_PARTS, REASON_CODES, reasonPhrase, type ReasonLabels } from './exchange-reasons.ts';
import en from './locales/en.json';
import nl from './locales/nl.json';

const i18n = createInstance();
beforeAll(async () => {
  await i18n.init({
    resources: { en: { translation: en }, nl: { translation: nl } },
    lng: 'en',
    interpolation: { escapeValue: false },
  });
});

const labels = (lang: 'en' | 'nl'): ReasonLabels => ({
  kind: (k) => RESOURCE_KINDS.labels[k][lang],
  sector: (code) => CASE_SECTORS.labels[code as keyof typeof CASE_SECTORS.labels][lang],
});

/** The reason's sentence, as the match explanation shows it. */
function sentence(reason: { code: string; [k: string]: unknown }, lang: 'en' | 'nl'): string {
  const r = reasonPhrase(reason, labels(lang), lang);
  // Untyped, as in exchange-i18n.ts: the typed `t` leaves the exchange strings out.
  const translate = i18n.t.bind(i18n) as unknown as (key: string, options: object) => string;
  return translate(`exchange.${r.key}`, { ...r.params, lng: lang });
}

function has(catalogue: unknown, path: string): boolean {
  let node: unknown = catalogue;
  for (const part of path.split('.')) {
    if (typeof node !== 'object' || node === null || !(part in node)) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' && node.trim() !== '';
}

describe('match reasons in words', () => {
  it('has an English and a Dutch sentence for every reason code of the matcher', () => {
    expect(REASON_CODES.length).toBe(18);
    for (const catalogue of [en, nl]) {
      const missing = REASON_CODES.filter(
        (code) =>
          !has(catalogue, `exchange.reasons.${code}`) &&
          !(
            has(catalogue, `exchange.reasons.${code}_one`) &&
            has(catalogue, `exchange.reasons.${code}_other`)
          ),
      );
      expect(missing).toEqual([]);
    }
  });

  it('names every part of a score in both languages', () => {
    for (const catalogue of [en, nl])
      expect(MATCH_PARTS.filter((p) => !has(catalogue, `exchange.parts.${p}`))).toEqual([]);
  });

  it('lists the shared words, naming a subject term by its sector', () => {
    const reason = { code: 'shared_terms', terms: ['bookkeeping', 'invoice', 'sector:10'] };
    expect(sentence(reason, 'en')).toBe(
      'They have these words and subjects in common: bookkeeping, invoice, and Social protection.',
    );
    expect(sentence(reason, 'nl')).toBe(
      'Ze hebben deze woorden en onderwerpen gemeen: bookkeeping, invoice en Sociale bescherming.',
    );
    expect(sentence({ code: 'shared_terms', terms: ['garden'] }, 'en')).toBe(
      'They have this in common: garden.',
    );
  });

  it('names related kinds, counts days and gives a share as a percentage', () => {
    expect(sentence({ code: 'related_kind', offer: 'knowledge', request: 'expertise' }, 'en')).toBe(
      'The kinds are related: the offer is “Knowledge”, the request asks for “Expertise”.',
    );
    expect(sentence({ code: 'overlap_days', days: 1 }, 'en')).toBe(
      'The offer is available on 1 day of the time asked for.',
    );
    expect(sentence({ code: 'overlap_days', days: 1200 }, 'nl')).toBe(
      'Het aanbod is beschikbaar op 1.200 dagen van de gevraagde tijd.',
    );
    expect(sentence({ code: 'covers', share: 0.75 }, 'en')).toBe(
      'The offer covers 75% of the quantity asked for.',
    );
  });

  it('gives a neutral sentence for a code it does not know, and survives missing parameters', () => {
    expect(sentence({ code: 'moon_phase' }, 'en')).toBe(
      'No explanation is available for this part.',
    );
    expect(reasonPhrase({ code: 'shared_terms' }, labels('en'), 'en').params.count).toBe(0);
    expect(reasonPhrase({ code: 'covers', share: 'lots' }, labels('en'), 'en').params.share).toBe(
      '0%',
    );
  });
});
