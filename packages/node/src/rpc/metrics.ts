/**
 * Node metrics in the Prometheus text format (`GET /metrics` on the RPC port): chain head and
 * finality, blocks and extrinsics imported, the transaction pool, issuance and stake, RPC traffic
 * by method and errors by name, WebSocket connections and subscriptions, and process CPU/memory.
 *
 * Operators otherwise learn that a node stalled from their miners' logs. Counters are bounded: RPC
 * methods outside the method table count under one label, so a client cannot grow the set.
 */
import { storage } from '@taonet/runtime';
import { METHODS, type NodeApi } from './methods.js';

type Kind = 'counter' | 'gauge';

const escapeLabel = (v: string): string => v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');

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
    const out: string[] = [];
    const metric = (name: string, kind: Kind, help: string, samples: [string, number | bigint][]): void => {
      out.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${kind}`);
      for (const [labels, v] of samples) out.push(`${name}${labels} ${v.toString()}`);
    };
    const labelled = (label: string, m: Map<string, number>): [string, number][] =>
      [...m].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => [`{${label}="${escapeLabel(k)}"}`, v]);
    const s = api.chain.state;
    metric('taonet_block_height', 'gauge', 'Best block number.', [['', api.chain.head.number]]);
    metric('taonet_block_finalized', 'gauge', 'Last finalized block number.', [['', api.chain.finalizedNumber]]);
    metric('taonet_blocks_imported_total', 'counter', 'Blocks imported since the node started.', [['', this.#blocks]]);
    metric('taonet_extrinsics_imported_total', 'counter', 'Extrinsics in blocks imported since the node started.', [
      ['', this.#extrinsics],
    ]);
    metric('taonet_txpool_transactions', 'gauge', 'Transactions waiting in the pool.', [['', api.pool.size]]);
    metric('taonet_total_issuance_rao', 'gauge', 'TAO issued so far, in rao.', [
      ['', s.value(storage.TotalIssuance) as bigint],
    ]);
    metric('taonet_total_stake_rao', 'gauge', 'TAO staked, in rao.', [['', s.value(storage.TotalStake) as bigint]]);
    metric('taonet_subnets', 'gauge', 'Subnets on the chain, root included.', [
      ['', (s.value(storage.Netuids) as readonly unknown[]).length],
    ]);
    metric('taonet_rpc_requests_total', 'counter', 'RPC calls by method.', labelled('method', this.#requests));
    metric('taonet_rpc_errors_total', 'counter', 'RPC calls refused, by error name.', labelled('name', this.#errors));
    metric('taonet_rpc_websocket_connections', 'gauge', 'Open WebSocket connections.', [['', this.#wsConnections]]);
    metric('taonet_rpc_subscriptions', 'gauge', 'Active subscriptions.', [['', this.#subscriptions]]);
    const cpu = process.cpuUsage();
    metric('process_cpu_seconds_total', 'counter', 'User and system CPU time of the node process, seconds.', [
      ['', (cpu.user + cpu.system) / 1e6],
    ]);
    metric('process_resident_memory_bytes', 'gauge', 'Resident memory of the node process.', [
      ['', process.memoryUsage.rss()],
    ]);
    metric('taonet_uptime_seconds', 'gauge', 'Seconds since the node started.', [
      ['', Number(process.hrtime.bigint() - this.#startedAt) / 1e9],
    ]);
    return `${out.join('\n')}\n`;
  }
}
