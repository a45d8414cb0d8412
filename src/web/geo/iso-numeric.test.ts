import { describe, expect, it } from 'vitest';
import atlas from 'world-atlas/countries-50m.json';
import { COUNTRY_CODES } from '../../shared/countries.ts';
import { GOVERNANCE_TRADITION_TABLE } from '../../shared/governance-traditions.ts';
import { ALPHA2_BY_NUMERIC, alpha2FromNumeric } from './iso-numeric.ts';

type Geometry = { id?: string; properties: { name: string } };
const geometries = (atlas as unknown as { objects: { countries: { geometries: Geometry[] } } })
  .objects.countries.geometries;

describe('ISO 3166-1 numeric to alpha-2', () => {
  it('covers every assigned alpha-2 code exactly once', () => {
    const alpha2 = Object.values(ALPHA2_BY_NUMERIC);
    expect(alpha2.length).toBe(COUNTRY_CODES.length);
    expect(new Set(alpha2).size).toBe(alpha2.length);
    expect([...alpha2].sort()).toEqual([...COUNTRY_CODES].sort());
  });

  it('writes numeric codes with three digits', () => {
    for (const numeric of Object.keys(ALPHA2_BY_NUMERIC)) expect(numeric).toMatch(/^\d{3}$/);
  });

  it('knows the codes of Europe and its neighbours', () => {
    const expected: Record<string, string> = {
      '040': 'AT',
      '056': 'BE',
      '100': 'BG',
      '191': 'HR',
      '196': 'CY',
      '203': 'CZ',
      '208': 'DK',
      '233': 'EE',
      '246': 'FI',
      '250': 'FR',
      '276': 'DE',
      '300': 'GR',
      '348': 'HU',
      '352': 'IS',
      '372': 'IE',
      '380': 'IT',
      '428': 'LV',
      '440': 'LT',
      '442': 'LU',
      '470': 'MT',
      '528': 'NL',
      '578': 'NO',
      '616': 'PL',
      '620': 'PT',
      '642': 'RO',
      '703': 'SK',
      '705': 'SI',
      '724': 'ES',
      '752': 'SE',
      '756': 'CH',
      '826': 'GB',
      '008': 'AL',
      '070': 'BA',
      '499': 'ME',
      '688': 'RS',
      '807': 'MK',
      '498': 'MD',
      '804': 'UA',
      '112': 'BY',
      '643': 'RU',
      '792': 'TR',
      '438': 'LI',
      '020': 'AD',
      '492': 'MC',
      '674': 'SM',
      '336': 'VA',
    };
    for (const [numeric, alpha2] of Object.entries(expected)) {
      expect(alpha2FromNumeric(numeric), numeric).toBe(alpha2);
    }
  });

  it('accepts numbers and codes without leading zeros', () => {
    expect(alpha2FromNumeric(40)).toBe('AT');
    expect(alpha2FromNumeric('8')).toBe('AL');
    expect(alpha2FromNumeric('999')).toBeNull();
    expect(alpha2FromNumeric(undefined)).toBeNull();
  });

  it('maps every country of the bundled world atlas that has a code', () => {
    const unmapped = geometries.filter((g) => g.id !== undefined && !alpha2FromNumeric(g.id));
    expect(unmapped.map((g) => g.properties.name)).toEqual([]);
  });

  it('finds every country of the governance-tradition table on the map', () => {
    const onMap = new Set(geometries.map((g) => alpha2FromNumeric(g.id)));
    const missing = GOVERNANCE_TRADITION_TABLE.map((e) => e.country).filter((c) => !onMap.has(c));
    expect(missing).toEqual([]);
  });
});
