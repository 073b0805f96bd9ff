/**
 * Neuron metrics in the Prometheus text format, on `--metrics-port` (off unless given; bound to
 * `--metrics-ip`, 127.0.0.1 by default). What operators otherwise reconstruct from logs: the chain
 * head the neuron sees and how far its metagraph lags, its uid, stake, incentive, dividends,
 * vtrust and blocks since its last weights; for a miner, axon answers by status; for a
 * validator, weight submissions by outcome and the last query round.
 *
 * The library never starts a server by itself and never touches global logging or metrics
 * registries: the neuron owns this endpoint.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One sample; samples sharing a name form one metric. */
export interface Sample {
  readonly name: string;
  readonly help: string;
  readonly kind: 'gauge' | 'counter';
  readonly value: number | bigint;
  readonly labels?: Readonly<Record<string, string>>;
}

const escapeLabel = (v: string): string => v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');

/** The exposition text of `samples` (HELP and TYPE once per name, in first-seen order). */
export function renderPrometheus(samples: readonly Sample[]): string {
  const byName = new Map<string, Sample[]>();
  for (const s of samples) {
    const list = byName.get(s.name);
    if (list === undefined) byName.set(s.name, [s]);
    else list.push(s);
  }
  const out: string[] = [];
  for (const [name, list] of byName) {
    const first = list[0] as Sample;
    out.push(`# HELP ${name} ${first.help}`, `# TYPE ${name} ${first.kind}`);
    for (const s of list) {
      const labels = Object.entries(s.labels ?? {});
      const l = labels.length === 0 ? '' : `{${labels.map(([k, v]) => `${k}="${escapeLabel(v)}"`).join(',')}}`;
      out.push(`${name}${l} ${s.value.toString()}`);
    }
  }
  return `${out.join('\n')}\n`;
}

/** Serves `GET /metrics` from `collect`; resolves with the server and its port. */
export async function serveMetrics(
  ip: string,
  port: number,
  collect: () => readonly Sample[],
): Promise<{ server: Server; port: number }> {
  const server = createServer((req, res) => {
    if (req.method !== 'GET' || (req.url ?? '/').split('?')[0] !== '/metrics') {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('GET /metrics\n');
      return;
    }
    let text: string;
    try {
      text = renderPrometheus(collect());
    } catch (e) {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(`metrics failed: ${(e as Error).message}\n`);
      return;
    }
    res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' });
    res.end(text);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, ip, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return { server, port: (server.address() as AddressInfo).port };
}
