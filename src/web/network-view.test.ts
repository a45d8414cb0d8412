import { describe, expect, it } from 'vitest';
import {
  MODE_TIE_KINDS,
  NETWORK_MODES,
  type NetworkEdge,
  type NetworkNode,
  type NetworkView,
} from '../shared/network.ts';
import {
  COLOUR_BY,
  DIMMED_COLOUR,
  MEMBER_SPACING,
  NONE_COLOUR,
  OTHER_COLOUR,
  PALETTE,
  adjacency,
  canonicalTies,
  colourScheme,
  defaultFilters,
  effectiveTies,
  filterParams,
  filtersFromParams,
  foldText,
  formatMetric,
  formatSigned,
  layoutNetwork,
  networkApiPath,
  networkExportPath,
  nodeSizes,
  pageCount,
  pageOf,
  parseYear,
  placeCommunities,
  searchNodes,
  sizeRange,
  sortEdges,
  sortNodes,
  sunflower,
  topBrokers,
  withCountryNames,
} from './network-view.ts';

function node(id: string, label: string, extra: Partial<NetworkNode> = {}): NetworkNode {
  return {
    id,
    label,
    kind: 'partner',
    href: null,
    country: null,
    sector: null,
    community: 0,
    degree: 0,
    weightedDegree: 0,
    betweenness: 0,
    closeness: 0,
    harmonic: 0,
    eigenvector: null,
    pagerank: 0,
    clustering: 0,
    brokerage: {
      coordinator: 0,
      gatekeeper: 0,
      representative: 0,
      consultant: 0,
      liaison: 0,
      total: 0,
    },
    ei: null,
    ...extra,
  };
}

/** WCAG relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const channel = (i: number) => {
    const v = parseInt(hex.slice(i, i + 2), 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** WCAG contrast ratio of two #rrggbb colours (1 to 21). */
function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const read = (query: string) => filtersFromParams(new URLSearchParams(query));
const en = new Intl.Collator('en');

describe('filtersFromParams', () => {
  it('reads the defaults from an empty query', () => {
    expect(read('')).toEqual(defaultFilters());
  });

  it('reads every filter, normalising codes and counting a repeated value once', () => {
    const f = read(
      'nodes=people&tie=coding&tie=case&yearFrom=2010&yearTo=2020&country=nl&country=NL&country=be&sector=07&group=sector',
    );
    expect(f).toEqual({
      nodes: 'people',
      tie: ['case', 'coding'],
      yearFrom: 2010,
      yearTo: 2020,
      country: ['BE', 'NL'],
      sector: ['07'],
      group: 'sector',
    });
  });

  it('leaves out what the API would reject instead of failing the page', () => {
    const f = read(
      'nodes=planets&tie=coding&yearFrom=20x0&yearTo=3000&country=XX&sector=11&group=colour',
    );
    // Organisations have no coding ties.
    expect(f).toEqual(defaultFilters());
  });

  it('swaps a year range given in the wrong order', () => {
    const f = read('yearFrom=2020&yearTo=2010');
    expect([f.yearFrom, f.yearTo]).toEqual([2010, 2020]);
  });

  it('writes every tie kind of the mode as no tie parameter at all', () => {
    for (const mode of NETWORK_MODES) {
      const all = MODE_TIE_KINDS[mode].map((k) => `tie=${k}`).join('&');
      expect(read(`nodes=${mode}&${all}`).tie).toEqual([]);
    }
    expect(read('nodes=people&tie=coding').tie).toEqual(['coding']);
  });
});

describe('filterParams', () => {
  it('leaves the defaults out, so the plain page has a plain address', () => {
    expect(filterParams(defaultFilters()).toString()).toBe('');
    expect(networkApiPath(defaultFilters())).toBe('/api/network');
  });

  it('gives one network one address, whatever the order of the values', () => {
    const a = filterParams({
      ...defaultFilters(),
      nodes: 'people',
      tie: ['membership', 'case'],
      country: ['NL', 'BE'],
      sector: ['09', '07'],
      yearFrom: 2015,
      group: 'sector',
    }).toString();
    expect(a).toBe(
      'nodes=people&tie=case&tie=membership&yearFrom=2015&country=BE&country=NL&sector=07&sector=09&group=sector',
    );
    // And reads back to the same filters.
    expect(filterParams(read(a)).toString()).toBe(a);
  });

  it('builds the API and export addresses from the same parameters', () => {
    const f = { ...defaultFilters(), nodes: 'countries' as const, yearTo: 2020 };
    expect(networkApiPath(f)).toBe('/api/network?nodes=countries&yearTo=2020');
    expect(networkExportPath(f, 'gexf')).toBe(
      '/api/network/export?nodes=countries&yearTo=2020&format=gexf',
    );
    expect(networkExportPath(defaultFilters(), 'csv')).toBe('/api/network/export?format=csv');
  });
});

describe('tie kinds', () => {
  it('keeps only the kinds the mode has', () => {
    expect(canonicalTies('people', ['membership', 'nonsense', 'coding'])).toEqual([
      'coding',
      'membership',
    ]);
    expect(canonicalTies('countries', ['coding'])).toEqual([]);
  });

  it('counts every kind of the mode when none is chosen', () => {
    expect(effectiveTies({ ...defaultFilters(), nodes: 'people' })).toEqual(MODE_TIE_KINDS.people);
    expect(effectiveTies({ ...defaultFilters(), nodes: 'people', tie: ['coding'] })).toEqual([
      'coding',
    ]);
  });
});

describe('parseYear', () => {
  it('accepts an empty field or a year in range', () => {
    expect(parseYear(' ')).toBeNull();
    expect(parseYear('2012')).toBe(2012);
    expect(parseYear('12')).toBe('invalid');
    expect(parseYear('2200')).toBe('invalid');
  });
});

describe('withCountryNames', () => {
  it('names country nodes in the interface language and leaves the others alone', () => {
    const view = {
      nodes: [node('c:NL', 'NL', { kind: 'country', country: 'NL' }), node('p:x', 'NL')],
    } as NetworkView;
    const named = withCountryNames(view, (code) => (code === 'NL' ? 'Nederland' : code));
    expect(named.nodes.map((n) => n.label)).toEqual(['Nederland', 'NL']);
    expect(view.nodes[0]!.label).toBe('NL');
    const plain = { nodes: [node('p:x', 'X')] } as NetworkView;
    expect(withCountryNames(plain, () => 'never')).toBe(plain);
  });
});

describe('sortNodes', () => {
  const nodes = [
    node('a', 'Zeeland', { betweenness: 0.5, eigenvector: 0.2 }),
    node('b', 'Ålesund', { betweenness: 0.1, eigenvector: null }),
    node('c', 'amsterdam', { betweenness: 0.5, eigenvector: 0.9 }),
  ];

  it('sorts by a metric, breaking ties by name', () => {
    expect(sortNodes(nodes, 'betweenness', 'descending', en).map((n) => n.id)).toEqual([
      'c',
      'a',
      'b',
    ]);
    expect(sortNodes(nodes, 'betweenness', 'ascending', en).map((n) => n.id)).toEqual([
      'b',
      'c',
      'a',
    ]);
  });

  it('puts missing values last in either direction', () => {
    expect(sortNodes(nodes, 'eigenvector', 'descending', en).map((n) => n.id)).toEqual([
      'c',
      'a',
      'b',
    ]);
    expect(sortNodes(nodes, 'eigenvector', 'ascending', en).map((n) => n.id)).toEqual([
      'a',
      'c',
      'b',
    ]);
  });

  it('sorts names in the language of the interface', () => {
    expect(sortNodes(nodes, 'label', 'ascending', en).map((n) => n.label)).toEqual([
      'Ålesund',
      'amsterdam',
      'Zeeland',
    ]);
    expect(
      sortNodes(nodes, 'label', 'ascending', new Intl.Collator('sv')).map((n) => n.label),
    ).toEqual(['amsterdam', 'Zeeland', 'Ålesund']);
  });

  it('sorts by brokerage (all roles together)', () => {
    const withRoles = [
      node('x', 'X', { brokerage: { ...nodes[0]!.brokerage, liaison: 2, total: 2 } }),
      node('y', 'Y', { brokerage: { ...nodes[0]!.brokerage, gatekeeper: 5, total: 5 } }),
    ];
    expect(sortNodes(withRoles, 'brokerage', 'descending', en).map((n) => n.id)).toEqual([
      'y',
      'x',
    ]);
  });
});

describe('topBrokers', () => {
  it('ranks by betweenness, then brokerage, and leaves out nodes that broker nothing', () => {
    const roles = node('r', 'R').brokerage;
    const nodes = [
      node('a', 'A', { betweenness: 0.2 }),
      node('b', 'B', { betweenness: 0.2, brokerage: { ...roles, consultant: 1, total: 1 } }),
      node('c', 'C', { betweenness: 0.9 }),
      node('d', 'D'),
    ];
    expect(topBrokers(nodes, 10, en).map((n) => n.id)).toEqual(['c', 'b', 'a']);
    expect(topBrokers(nodes, 1, en).map((n) => n.id)).toEqual(['c']);
  });
});

describe('sortEdges and adjacency', () => {
  const edges: NetworkEdge[] = [
    { source: 'a', target: 'b', weight: 1, kinds: ['case'] },
    { source: 'c', target: 'a', weight: 3, kinds: ['case'] },
    { source: 'b', target: 'c', weight: 1, kinds: ['case'] },
  ];
  const labels: Record<string, string> = { a: 'Antwerp', b: 'Bruges', c: 'Charleroi' };

  it('lists the strongest ties first, then by name', () => {
    const sorted = sortEdges(edges, (id) => labels[id]!, en);
    expect(sorted.map((e) => `${e.source}-${e.target}`)).toEqual(['c-a', 'a-b', 'b-c']);
  });

  it('knows each node’s neighbours in both directions', () => {
    const adj = adjacency(edges);
    expect(adj.get('a')).toEqual(['b', 'c']);
    expect(adj.get('c')).toEqual(['a', 'b']);
  });
});

describe('searchNodes', () => {
  const nodes = [
    node('1', 'Erasmus University Rotterdam', { degree: 2 }),
    node('2', 'Gemeente Rotterdam', { degree: 5 }),
    node('3', 'Rotterdam', { degree: 1 }),
    node('4', 'Rotterdamse Haven', { degree: 9 }),
    node('5', 'Hämeenlinna', { degree: 1 }),
    node('6', 'Café Rottier', { degree: 1 }),
  ];

  it('ranks the whole name, then its start, then a word, then anywhere', () => {
    expect(searchNodes(nodes, 'rotterdam', 10).map((n) => n.id)).toEqual(['3', '4', '2', '1']);
    expect(searchNodes(nodes, 'otter', 10).map((n) => n.id)).toEqual(['4', '2', '1', '3']);
  });

  it('ignores case and accents, and finds nothing for blank text', () => {
    expect(searchNodes(nodes, 'HAMEEN', 10).map((n) => n.id)).toEqual(['5']);
    expect(searchNodes(nodes, 'cafe', 10).map((n) => n.id)).toEqual(['6']);
    expect(searchNodes(nodes, '   ', 10)).toEqual([]);
    expect(foldText('  Été ')).toBe('ete');
  });

  it('returns at most the limit', () => {
    expect(searchNodes(nodes, 'r', 2)).toHaveLength(2);
  });
});

describe('colourScheme', () => {
  it('gives the largest communities the palette in order and lists them in the legend', () => {
    const nodes = [
      node('a', 'A', { community: 1 }),
      node('b', 'B', { community: 0 }),
      node('c', 'C', { community: 0 }),
    ];
    const { colourOf, legend } = colourScheme(nodes, 'community');
    expect(colourOf(nodes[1]!)).toBe(PALETTE[0]);
    expect(colourOf(nodes[0]!)).toBe(PALETTE[1]);
    expect(legend).toEqual([
      { value: '0', other: false, colour: PALETTE[0], count: 2 },
      { value: '1', other: false, colour: PALETTE[1], count: 1 },
    ]);
  });

  it('gathers categories beyond the palette under "other" and gives missing values a grey', () => {
    const codes = ['NL', 'BE', 'DE', 'FR', 'ES', 'IT', 'PT', 'DK', 'SE', 'FI', 'NO', 'PL'];
    const nodes = codes.flatMap((c, i) =>
      // NL the most frequent, PL the least.
      Array.from({ length: codes.length - i }, (_, k) => node(`${c}${k}`, c, { country: c })),
    );
    nodes.push(node('x', 'Nowhere'));
    const { colourOf, legend } = colourScheme(nodes, 'country');
    expect(legend.map((e) => e.value)).toEqual([...codes.slice(0, 10), null, null]);
    expect(legend[0]).toMatchObject({ value: 'NL', colour: PALETTE[0], count: 12 });
    expect(legend[10]).toMatchObject({ other: true, colour: OTHER_COLOUR, count: 2 + 1 });
    expect(legend[11]).toMatchObject({ other: false, colour: NONE_COLOUR, count: 1 });
    expect(colourOf(nodes.find((n) => n.country === 'PL')!)).toBe(OTHER_COLOUR);
    expect(colourOf(nodes.at(-1)!)).toBe(NONE_COLOUR);
    // Every node is counted once.
    expect(legend.reduce((s, e) => s + e.count, 0)).toBe(nodes.length);
  });

  it('keeps each kind of node in the same colour whatever else is in the network', () => {
    const one = colourScheme([node('a', 'A', { kind: 'person' })], 'kind');
    const two = colourScheme(
      [node('b', 'B', { kind: 'public_body' }), node('a', 'A', { kind: 'person' })],
      'kind',
    );
    expect(one.legend[0]!.colour).toBe(two.legend.find((e) => e.value === 'person')!.colour);
    expect(two.legend.map((e) => e.value)).toEqual(['public_body', 'person']);
  });

  it('uses colours that stand out against the white background (3:1)', () => {
    for (const colour of [...PALETTE, OTHER_COLOUR, NONE_COLOUR]) {
      expect(contrastRatio(colour, '#ffffff'), colour).toBeGreaterThanOrEqual(3);
    }
    expect(new Set(PALETTE).size).toBe(PALETTE.length);
    // Dimmed nodes recede on purpose.
    expect(contrastRatio(DIMMED_COLOUR, '#ffffff')).toBeLessThan(1.5);
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21);
    expect(COLOUR_BY).toContain('community');
  });
});

describe('nodeSizes and sizeRange', () => {
  it('scales area with the metric, and gives missing values the smallest size', () => {
    const nodes = [
      node('a', 'A', { degree: 0 }),
      node('b', 'B', { degree: 4 }),
      node('c', 'C', { degree: 16 }),
      node('d', 'D', { eigenvector: null }),
    ];
    const range = { min: 2, max: 10 };
    const byDegree = nodeSizes(nodes, 'degree', range);
    expect(byDegree.get('a')).toBe(2);
    expect(byDegree.get('b')).toBe(2 + 8 * 0.5);
    expect(byDegree.get('c')).toBe(10);
    const byEigenvector = nodeSizes(nodes, 'eigenvector', range);
    expect([...byEigenvector.values()]).toEqual([2, 2, 2, 2]);
  });

  it('draws big networks with smaller nodes', () => {
    expect(sizeRange(10)).toEqual(sizeRange(50));
    expect(sizeRange(10_000).max).toBeLessThan(sizeRange(50).max);
    expect(sizeRange(100_000)).toEqual(sizeRange(10_000));
    expect(sizeRange(10_000).min).toBeGreaterThan(1);
  });
});

describe('layout', () => {
  function network(count: number, seed: number): NetworkNode[] {
    // Community sizes falling off like real ones: a few large, many small, some isolates.
    let state = seed;
    const random = () => {
      state = (state * 1664525 + 1013904223) % 4294967296;
      return state / 4294967296;
    };
    const nodes: NetworkNode[] = [];
    let community = 0;
    while (nodes.length < count) {
      const size = Math.min(count - nodes.length, 1 + Math.floor(random() ** 4 * 400));
      for (let k = 0; k < size; k++) {
        nodes.push(
          node(`n${nodes.length}`, `Node ${nodes.length}`, {
            community,
            degree: Math.floor(random() * 10),
          }),
        );
      }
      community += 1;
    }
    return nodes;
  }

  it('places sunflower points apart, with none on the same spot', () => {
    const points = Array.from({ length: 500 }, (_, i) => sunflower(i));
    let closest = Infinity;
    for (let i = 0; i < points.length; i++) {
      for (let j = i + 1; j < points.length; j++) {
        closest = Math.min(
          closest,
          Math.hypot(points[i]!.x - points[j]!.x, points[i]!.y - points[j]!.y),
        );
      }
    }
    expect(closest).toBeGreaterThan(0.5);
  });

  it('places community discs without overlap', () => {
    const sizes = [300, 120, 120, 40, 9, 9, 5, 3, 2, 2, ...Array<number>(300).fill(1)];
    const discs = placeCommunities(sizes);
    expect(discs).toHaveLength(sizes.length);
    expect(discs[0]).toMatchObject({ x: 0, y: 0 });
    let overlaps = 0;
    for (let i = 0; i < discs.length; i++) {
      for (let j = i + 1; j < discs.length; j++) {
        const a = discs[i]!;
        const b = discs[j]!;
        if (Math.hypot(a.x - b.x, a.y - b.y) < a.r + b.r - 1e-9) overlaps += 1;
      }
    }
    expect(overlaps).toBe(0);
  });

  it('is deterministic and does not depend on the order of the nodes', () => {
    const nodes = network(400, 7);
    const a = layoutNetwork(nodes);
    const b = layoutNetwork([...nodes].reverse());
    expect(a.size).toBe(400);
    for (const n of nodes) expect(b.get(n.id)).toEqual(a.get(n.id));
  });

  it('keeps each community together and the best connected node in its middle', () => {
    const nodes = [
      node('a', 'A', { community: 0, degree: 1 }),
      node('b', 'B', { community: 0, degree: 5 }),
      node('c', 'C', { community: 0, degree: 2 }),
      node('d', 'D', { community: 1, degree: 1 }),
      node('e', 'E', { community: 1, degree: 1 }),
    ];
    const p = layoutNetwork(nodes);
    const dist = (x: string, y: string) =>
      Math.hypot(p.get(x)!.x - p.get(y)!.x, p.get(x)!.y - p.get(y)!.y);
    // Members of one community are closer to each other than to the other community's.
    expect(Math.max(dist('a', 'b'), dist('a', 'c'), dist('b', 'c'))).toBeLessThan(
      Math.min(dist('a', 'd'), dist('b', 'd'), dist('c', 'e')),
    );
    // b has the highest degree: it is the community's first sunflower point.
    expect(Math.hypot(p.get('b')!.x, p.get('b')!.y)).toBeCloseTo(MEMBER_SPACING * Math.SQRT1_2);
  });

  it('rings the nodes that are alone in their community around the communities', () => {
    const nodes = [
      ...['a', 'b', 'c', 'd'].map((id) => node(id, id, { community: 0, degree: 2 })),
      ...['e', 'f'].map((id) => node(id, id, { community: 1, degree: 1 })),
      ...Array.from({ length: 30 }, (_, i) => node(`i${i}`, `I${i}`, { community: 2 + i })),
    ];
    const p = layoutNetwork(nodes);
    const radius = (id: string) => Math.hypot(p.get(id)!.x, p.get(id)!.y);
    const inner = Math.max(...['a', 'b', 'c', 'd', 'e', 'f'].map(radius));
    for (let i = 0; i < 30; i++) expect(radius(`i${i}`)).toBeGreaterThan(inner);
    // Only isolates: an ordinary sunflower from the middle.
    const only = layoutNetwork([
      node('x', 'X', { community: 0 }),
      node('y', 'Y', { community: 1 }),
    ]);
    expect(only.get('x')).toEqual(sunflower(0));
  });

  it('lays out 10 000 nodes quickly, with finite, distinct positions', () => {
    const nodes = network(10_000, 42);
    const started = performance.now();
    const positions = layoutNetwork(nodes);
    const ms = performance.now() - started;
    expect(ms).toBeLessThan(1000);
    const seen = new Set<string>();
    let infinite = 0;
    for (const p of positions.values()) {
      if (!Number.isFinite(p.x) || !Number.isFinite(p.y)) infinite += 1;
      seen.add(`${p.x.toFixed(6)},${p.y.toFixed(6)}`);
    }
    expect(infinite).toBe(0);
    expect(seen.size).toBe(10_000);
  });
});

describe('paging', () => {
  it('counts pages and finds the page of a row', () => {
    expect(pageCount(0, 50)).toBe(1);
    expect(pageCount(101, 50)).toBe(3);
    expect(pageOf(0, 50)).toBe(0);
    expect(pageOf(50, 50)).toBe(1);
  });
});

describe('number formats', () => {
  it('formats metrics in the interface language, keeping small values visible', () => {
    expect(formatMetric(12000, 'en')).toBe('12,000');
    expect(formatMetric(12000, 'nl')).toBe('12.000');
    expect(formatMetric(0.123456, 'en')).toBe('0.123');
    expect(formatMetric(0.123456, 'nl')).toBe('0,123');
    expect(formatMetric(0.000421, 'en')).toBe('0.000421');
  });

  it('shows the sign of an index', () => {
    expect(formatSigned(0.25, 'en')).toBe('+0.25');
    expect(formatSigned(-0.4, 'nl')).toBe('-0,40');
    expect(formatSigned(0, 'en')).toBe('0.00');
  });
});
