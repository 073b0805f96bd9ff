/**
 * The history the node does not keep. The node serves only the head state, so the explorer's
 * server follows new heads itself and records, per block, every subnet's pool (price, reserves,
 * emission, flow) in a bounded ring buffer. Event-derived history — stakes and unstakes with their
 * execution prices, registrations, each account's extrinsics — can be rebuilt from old blocks, so
 * at start it is backfilled by walking the last `backfillBlocks` blocks, then kept up to date.
 * Pool snapshots cannot be backfilled (old state is gone); they start when the explorer starts.
 */
import type { BlockResultReply, EventReply } from '@taonet/primitives';
import { JsonRpcClient } from '@taonet/sdk/client';
import type {
  AccountExtrinsic,
  HistoryResponse,
  Registration,
  StatusResponse,
  SubnetPoint,
  Trade,
} from './app/api-types.js';
import { Ring } from './ring.js';

export interface HistoryOptions {
  /** Node WebSocket URL. */
  readonly rpc: string;
  /** Per-block snapshots kept (default 7200: 30 minutes of 250 ms blocks, 24 h of 12 s blocks). */
  readonly capacity?: number;
  /** Recent blocks whose events are indexed at start (default 600). */
  readonly backfillBlocks?: number;
  readonly log?: (line: string) => void;
}

interface BlockSnapshot {
  readonly block: number;
  readonly time: number;
  readonly subnets: ReadonlyMap<number, Omit<SubnetPoint, 'block' | 'time'>>;
}

type RawEvent = EventReply;

interface RawBlock {
  readonly number: string;
  readonly hash: string | null;
  readonly header: { readonly timestamp: string };
  readonly extrinsics: readonly { hash: string; signer: string; call: { method: string } }[];
}

type RawResult = BlockResultReply;

const PER_SUBNET = 500;
const PER_ACCOUNT = 100;
const MAX_ACCOUNTS = 20_000;
/** How far the event index catches up at once after a gap (a long disconnect). */
const MAX_CATCH_UP = 5_000;

export class History {
  readonly capacity: number;
  private snapshots: Ring<BlockSnapshot>;
  private readonly trades = new Map<number, Ring<Trade>>();
  private readonly registrations = new Map<number, Ring<Registration>>();
  private readonly accounts = new Map<string, Ring<AccountExtrinsic>>();
  private readonly client: JsonRpcClient;
  private readonly log: (line: string) => void;
  private readonly backfillBlocks: number;
  private genesis: string | null = null;
  private indexedFrom: number | null = null;
  private indexedTo: number | null = null;
  private latestHead = 0;
  private indexing = false;
  private snapshotting = false;
  private snapshotWanted = false;
  private unsubscribe: (() => Promise<void>) | null = null;
  private closed = false;

  constructor(readonly opts: HistoryOptions) {
    this.capacity = opts.capacity ?? 7200;
    this.backfillBlocks = opts.backfillBlocks ?? 600;
    this.snapshots = new Ring(this.capacity);
    this.log = opts.log ?? (() => undefined);
    this.client = new JsonRpcClient(opts.rpc, {
      timeoutMs: 15_000,
      minBackoffMs: 250,
      maxBackoffMs: 3_000,
      onStatus: (s) => {
        if (s === 'connected') void this.onConnected();
        else if (s === 'disconnected') this.log(`history: lost ${opts.rpc}, retrying`);
      },
    });
  }

  get connected(): boolean {
    return this.client.connected;
  }

  /** Connects (retrying until it works or `close` is called) and starts following heads. */
  async start(): Promise<void> {
    let wait = 250;
    while (!this.closed) {
      try {
        await this.client.connect();
        break;
      } catch {
        this.log(`history: cannot reach ${this.opts.rpc}, retrying in ${wait} ms`);
        await new Promise((r) => setTimeout(r, wait));
        wait = Math.min(wait * 2, 3000);
      }
    }
    if (this.closed) return;
    this.unsubscribe = await this.client.subscribe('taonet_subscribeNewHeads', [], 'taonet_unsubscribeNewHeads', (h) =>
      this.onHead(Number((h as { number: string }).number)),
    );
    const head = (await this.client.call('taonet_getHeader')) as { number: string };
    this.onHead(Number(head.number));
  }

  close(): void {
    this.closed = true;
    void this.unsubscribe?.();
    this.client.close();
  }

  private async onConnected(): Promise<void> {
    try {
      const g = (await this.client.call('chain_getGenesisHash')) as string;
      if (this.genesis !== null && g !== this.genesis) {
        this.log('history: the node is on a different chain now; history cleared');
        this.reset();
      }
      this.genesis = g;
    } catch {
      // The next reconnect checks again.
    }
  }

  private reset(): void {
    this.snapshots = new Ring(this.capacity);
    this.trades.clear();
    this.registrations.clear();
    this.accounts.clear();
    this.indexedFrom = null;
    this.indexedTo = null;
    this.latestHead = 0;
  }

  private onHead(n: number): void {
    if (this.closed) return;
    this.latestHead = Math.max(this.latestHead, n);
    this.snapshotWanted = true;
    void this.snapshotLoop();
    void this.indexLoop();
  }

  /** Records the pools at the newest head; heads that arrive while it runs collapse into one. */
  private async snapshotLoop(): Promise<void> {
    if (this.snapshotting) return;
    this.snapshotting = true;
    try {
      while (this.snapshotWanted && !this.closed) {
        this.snapshotWanted = false;
        const [info, header] = (await Promise.all([
          this.client.call('taonet_allDynamicInfo'),
          this.client.call('taonet_getHeader'),
        ])) as [Record<string, unknown>[], { number: string; timestamp: string }];
        const block = Number(header.number);
        const last = this.snapshots.last();
        if (last !== undefined && last.block >= block) continue;
        const subnets = new Map<number, Omit<SubnetPoint, 'block' | 'time'>>();
        for (const d of info) {
          subnets.set(d.netuid as number, {
            price: String(d.price),
            movingPrice: String(d.movingPrice),
            taoIn: String(d.taoIn),
            alphaIn: String(d.alphaIn),
            alphaOut: String(d.alphaOut),
            taoEmission: String(d.taoEmission),
            flowEma: String(d.flowEma),
          });
        }
        this.snapshots.push({ block, time: Number(header.timestamp), subnets });
      }
    } catch (e) {
      if (!this.closed) this.log(`history: snapshot failed: ${(e as Error).message}`);
    } finally {
      this.snapshotting = false;
    }
  }

  /** Indexes the events of every block up to the newest head, oldest first. */
  private async indexLoop(): Promise<void> {
    if (this.indexing) return;
    this.indexing = true;
    try {
      while (!this.closed) {
        const head = this.latestHead;
        if (this.indexedTo === null) {
          const from = Math.max(1, head - this.backfillBlocks + 1);
          this.indexedFrom = from;
          this.indexedTo = from - 1;
          this.log(`history: backfilling events of blocks ${from}..${head}`);
        } else if (head - this.indexedTo > MAX_CATCH_UP) {
          this.indexedTo = head - MAX_CATCH_UP;
          this.indexedFrom = this.indexedTo + 1;
        }
        const next = this.indexedTo + 1;
        if (next > head) break;
        await this.indexBlock(next);
        this.indexedTo = next;
      }
    } catch (e) {
      if (!this.closed) this.log(`history: indexing failed: ${(e as Error).message}`);
    } finally {
      this.indexing = false;
    }
  }

  private async indexBlock(n: number): Promise<void> {
    const [block, result] = (await Promise.all([
      this.client.call('taonet_getBlock', [n]),
      this.client.call('taonet_getEvents', [n]),
    ])) as [RawBlock, RawResult | null];
    const time = Number(block.header.timestamp);
    const all: RawEvent[] = [...(result?.events ?? [])];
    block.extrinsics.forEach((x, index) => {
      const r = result?.extrinsics[index];
      all.push(...(r?.events ?? []));
      const ring = this.accountRing(x.signer);
      ring.push({
        block: n,
        time,
        index,
        hash: x.hash,
        method: x.call.method,
        ok: r?.ok ?? false,
        fee: r?.fee ?? '0',
        error: r?.error ?? null,
      });
      this.indexIncoming(r?.events ?? [], { block: n, time, index, hash: x.hash, method: x.call.method });
    });
    for (const e of all) {
      const d = e.data;
      if (e.name === 'StakeAdded' || e.name === 'StakeRemoved') {
        ring(this.trades, d.netuid as number).push({
          block: n,
          time,
          side: e.name === 'StakeAdded' ? 'stake' : 'unstake',
          coldkey: String(d.coldkey),
          hotkey: String(d.hotkey),
          tao: String(d.tao),
          alpha: String(d.alpha),
        });
      } else if (e.name === 'NeuronRegistered') {
        ring(this.registrations, d.netuid as number).push({
          block: n,
          time,
          uid: d.uid as number,
          hotkey: String(d.hotkey),
          replaced: typeof d.replaced === 'string' ? d.replaced : null,
        });
      }
    }
  }

  /** A transfer shows on the receiver's page too: the sender's extrinsic, marked incoming. */
  private indexIncoming(
    events: readonly RawEvent[],
    x: Pick<AccountExtrinsic, 'block' | 'time' | 'index' | 'hash' | 'method'>,
  ): void {
    for (const e of events) {
      if (e.name !== 'Transfer' || e.data.to === e.data.from) continue;
      this.accountRing(String(e.data.to)).push({
        ...x,
        ok: true,
        fee: '0',
        error: null,
        incoming: { from: String(e.data.from), amount: String(e.data.amount) },
      });
    }
  }

  private accountRing(who: string): Ring<AccountExtrinsic> {
    let r = this.accounts.get(who);
    if (r === undefined) {
      if (this.accounts.size >= MAX_ACCOUNTS) {
        const oldest = this.accounts.keys().next();
        if (oldest.done !== true) this.accounts.delete(oldest.value);
      }
      r = new Ring(PER_ACCOUNT);
      this.accounts.set(who, r);
    }
    return r;
  }

  // ---- what the HTTP endpoints serve -----------------------------------------------------------

  history(netuid: number, sinceBlock = 0): HistoryResponse {
    const points: SubnetPoint[] = [];
    for (const s of this.snapshots.toArray()) {
      if (s.block < sinceBlock) continue;
      const p = s.subnets.get(netuid);
      if (p !== undefined) points.push({ block: s.block, time: s.time, ...p });
    }
    const trades = this.trades.get(netuid)?.toArray() ?? [];
    return { netuid, capacity: this.capacity, points, trades };
  }

  registrationsOf(netuid: number): Registration[] {
    return this.registrations.get(netuid)?.toArray() ?? [];
  }

  extrinsicsOf(accountHex: string): AccountExtrinsic[] {
    return this.accounts.get(accountHex.toLowerCase())?.toArray() ?? [];
  }

  status(): StatusResponse {
    const snaps = this.snapshots.toArray();
    return {
      rpc: this.opts.rpc,
      connected: this.connected,
      genesisHash: this.genesis,
      recordedFrom: snaps[0]?.block ?? null,
      recordedTo: snaps.at(-1)?.block ?? null,
      indexedFrom: this.indexedFrom,
      indexedTo: this.indexedTo === null || this.indexedTo < (this.indexedFrom ?? 0) ? null : this.indexedTo,
      capacity: this.capacity,
    };
  }
}

function ring<T>(m: Map<number, Ring<T>>, key: number): Ring<T> {
  let r = m.get(key);
  if (r === undefined) {
    r = new Ring(PER_SUBNET);
    m.set(key, r);
  }
  return r;
}
