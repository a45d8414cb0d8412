import { describe, expect, it } from 'vitest';
import baWeighted from './fixtures/ba-300-weighted.json';
import disconnectedSmall from './fixtures/disconnected-small.json';
import florentine from './fixtures/florentine.json';
import karate from './fixtures/karate.json';
import sbm from './fixtures/sbm-120.json';
import { parseGraphDocument } from './graph-document.ts';
import { computeNetworkReport } from './network-report.ts';

const TOLERANCE = 1e-9;

interface ReferenceFile {
  readonly name: string;
  readonly metrics: Record<string, unknown>;
}

const references: readonly ReferenceFile[] = [
  karate,
  florentine,
  sbm,
  baWeighted,
  disconnectedSmall,
] as ReferenceFile[];

function sortedComponents(components: readonly (readonly string[])[]): string[] {
  return components.map((c) => [...c].sort().join(',')).sort();
}

describe.each(references.map((ref) => [ref.name, ref] as const))(
  'network metrics on %s match networkx 2.8.8',
  (_name, reference) => {
    const report = computeNetworkReport(parseGraphDocument(reference));

    it('reports exactly the reference metric keys', () => {
      expect(Object.keys(report.metrics).sort()).toEqual(Object.keys(reference.metrics).sort());
    });

    it.each(Object.keys(reference.metrics))('%s is within 1e-9 of networkx', (key) => {
      const want = reference.metrics[key];
      const got = report.metrics[key];
      expect(got).toBeDefined();
      if (Array.isArray(want)) {
        expect(sortedComponents(got as string[][])).toEqual(sortedComponents(want as string[][]));
      } else if (typeof want === 'number') {
        expect(Math.abs((got as number) - want)).toBeLessThanOrEqual(TOLERANCE);
      } else {
        const wantNodes = want as Record<string, number>;
        const gotNodes = got as Record<string, number>;
        expect(Object.keys(gotNodes).sort()).toEqual(Object.keys(wantNodes).sort());
        let worst = 0;
        let worstNode = '';
        for (const [node, value] of Object.entries(wantNodes)) {
          const diff = Math.abs(gotNodes[node]! - value);
          if (!(diff <= worst)) {
            worst = diff;
            worstNode = node;
          }
        }
        expect(worst, `largest difference at node ${worstNode}`).toBeLessThanOrEqual(TOLERANCE);
      }
    });
  },
);
