/**
 * Node metrics in the Prometheus text format (`GET /metrics` on the RPC port): chain head and
 * finality, blocks and extrinsics imported, the transaction pool, issuance and stake, RPC traffic
 * by method and errors by name, WebSocket connections and subscriptions, and process CPU/memory.
 *
 * Operators otherwise learn that a node stalled from their miners' logs. Counters are bounded: RPC
 * methods outside the method table count under one label, so a client cannot grow the set.
 */
import { renderPrometheus, type Sample } from '@taonet/primitives';
import { storage } from '@taonet/runtime';
import { METHODS, type NodeApi } from './methods.js';

/** Counters the RPC server and the import listener feed; `render` adds the chain's own figures. */
export class NodeMetrics {
  readonly #requests = new Map<string, number>();
  readonly #errors = new Map<string, number>();
  #blocks = 0;
  #extrinsics = 0;
  #wsConnections = 0;
  #subscriptions = 0;
  readonly #startedAt = process.hrtime.bigint();

  /** Counts an RPC call by method (unknown names under `other`). */
  request(method: unknown): void {
    const key = typeof method === 'string' && Object.hasOwn(METHODS, method) ? method : 'other';
    this.#requests.set(key, (this.#requests.get(key) ?? 0) + 1);
  }

  /** Counts a refused call by error name (names come from the node's own error table). */
  error(name: string): void {
    this.#errors.set(name, (this.#errors.get(name) ?? 0) + 1);
  }

  imported(extrinsics: number): void {
    this.#blocks++;
    this.#extrinsics += extrinsics;
  }

  wsOpened(): void {
    this.#wsConnections++;
  }

  wsClosed(): void {
    this.#wsConnections--;
  }

  subscriptionsChanged(delta: number): void {
    this.#subscriptions += delta;
  }

  /** The exposition text. */
  render(api: NodeApi): string {
    const g = (name: string, help: string, value: number | bigint): Sample => ({ name, help, kind: 'gauge', value });
    const c = (name: string, help: string, value: number | bigint): Sample => ({ name, help, kind: 'counter', value });
    const labelled = (name: string, help: string, label: string, m: Map<string, number>): Sample[] =>
      [...m]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, value]) => ({ name, help, kind: 'counter', value, labels: { [label]: k } }));
    const s = api.chain.state;
    const cpu = process.cpuUsage();
    return renderPrometheus([
      g('taonet_block_height', 'Best block number.', api.chain.head.number),
      g('taonet_block_finalized', 'Last finalized block number.', api.chain.finalizedNumber),
      c('taonet_blocks_imported_total', 'Blocks imported since the node started.', this.#blocks),
      c('taonet_extrinsics_imported_total', 'Extrinsics in blocks imported since the node started.', this.#extrinsics),
      g('taonet_txpool_transactions', 'Transactions waiting in the pool.', api.pool.size),
      g('taonet_total_issuance_rao', 'TAO issued so far, in rao.', s.value(storage.TotalIssuance) as bigint),
      g('taonet_total_stake_rao', 'TAO staked, in rao.', s.value(storage.TotalStake) as bigint),
      g(
        'taonet_subnets',
        'Subnets on the chain, root included.',
        (s.value(storage.Netuids) as readonly unknown[]).length,
      ),
      ...labelled('taonet_rpc_requests_total', 'RPC calls by method.', 'method', this.#requests),
      ...labelled('taonet_rpc_errors_total', 'RPC calls refused, by error name.', 'name', this.#errors),
      g('taonet_rpc_websocket_connections', 'Open WebSocket connections.', this.#wsConnections),
      g('taonet_rpc_subscriptions', 'Active subscriptions.', this.#subscriptions),
      c(
        'process_cpu_seconds_total',
        'User and system CPU time of the node process, seconds.',
        (cpu.user + cpu.system) / 1e6,
      ),
      g('process_resident_memory_bytes', 'Resident memory of the node process.', process.memoryUsage.rss()),
      g(
        'taonet_uptime_seconds',
        'Seconds since the node started.',
        Number(process.hrtime.bigint() - this.#startedAt) / 1e9,
      ),
    ]);
  }
}
