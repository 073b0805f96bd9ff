/**
 * The transaction pool. A transaction enters only if it decodes, is signed for this chain, is
 * alive, and is valid by the runtime's rule (`validateExtrinsic`: known call, nonce not used, fee
 * payable, right origin); otherwise the sender gets a typed error at once. The pool's own rules
 * are only about pools: how far ahead a nonce may wait, one transaction per nonce, size and tips. Inside, transactions are ordered by tip and, per account, by nonce;
 * a gap in an account's nonces waits ("future") until it fills. When the pool is full, a
 * transaction with a higher tip evicts the lowest one. After each block the pool drops what was
 * included and re-checks the rest.
 */
import type { AccountId } from '@taonet/primitives';
import { nonceOf, type RuntimeErrorInfo, validateExtrinsic } from '@taonet/runtime';
import type { Chain, ImportedBlock } from '../chain/chain.js';
import {
  checkMortality,
  checkTransaction,
  decodeOrReject,
  TransactionError,
  toChecked,
} from '../chain/transaction-checks.js';
import type { SignedExtrinsic } from '@taonet/primitives';

export type TxStatus =
  | { readonly type: 'ready' }
  | { readonly type: 'future' }
  | {
      readonly type: 'inBlock';
      readonly blockHash: string;
      readonly number: bigint;
      readonly index: number;
      readonly ok: boolean;
      readonly error?: RuntimeErrorInfo;
    }
  | { readonly type: 'finalized'; readonly blockHash: string }
  | { readonly type: 'dropped'; readonly reason: RuntimeErrorInfo }
  | { readonly type: 'invalid'; readonly error: RuntimeErrorInfo };

export type TxWatcher = (status: TxStatus) => void;

interface Entry {
  readonly tx: SignedExtrinsic;
  readonly seq: number;
}

export interface TxPoolOptions {
  readonly maxSize: number;
  /** Highest nonce ahead of the account's next one that is kept waiting. */
  readonly maxFutureGap: number;
}

export class TxPool {
  private readonly byHash = new Map<string, Entry>();
  private readonly byAccount = new Map<AccountId, Map<bigint, Entry>>();
  private readonly watchers = new Map<string, Set<TxWatcher>>();
  /** Why recent transactions left the pool without a block (newest last, bounded). */
  private readonly rejected = new Map<string, { type: 'dropped' | 'invalid'; error: RuntimeErrorInfo }>();
  private seq = 0;

  constructor(
    private readonly chain: Chain,
    private readonly opts: TxPoolOptions = { maxSize: 20_000, maxFutureGap: 64 },
  ) {
    chain.onImport((b) => this.onImported(b));
  }

  get size(): number {
    return this.byHash.size;
  }

  private fail(code: string, explanation: string, hint?: string, data?: Readonly<Record<string, unknown>>): never {
    throw new TransactionError(code, explanation, hint, data);
  }

  /** Validates and adds; returns the transaction hash or throws a TransactionError. */
  submit(bytes: Uint8Array, watcher?: TxWatcher): string {
    const tx = decodeOrReject(bytes);
    if (this.byHash.has(tx.hash))
      this.fail('AlreadyInPool', 'this exact transaction is already waiting', 'follow it with taonet_extrinsicStatus');
    if (this.chain.store.extrinsicLocation(tx.hash) !== null)
      this.fail(
        'AlreadyImported',
        'this exact transaction is already in a block',
        'see taonet_extrinsicStatus for its result',
      );
    const next = this.chain.head.number + 1n;
    checkTransaction(tx, this.chain.txContext, next);
    // Call, nonce order, fee and origin: the runtime's one rule. What follows is the pool's own.
    const v = validateExtrinsic(this.chain.state, toChecked(tx), { nonce: 'notStale' });
    if (!v.ok) throw TransactionError.from(v.error);
    const expected = v.valid.accountNonce;
    if (tx.nonce > expected + BigInt(this.opts.maxFutureGap)) {
      this.fail('FutureNonce', `nonce ${tx.nonce} is too far ahead`, `the account's next nonce is ${expected}`);
    }
    if (this.byAccount.get(tx.signer)?.has(tx.nonce)) {
      this.fail(
        'NonceInPool',
        `a transaction with nonce ${tx.nonce} from this account is already waiting`,
        'raise the tip to replace it, or wait',
      );
    }
    if (this.byHash.size >= this.opts.maxSize) this.evictFor(tx);
    const entry = { tx, seq: this.seq++ };
    this.byHash.set(tx.hash, entry);
    let m = this.byAccount.get(tx.signer);
    if (m === undefined) {
      m = new Map();
      this.byAccount.set(tx.signer, m);
    }
    m.set(tx.nonce, entry);
    if (watcher !== undefined) this.watch(tx.hash, watcher);
    this.notify(tx.hash, tx.nonce === expected ? { type: 'ready' } : { type: 'future' });
    return tx.hash;
  }

  private evictFor(tx: SignedExtrinsic): void {
    let lowest: Entry | null = null;
    for (const e of this.byHash.values()) {
      if (lowest === null || e.tx.tip < lowest.tx.tip || (e.tx.tip === lowest.tx.tip && e.seq > lowest.seq)) lowest = e;
    }
    if (lowest === null || lowest.tx.tip >= tx.tip) {
      this.fail('PoolFull', `the pool holds ${this.byHash.size} transactions`, 'retry later or add a tip');
    }
    this.remove(lowest.tx, {
      type: 'dropped',
      reason: { code: 'Usurped', explanation: 'evicted by a transaction with a higher tip' },
    });
  }

  watch(hash: string, w: TxWatcher): () => void {
    let set = this.watchers.get(hash);
    if (set === undefined) {
      set = new Set();
      this.watchers.set(hash, set);
    }
    set.add(w);
    return () => this.unwatch(hash, w);
  }

  unwatch(hash: string, w: TxWatcher): void {
    const set = this.watchers.get(hash);
    set?.delete(w);
    if (set?.size === 0) this.watchers.delete(hash);
  }

  /** Why a transaction left the pool without being included, while it is remembered. */
  rejection(hash: string): { type: 'dropped' | 'invalid'; error: RuntimeErrorInfo } | null {
    return this.rejected.get(hash) ?? null;
  }

  private notify(hash: string, status: TxStatus): void {
    if (status.type === 'dropped' || status.type === 'invalid') {
      this.rejected.set(hash, { type: status.type, error: status.type === 'dropped' ? status.reason : status.error });
      if (this.rejected.size > 4096) this.rejected.delete(this.rejected.keys().next().value as string);
    }
    for (const w of this.watchers.get(hash) ?? []) w(status);
    if (status.type === 'finalized' || status.type === 'dropped' || status.type === 'invalid')
      this.watchers.delete(hash);
  }

  private remove(tx: SignedExtrinsic, status?: TxStatus): void {
    this.byHash.delete(tx.hash);
    const m = this.byAccount.get(tx.signer);
    m?.delete(tx.nonce);
    if (m?.size === 0) this.byAccount.delete(tx.signer);
    if (status !== undefined) this.notify(tx.hash, status);
  }

  /** Up to `limit` transactions in inclusion order: by tip across accounts, by nonce within one. */
  ready(limit: number): SignedExtrinsic[] {
    const state = this.chain.state;
    // Each account's run of consecutive nonces from its next one; a heap over the runs' heads.
    const queues: Entry[][] = [];
    for (const [who, m] of this.byAccount) {
      const q: Entry[] = [];
      let n = nonceOf(state, who);
      for (let e = m.get(n); e !== undefined && q.length < limit; e = m.get(n)) {
        q.push(e);
        n++;
      }
      if (q.length > 0) queues.push(q);
    }
    const pos = new Array<number>(queues.length).fill(0);
    const headOf = (i: number): Entry => (queues[i] as Entry[])[pos[i] as number] as Entry;
    const before = (a: number, b: number): boolean => {
      const x = headOf(a);
      const y = headOf(b);
      return x.tx.tip > y.tx.tip || (x.tx.tip === y.tx.tip && x.seq < y.seq);
    };
    const heap = queues.map((_, i) => i);
    const down = (from: number): void => {
      let i = from;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let best = i;
        if (l < heap.length && before(heap[l] as number, heap[best] as number)) best = l;
        if (r < heap.length && before(heap[r] as number, heap[best] as number)) best = r;
        if (best === i) return;
        [heap[i], heap[best]] = [heap[best] as number, heap[i] as number];
        i = best;
      }
    };
    for (let i = (heap.length >> 1) - 1; i >= 0; i--) down(i);
    const out: SignedExtrinsic[] = [];
    while (out.length < limit && heap.length > 0) {
      const top = heap[0] as number;
      out.push(headOf(top).tx);
      pos[top] = (pos[top] as number) + 1;
      if ((pos[top] as number) >= (queues[top] as Entry[]).length) {
        heap[0] = heap[heap.length - 1] as number;
        heap.pop();
      }
      if (heap.length > 0) down(0);
    }
    return out;
  }

  has(hash: string): boolean {
    return this.byHash.has(hash);
  }

  /** The nonce after `from` and every consecutive nonce of `who` waiting here. */
  nextNonce(who: AccountId, from: bigint): bigint {
    const m = this.byAccount.get(who);
    let n = from;
    while (m?.has(n)) n++;
    return n;
  }

  pending(): SignedExtrinsic[] {
    return [...this.byHash.values()].sort((a, b) => a.seq - b.seq).map((e) => e.tx);
  }

  /** Transactions the producer left out as invalid leave the pool with their reason. */
  rejectInvalid(rejected: readonly { tx: SignedExtrinsic; error: RuntimeErrorInfo }[]): void {
    for (const r of rejected) if (this.byHash.has(r.tx.hash)) this.remove(r.tx, { type: 'invalid', error: r.error });
  }

  private onImported(b: ImportedBlock): void {
    b.txHashes.forEach((hash, index) => {
      const e = this.byHash.get(hash);
      const r = b.result.extrinsics[index];
      const status: TxStatus = {
        type: 'inBlock',
        blockHash: b.hash,
        number: b.block.header.number,
        index,
        ok: r?.ok ?? false,
        ...(r?.error === undefined ? {} : { error: r.error }),
      };
      if (e !== undefined) this.remove(e.tx);
      this.notify(hash, status);
      if (b.finalized) this.notify(hash, { type: 'finalized', blockHash: b.hash });
    });
    // Re-check what is left against the new head.
    const next = this.chain.head.number + 1n;
    for (const e of [...this.byHash.values()]) {
      const tx = e.tx;
      if (tx.nonce < nonceOf(this.chain.state, tx.signer)) {
        this.remove(tx, {
          type: 'dropped',
          reason: { code: 'StaleNonce', explanation: 'another transaction used this nonce' },
        });
        continue;
      }
      try {
        // The signature was checked at the door and does not change; only the era can run out.
        checkMortality(tx, next);
      } catch (err) {
        if (err instanceof TransactionError) this.remove(tx, { type: 'dropped', reason: err.toJSON() });
        else throw err;
      }
    }
  }
}
