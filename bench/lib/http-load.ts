import autocannon from 'autocannon';
import { figuresOf, type Figures } from './stats.js';

/**
 * Requests one URL as fast as `connections` clients can for `seconds` (autocannon, one request
 * in flight per client), recording every response's latency so p95 is exact.
 */
export async function load(url: string, opts: { connections: number; seconds: number; headers?: Record<string, string> }): Promise<Figures> {
  const latencies: number[] = [];
  let errors = 0;
  let bytes = 0;
  const result = await autocannon({
    url,
    connections: opts.connections,
    duration: opts.seconds,
    headers: opts.headers,
    timeout: 60,
    setupClient(client) {
      client.on('response', (status: number, size: number, duration: number) => {
        if (status >= 200 && status < 400) {
          latencies.push(duration);
          bytes += size;
        } else errors++;
      });
    },
  });
  errors += result.errors + result.timeouts;
  return figuresOf(latencies, opts.seconds, errors, latencies.length ? bytes / latencies.length : 0);
}
