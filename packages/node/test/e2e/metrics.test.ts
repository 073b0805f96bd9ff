/**
 * `GET /metrics` on a real node: the Prometheus text format, and figures that follow what the node
 * did (blocks, extrinsics, RPC calls by method, errors by name, WebSocket connections and
 * subscriptions), checked against the node's own RPC answers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { key, NodeProcess, WsClient } from './harness.js';

const alice = key('Alice');
const bob = key('Bob');
let node: NodeProcess;

beforeAll(async () => {
  node = await NodeProcess.start();
});

afterAll(async () => {
  await node?.kill();
});

/** Parses the exposition text into `name{labels}` → value, checking its shape line by line. */
async function scrape(): Promise<Map<string, number>> {
  const res = await fetch(`${node.rpcUrl}/metrics`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  const text = await res.text();
  expect(text.endsWith('\n')).toBe(true);
  const out = new Map<string, number>();
  const typed = new Set<string>();
  for (const line of text.trimEnd().split('\n')) {
    const meta = /^# (HELP|TYPE) ([a-z_]+) (.+)$/.exec(line);
    if (meta !== null) {
      if (meta[1] === 'TYPE') {
        expect(['counter', 'gauge']).toContain(meta[3]);
        typed.add(meta[2] as string);
      }
      continue;
    }
    const m = /^([a-z_]+)(\{[a-z_]+="[^"]*"\})? (-?[0-9.e+]+)$/.exec(line);
    expect(m, `malformed sample line: ${line}`).not.toBeNull();
    const name = (m as RegExpExecArray)[1] as string;
    expect(typed.has(name), `${name} has no TYPE line before it`).toBe(true);
    out.set(`${name}${(m as RegExpExecArray)[2] ?? ''}`, Number((m as RegExpExecArray)[3]));
  }
  return out;
}

describe('GET /metrics', () => {
  it('follows blocks, extrinsics, RPC traffic, errors and subscriptions', async () => {
    const before = await scrape();
    const r = await node.exec(alice, 'transfer', { dest: bob.id, amount: 1_000_000_000n });
    expect(r.ok).toBe(true);
    await node.seal(2);
    await node.request('no_such_method');
    await node.request('no_such_method');
    await node.request('system_health');
    const ws = await WsClient.connect(node.wsUrl);
    try {
      await ws.rpc<string>('chain_subscribeNewHeads');
      const m = await scrape();
      const head = await node.head();
      expect(m.get('taonet_block_height')).toBe(Number(head.number));
      expect(m.get('taonet_block_finalized')).toBe(Number(head.number));
      expect((m.get('taonet_blocks_imported_total') ?? 0) - (before.get('taonet_blocks_imported_total') ?? 0)).toBe(3);
      // The blocks' Drand.write_pulse inherents: one in every block a new beacon round is due.
      let pulses = 0;
      for (let n = Number(head.number) - 2; n <= Number(head.number); n++) {
        const b = await node.rpc<{ extrinsics: { palletCall: string }[] }>('taonet_getBlock', [n]);
        pulses += b.extrinsics.filter((x) => x.palletCall === 'Drand.write_pulse').length;
      }
      expect(
        (m.get('taonet_extrinsics_imported_total') ?? 0) - (before.get('taonet_extrinsics_imported_total') ?? 0),
      ).toBe(1 + 3 + pulses); // the transfer, each block's MevShield.announce_next_key inherent, the pulses
      expect(m.get('taonet_rpc_errors_total{name="MethodNotFound"}')).toBe(2);
      // An unknown method counts under one label, whatever its name.
      expect(m.get('taonet_rpc_requests_total{method="other"}')).toBe(2);
      expect(m.get('taonet_rpc_requests_total{method="system_health"}')).toBe(1);
      expect(m.get('taonet_rpc_requests_total{method="chain_subscribeNewHeads"}')).toBe(1);
      expect(m.get('taonet_rpc_websocket_connections')).toBe(1);
      expect(m.get('taonet_rpc_subscriptions')).toBe(1);
      const info = await node.request('taonet_networkInfo');
      const issuance = Number((info.result as { totalIssuance: string }).totalIssuance);
      expect(m.get('taonet_total_issuance_rao')).toBe(issuance);
      expect(m.get('taonet_subnets')).toBeGreaterThanOrEqual(1);
      expect(m.get('taonet_txpool_transactions')).toBe(0);
      expect(m.get('process_resident_memory_bytes')).toBeGreaterThan(1e6);
    } finally {
      await ws.close();
    }
    // Closing the connection ends its subscription.
    await expect.poll(async () => (await scrape()).get('taonet_rpc_websocket_connections')).toBe(0);
    expect((await scrape()).get('taonet_rpc_subscriptions')).toBe(0);
  });
});
