/**
 * Block production: at each slot this node may author (per the consensus engine), take ready
 * transactions from the pool, build and seal a block, and import it through the chain's single
 * import path. With manual sealing, blocks are made only when asked (`advance`).
 */
import type { AccountId } from '@taonet/primitives';
import type { Chain, ImportedBlock } from './chain/chain.js';
import type { NodeKeypair } from './crypto.js';
import type { TxPool } from './txpool/tx-pool.js';
import type { AuthorKeyring } from './shield/author-keyring.js';
import { storage } from '@taonet/runtime';
import { dueRounds } from './drand/due-rounds.js';
import type { PulseSource } from './drand/pulse-source.js';

export interface ProducerOptions {
  readonly key: NodeKeypair;
  readonly author: AccountId;
  /** Wall-clock source (ms); injected so tests control time. */
  readonly now: () => number;
  readonly maxTxPerBlock: number;
  /** The MEV shield's author keys (null: announce nothing, skip every carrier). */
  readonly shield?: AuthorKeyring | null;
  /** Where the due beacon pulses come from (null: write none). */
  readonly beacon?: PulseSource | null;
}

export class BlockProducer {
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    private readonly chain: Chain,
    private readonly pool: TxPool,
    private readonly opts: ProducerOptions,
  ) {
    // The keyring learns when each of its keys became readable as NextKey, from every imported block.
    const keyring = opts.shield ?? null;
    if (keyring !== null) {
      chain.onImport((b) =>
        keyring.observe(Number(b.block.header.number), chain.state.value(storage.ShieldKeyState).nextKey),
      );
    }
  }

  /** Produces one block now, in the next free slot; null if this node may not author it. */
  produce(): ImportedBlock | null {
    const c = this.chain.consensus;
    const nowSlot = c.slotAt(BigInt(this.opts.now()));
    const slot = nowSlot > this.chain.head.slot ? nowSlot : this.chain.head.slot + 1n;
    if (c.authorOf(slot) !== this.opts.author) return null;
    const timestamp = slot * BigInt(c.blockTimeMs);
    const beacon = this.opts.beacon ?? null;
    const due = beacon === null ? null : dueRounds(this.chain.state, timestamp);
    // A networked source fetches this block's rounds and the next one's for the blocks to come.
    if (due !== null) beacon?.prefetch?.(due.from, due.to + 1n);
    const built = this.chain.buildBlock({
      key: this.opts.key,
      author: this.opts.author,
      timestamp,
      slot,
      candidates: this.pool.ready(this.opts.maxTxPerBlock),
      shield: this.opts.shield ?? null,
      beacon,
    });
    this.pool.rejectInvalid(built.rejected);
    return this.chain.importBlock(built.block);
  }

  /** Produces `n` blocks back to back (manual seal). */
  advance(n: number): ImportedBlock[] {
    const out: ImportedBlock[] = [];
    for (let i = 0; i < n; i++) {
      const b = this.produce();
      if (b !== null) out.push(b);
    }
    return out;
  }

  /** Authors a block at the start of every slot until stopped. */
  start(): void {
    const tick = (): void => {
      if (this.stopped) return;
      const bt = this.chain.consensus.blockTimeMs;
      const now = this.opts.now();
      const slot = this.chain.consensus.slotAt(BigInt(now));
      if (slot > this.chain.head.slot) this.produce();
      const wait = bt - (this.opts.now() % bt);
      this.timer = setTimeout(tick, wait);
    };
    this.stopped = false;
    tick();
  }

  stop(): void {
    this.stopped = true;
    this.opts.beacon?.close?.();
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}
