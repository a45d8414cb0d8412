import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCommand } from '../../test/cli.ts';
import { registerNetworkCommand } from './network-command.ts';

const fixtures = 'src/core/network/fixtures';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'connective-network-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

interface Run {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

function cli(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['bin/connective.js', 'network', 'metrics', ...args],
      { encoding: 'utf8', timeout: 60_000, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const status = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
        resolve({ status, stdout, stderr });
      },
    );
  });
}

function writeGraph(name: string, graph: unknown): string {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, typeof graph === 'string' ? graph : JSON.stringify(graph));
  return file;
}

describe.concurrent('connective network metrics (spawned CLI)', () => {
  it('prints the reference metric keys as JSON, matching networkx', async () => {
    const file = `${fixtures}/karate.json`;
    const reference = JSON.parse(fs.readFileSync(file, 'utf8')) as {
      metrics: Record<string, unknown>;
    };
    const run = await cli(['--graph', file, '--format', 'json']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const { metrics } = JSON.parse(run.stdout) as { metrics: Record<string, unknown> };
    expect(Object.keys(metrics).sort()).toEqual(Object.keys(reference.metrics).sort());
    expect(metrics.density).toBeCloseTo(reference.metrics.density as number, 12);
    expect(metrics.modularity_of_partition).toBeCloseTo(
      reference.metrics.modularity_of_partition as number,
      12,
    );
    const betweenness = metrics.betweenness_raw as Record<string, number>;
    const want = reference.metrics.betweenness_raw as Record<string, number>;
    expect(betweenness['0']).toBeCloseTo(want['0']!, 9);
  });

  it('names the bad edge on stderr and exits 1', async () => {
    const file = writeGraph('bad-edge.json', {
      nodes: [{ id: 'a' }, { id: 'b' }],
      edges: [
        { source: 'a', target: 'b' },
        { source: 'b', target: 'nobody' },
      ],
    });
    const run = await cli(['--graph', file, '--format', 'json']);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('edges[1].target: unknown node id "nobody"');
  });
});

/** Runs the command in-process (no tsx start-up) and captures its output. */
const runInProcess = (args: string[]): Promise<Run> =>
  runCommand(registerNetworkCommand, ['network', 'metrics', ...args]);

describe('connective network metrics (in-process)', () => {
  it('prints a readable table with --format text and a partition from an attribute', async () => {
    const run = await runInProcess([
      '--graph',
      `${fixtures}/sbm-120.json`,
      '--format',
      'text',
      '--partition-attribute',
      'country',
    ]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Network sbm-120: 120 nodes, 345 edges, undirected, unweighted/);
    expect(run.stdout).toMatch(/modularity_of_partition: -?0\.\d{6}/);
    expect(run.stdout).toMatch(/\nnode +degree +betweenness/);
  });

  it('prints the node table with every node-valued metric as CSV', async () => {
    const run = await runInProcess(['--graph', `${fixtures}/karate.json`, '--format', 'csv']);
    expect(run.status).toBe(0);
    const lines = run.stdout.trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^node,degree,degree_centrality,betweenness_normalized,/);
    expect(lines).toHaveLength(35);
    const header = lines[0]!.split(',');
    const degree = header.indexOf('degree');
    const row0 = lines.find((l) => l.startsWith('0,'))!.split(',');
    expect(Number(row0[degree])).toBe(16);
  });

  it('reports unreadable files, invalid JSON, bad weights and bad partitions with exit code 1', async () => {
    const nodes = [{ id: 'a' }, { id: 'b' }];
    const cases: [string, string][] = [
      [path.join(tmp, 'missing.json'), 'cannot read graph file'],
      [writeGraph('broken.json', '{"nodes": ['), 'is not valid JSON'],
      [
        writeGraph('typo.json', '{\n  "nodes": [\n    {"id": "a"},\n    oops\n  ]\n}'),
        'line 4, column 5: not valid JSON',
      ],
      [
        writeGraph('weight.json', {
          nodes,
          edges: [{ source: 'a', target: 'b', weight: 'heavy' }],
        }),
        'edges[0].weight: expected a non-negative finite number, got the string "heavy"',
      ],
      [
        writeGraph('partition.json', { nodes, edges: [], partition: [['a']] }),
        'partition: node "b" is in no community',
      ],
    ];
    for (const [file, message] of cases) {
      const run = await runInProcess(['--graph', file, '--format', 'json']);
      expect(run.status).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain(message);
    }
  });

  it('rejects an unknown --format', async () => {
    await expect(
      runInProcess(['--graph', `${fixtures}/karate.json`, '--format', 'xml']),
    ).rejects.toThrow(/Allowed choices are json, text/);
  });
});
