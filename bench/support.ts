import autocannon from 'autocannon';

/** The p-th percentile (nearest rank) of ascending samples. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/**
 * Closed loop (autocannon): `connections` connections, each sending its next request when the
 * previous answer is in, cycling through the scenario's queries; every latency is kept, so the
 * percentiles are exact.
 */
export async function measure(
  baseUrl: string,
  paths: string[],
  seconds: number,
  connections: number,
) {
  const latencies: number[] = [];
  // Without a callback autocannon returns its running instance, which is also a promise.
  const instance = autocannon({
    url: baseUrl,
    connections,
    duration: seconds,
    requests: paths.map((p) => ({ method: 'GET' as const, path: p })),
  }) as unknown as autocannon.Instance & Promise<autocannon.Result>;
  instance.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => {
    latencies.push(ms);
  });
  const result = await instance;
  latencies.sort((a, b) => a - b);
  return {
    rps: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    errors: result.errors + result.non2xx,
  };
}
