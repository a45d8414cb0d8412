import { describe, expect, it } from 'vitest';
import { FACTORS } from '../../shared/case-vocabulary.ts';
import { CaseCreate, CodeCreate, SUMMARY_MAX } from '../../shared/cases.ts';
import {
  GOVERNANCE_TRADITIONS,
  GOVERNANCE_TRADITION_TABLE,
  governanceTradition,
} from '../../shared/governance-traditions.ts';
import { cohenKappa } from '../../core/stats/kappa.ts';
import { ILLUSTRATIVE_CASES, type IllustrativeCase } from './illustrative-cases.ts';

const CODERS = ['anna', 'jonas'] as const;

function codesBy(c: IllustrativeCase, coder: (typeof CODERS)[number]) {
  return c.codes.filter((code) => code.coder === coder);
}

describe('the illustrative cases', () => {
  it('are at least 14, each parses as a published illustrative case', () => {
    expect(ILLUSTRATIVE_CASES.length).toBeGreaterThanOrEqual(14);
    for (const c of ILLUSTRATIVE_CASES) {
      const parsed = CaseCreate.safeParse(c.case);
      expect(parsed.error?.issues ?? [], c.key).toEqual([]);
      const value = parsed.data!;
      expect(value.summary.length, c.key).toBeLessThanOrEqual(SUMMARY_MAX);
      expect(value.status, c.key).toBe('published');
      expect(value.illustrative, c.key).toBe(true);
      expect(value.countries.length, c.key).toBeGreaterThanOrEqual(1);
      expect(Object.keys(value.sections).length, c.key).toBeGreaterThanOrEqual(6);
      expect(value.partners.length, c.key).toBeGreaterThanOrEqual(2);
      expect(value.outcomes.length, c.key).toBeGreaterThanOrEqual(1);
      if (value.ongoing) expect(value.endDate, c.key).toBeNull();
      if (value.startDate && value.yearLaunched) {
        expect(Number(value.startDate.slice(0, 4)), c.key).toBe(value.yearLaunched);
      }
    }
  });

  it('have unique keys and unique titles', () => {
    const keys = ILLUSTRATIVE_CASES.map((c) => c.key);
    const titles = ILLUSTRATIVE_CASES.map((c) => c.case.title);
    expect(new Set(keys).size).toBe(keys.length);
    expect(new Set(titles).size).toBe(titles.length);
  });

  it('have valid codes, at most one per coder per factor, with a driver and a barrier', () => {
    for (const c of ILLUSTRATIVE_CASES) {
      for (const code of c.codes) {
        const parsed = CodeCreate.safeParse({
          factor: code.factor,
          direction: code.direction,
          evidence: code.evidence,
        });
        expect(parsed.success, `${c.key} ${code.factor}`).toBe(true);
        expect(code.evidence.trim().length, `${c.key} ${code.factor}`).toBeGreaterThan(0);
      }
      const directions = new Set(c.codes.map((code) => code.direction));
      expect(directions, c.key).toEqual(new Set(['driver', 'barrier']));
      for (const coder of CODERS) {
        const mine = codesBy(c, coder);
        const factors = mine.map((code) => code.factor);
        expect(new Set(factors).size, `${c.key} ${coder}`).toBe(factors.length);
        if (mine.length > 0) {
          expect(new Set(mine.map((code) => code.direction)), `${c.key} ${coder}`).toEqual(
            new Set(['driver', 'barrier']),
          );
        }
      }
      const anna = codesBy(c, 'anna').length;
      expect(anna, c.key).toBeGreaterThanOrEqual(4);
      expect(anna, c.key).toBeLessThanOrEqual(8);
    }
  });

  it('cover all five governance traditions and every LIPSE country', () => {
    const traditions = new Set(
      ILLUSTRATIVE_CASES.flatMap((c) =>
        (c.case.countries ?? []).map((country) => governanceTradition(country)),
      ),
    );
    expect([...traditions].sort()).toEqual([...GOVERNANCE_TRADITIONS].sort());
    const countries = new Set(ILLUSTRATIVE_CASES.flatMap((c) => c.case.countries ?? []));
    const lipse = GOVERNANCE_TRADITION_TABLE.filter((e) => e.lipse).map((e) => e.country);
    for (const country of lipse) expect(countries, country).toContain(country);
  });

  it('include the kinds of case the demo needs, among them a failure and a cross-border case', () => {
    const all = ILLUSTRATIVE_CASES.map((c) => c.case);
    expect(all.some((c) => (c.countries ?? []).length >= 2 && c.level === 'cross_border')).toBe(
      true,
    );
    expect(all.some((c) => c.maturity === 'discontinued')).toBe(true);
    expect(all.some((c) => c.experimentation === 'sandbox')).toBe(true);
    expect(all.some((c) => c.experimentation === 'lab')).toBe(true);
    const tags = new Set(all.flatMap((c) => c.tags ?? []));
    for (const tag of ['neighbourhood company', 'participatory budget', 'energy cooperative']) {
      expect(tags, tag).toContain(tag);
    }
  });

  it('are coded by both coders in at least 8 cases, with high but imperfect agreement', () => {
    const both = ILLUSTRATIVE_CASES.filter((c) =>
      CODERS.every((coder) => codesBy(c, coder).length > 0),
    );
    expect(both.length).toBeGreaterThanOrEqual(8);
    // Units as the agreement view counts them: every factor in every case both coders coded.
    const categories = ['driver', 'barrier', 'none'] as const;
    const matrix = categories.map(() => categories.map(() => 0));
    for (const c of both) {
      const rating = (coder: (typeof CODERS)[number], factor: string) =>
        categories.indexOf(
          codesBy(c, coder).find((code) => code.factor === factor)?.direction ?? 'none',
        );
      for (const factor of FACTORS.values) {
        matrix[rating('anna', factor)]![rating('jonas', factor)]! += 1;
      }
    }
    const { kappa } = cohenKappa(matrix);
    expect(kappa).not.toBeNull();
    expect(kappa!).toBeGreaterThan(0.7);
    expect(kappa!).toBeLessThan(1);
  });
});
