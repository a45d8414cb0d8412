import { describe, expect, it } from 'vitest';
import { riskSet, type RiskUnit } from './risk-set.ts';

const unit = (id: string, adoptedIn: number | null, over: Partial<RiskUnit> = {}): RiskUnit => ({
  id,
  adoptedIn,
  group: null,
  neighbours: [],
  networkNeighbours: [],
  ...over,
});

describe('the unit-year risk set', () => {
  const units = [
    unit('A', 2011, { group: 'nordic', neighbours: ['B'] }),
    unit('B', 2012, { group: 'nordic', neighbours: ['A', 'C'], networkNeighbours: ['C'] }),
    unit('C', null, { group: 'nordic', neighbours: ['B'], networkNeighbours: ['B'] }),
    unit('D', 2008, { group: 'anglo' }),
  ];
  const rows = riskSet(units, 2010, 2013);

  it('observes each unit until it adopts, and never-adopters to the end', () => {
    expect(rows.map((r) => `${r.unit}${r.year}:${r.adopted}`)).toEqual([
      'A2010:0',
      'A2011:1',
      'B2010:0',
      'B2011:0',
      'B2012:1',
      'C2010:0',
      'C2011:0',
      'C2012:0',
      'C2013:0',
    ]);
  });

  it('counts peers that adopted in earlier years only', () => {
    const at = (u: string, y: number) => rows.find((r) => r.unit === u && r.year === y)!;
    // In 2011 A adopts; B's neighbour A has not adopted *before* 2011.
    expect(at('B', 2011).peersNeighbours).toBe(0);
    // By 2012, A (one of B's two neighbours) has adopted; C has not.
    expect(at('B', 2012).peersNeighbours).toBe(0.5);
    // C's peers of its tradition: A and B. In 2012 only A had adopted before; in 2013 both.
    expect(at('C', 2012).peersGroup).toBe(0.5);
    expect(at('C', 2013).peersGroup).toBe(1);
    expect(at('C', 2013).peersNetwork).toBe(1);
    expect(at('C', 2012).peersNetwork).toBe(0);
  });

  it('leaves out units that adopted before the window (they still count as peers)', () => {
    expect(rows.some((r) => r.unit === 'D')).toBe(false);
  });

  it('refuses years that run backwards', () => {
    expect(() => riskSet(units, 2013, 2010)).toThrow(RangeError);
  });
});
