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
import { renderPrometheus, type Sample } from '@taonet/primitives';

export { renderPrometheus, type Sample } from '@taonet/primitives';

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
