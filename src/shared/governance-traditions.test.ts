import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isCountryCode } from './countries.ts';
import {
  GOVERNANCE_TRADITION_TABLE,
  GOVERNANCE_TRADITIONS,
  governanceTradition,
} from './governance-traditions.ts';

function readCsv(): Record<string, string>[] {
  const [header, ...lines] = fs
    .readFileSync(new URL('./data/governance-traditions.csv', import.meta.url), 'utf8')
    .trim()
    .split('\n');
  const cols = header!.split(',');
  return lines.map((line) => {
    // Values contain commas only inside the quoted alternative column.
    const cells = line
      .match(/("([^"]*)"|[^,]*)(,|$)/g)!
      .map((c) => c.replace(/,$/, '').replace(/^"|"$/g, ''));
    return Object.fromEntries(cols.map((c, i) => [c, cells[i] ?? '']));
  });
}

describe('governance traditions', () => {
  it('holds exactly the rows of the source CSV', () => {
    const rows = readCsv();
    expect(rows).toHaveLength(31);
    expect(
      GOVERNANCE_TRADITION_TABLE.map((e) => [
        e.country,
        e.name,
        e.euMember ? '1' : '0',
        e.tradition,
        e.alternative ?? '',
        e.contested ? '1' : '0',
        e.lipse ? '1' : '0',
      ]),
    ).toEqual(
      rows.map((r) => [
        r.iso2,
        r.country,
        r.eu_member,
        r.tradition,
        r.legacy_or_alt,
        r.contested,
        r.lipse_country,
      ]),
    );
  });

  it('uses valid country codes and known traditions, and counts the LIPSE countries', () => {
    for (const e of GOVERNANCE_TRADITION_TABLE) {
      expect(isCountryCode(e.country), e.country).toBe(true);
      expect(GOVERNANCE_TRADITIONS).toContain(e.tradition);
    }
    // 11 LIPSE countries; the Netherlands had two partners.
    expect(GOVERNANCE_TRADITION_TABLE.filter((e) => e.lipse)).toHaveLength(11);
  });

  it('looks a country up, lets an override win, and knows when it has no entry', () => {
    expect(governanceTradition('dk')).toBe('scandinavian');
    expect(governanceTradition('BE')).toBe('napoleonic');
    expect(governanceTradition('BE', 'germanic')).toBe('germanic');
    expect(governanceTradition('US')).toBeNull();
  });
});
