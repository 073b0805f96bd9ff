/**
 * Persistent chain storage in lmdb: blocks by number, block numbers by hash, each block's results
 * (events and per-extrinsic outcomes), the state entries, and the head. One block is committed in
 * one synchronous lmdb transaction, so after a crash (even kill -9) the store holds every block up
 * to some head and the matching state, never a half-written block.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeValue, encodeValue, fromHex } from '@taonet/primitives';
import type { BlockResult } from '@taonet/runtime';
import { type Database, open, type RootDatabase } from 'lmdb';
import { type Block, decodeBlock, encodeBlock } from '../codec/block.js';
import { DEFAULT_STATE_PRUNING, StateHistory, type StatePruning } from './state-history.js';

const utf8 = new TextEncoder();
const utf8d = new TextDecoder();

function u64be(n: bigint): Uint8Array {
  const b = new Uint8Array(8);
  new DataView(b.buffer).setBigUint64(0, n, false);
  return b;
}

function readU64be(b: Uint8Array): bigint {
  return new DataView(b.buffer, b.byteOffset, b.byteLength).getBigUint64(0, false);
}

const stateKey = (item: string, key: string): Uint8Array => utf8.encode(`${item}\u0000${key}`);

export interface StateWrite {
  readonly item: string;
  readonly key: string;
  /** undefined removes the entry. */
  readonly value: unknown;
  /** The canonical encoding of `value`, when the caller already has it. */
  readonly encoded?: Uint8Array | undefined;
}

export class ChainStore {
  private readonly root: RootDatabase<Uint8Array, Uint8Array>;
  private readonly meta: Database<Uint8Array, Uint8Array>;
  private readonly blocks: Database<Uint8Array, Uint8Array>;
  private readonly hashes: Database<Uint8Array, Uint8Array>;
  private readonly results: Database<Uint8Array, Uint8Array>;
  private readonly state: Database<Uint8Array, Uint8Array>;
  private readonly txIndex: Database<Uint8Array, Uint8Array>;
  /** Earlier values of changed state entries, for reads at past blocks (state-history.ts). */
  readonly history: StateHistory;

  private constructor(
    readonly path: string,
    private readonly temporary: boolean,
    pruning: StatePruning,
  ) {
    this.root = open<Uint8Array, Uint8Array>({ path, encoding: 'binary', keyEncoding: 'binary', maxDbs: 16 });
    const sub = (name: string) =>
      this.root.openDB<Uint8Array, Uint8Array>({ name, encoding: 'binary', keyEncoding: 'binary' });
    this.meta = sub('meta');
    this.blocks = sub('blocks');
    this.hashes = sub('hashes');
    this.results = sub('results');
    this.state = sub('state');
    this.txIndex = sub('txindex');
    this.history = new StateHistory(sub('history'), sub('historyix'), pruning);
  }

  /** Opens (creating if needed) the store under `basePath`, or a temporary one removed on close. */
  static open(basePath: string | null, pruning: StatePruning = DEFAULT_STATE_PRUNING): ChainStore {
    if (basePath === null) return new ChainStore(mkdtempSync(join(tmpdir(), 'taonet-')), true, pruning);
    return new ChainStore(join(basePath, 'chain.lmdb'), false, pruning);
  }

  /** The oldest block whose state can be read (history before it was pruned or never kept). */
  historyFrom(): bigint {
    const v = this.metaGet('historyFrom');
    // A store written before history existed: only its head (and later blocks) can be read.
    return v === undefined ? (this.headNumber() ?? 0n) : readU64be(v);
  }

  /** The encoded value of a state entry at block `at` (≥ historyFrom), or undefined when absent. */
  stateAt(item: string, key: string, at: bigint): Uint8Array | undefined {
    const k = stateKey(item, key);
    const past = this.history.valueAt(k, at);
    if (past === null) return undefined;
    if (past !== undefined) return past;
    const v = this.state.getBinary(k);
    return v === undefined ? undefined : new Uint8Array(v);
  }

  /** Keys of an item's entries present at block `at`, in key order. */
  stateKeysAt(item: string, at: bigint): string[] {
    const prefix = utf8.encode(`${item}\u0000`);
    const end = utf8.encode(`${item}\u0001`);
    const keys = new Set<string>();
    for (const { key } of this.state.getRange({ start: prefix, end })) keys.add(utf8d.decode(key));
    for (const k of this.history.changedSince(prefix, at)) keys.add(utf8d.decode(k));
    const out: string[] = [];
    for (const full of keys) {
      const key = full.slice(item.length + 1);
      if (this.stateAt(item, key, at) !== undefined) out.push(key);
    }
    return out.sort();
  }

  private metaGet(k: string): Uint8Array | undefined {
    const v = this.meta.getBinary(utf8.encode(k));
    return v === undefined ? undefined : new Uint8Array(v);
  }

  genesisHash(): string | null {
    const v = this.metaGet('genesis');
    return v === undefined ? null : utf8d.decode(v);
  }

  chainSpec(): string | null {
    const v = this.metaGet('spec');
    return v === undefined ? null : utf8d.decode(v);
  }

  headNumber(): bigint | null {
    const v = this.metaGet('head');
    return v === undefined ? null : readU64be(v);
  }

  /** Every persisted state entry. */
  *stateEntries(): Generator<[string, string, unknown]> {
    for (const { key, value } of this.state.getRange({})) {
      const k = utf8d.decode(key);
      const i = k.indexOf('\u0000');
      yield [k.slice(0, i), k.slice(i + 1), decodeValue(new Uint8Array(value))];
    }
  }

  /**
   * Writes a block, its results, its state changes and the new head in one transaction. `spec`
   * and `genesis` are written with block 0.
   */
  commitBlock(
    block: Block,
    hash: string,
    result: BlockResult | null,
    writes: readonly StateWrite[],
    first?: { genesis: string; spec: string },
    txHashes: readonly string[] = [],
  ): void {
    const num = u64be(block.header.number);
    const encodedBlock = encodeBlock(block);
    const encodedResult = result === null ? null : encodeValue(result);
    const n = block.header.number;
    this.root.transactionSync(() => {
      this.blocks.put(num, encodedBlock);
      this.hashes.put(fromHex(hash), num);
      if (encodedResult !== null) this.results.put(num, encodedResult);
      for (const w of writes) {
        const k = stateKey(w.item, w.key);
        if (n > 0n) {
          const prev = this.state.getBinary(k);
          this.history.record(n, k, prev === undefined ? undefined : new Uint8Array(prev));
        }
        if (w.value === undefined) this.state.remove(k);
        else this.state.put(k, w.encoded ?? encodeValue(w.value));
      }
      if (first !== undefined) {
        this.meta.put(utf8.encode('genesis'), utf8.encode(first.genesis));
        this.meta.put(utf8.encode('spec'), utf8.encode(first.spec));
        this.meta.put(utf8.encode('historyFrom'), u64be(0n));
      } else if (this.metaGet('historyFrom') === undefined) {
        // History starts with this block: the state before it (the old head) is readable from now on.
        this.meta.put(utf8.encode('historyFrom'), u64be(n - 1n));
      }
      const pruned = this.history.prune(n);
      if (pruned !== null && pruned > this.historyFrom()) this.meta.put(utf8.encode('historyFrom'), u64be(pruned));
      // Where each extrinsic landed (hash → block number ‖ index), for lookups.
      txHashes.forEach((h, i) => {
        const loc = new Uint8Array(12);
        loc.set(num, 0);
        new DataView(loc.buffer).setUint32(8, i, false);
        this.txIndex.put(fromHex(h), loc);
      });
      this.meta.put(utf8.encode('head'), num);
    });
  }

  extrinsicLocation(hash: string): { number: bigint; index: number } | null {
    const v = this.txIndex.getBinary(fromHex(hash));
    if (v === undefined) return null;
    const b = new Uint8Array(v);
    return { number: readU64be(b.subarray(0, 8)), index: new DataView(b.buffer, b.byteOffset).getUint32(8, false) };
  }

  blockByNumber(n: bigint): Block | null {
    const v = this.blocks.getBinary(u64be(n));
    return v === undefined ? null : decodeBlock(new Uint8Array(v));
  }

  numberOfHash(hash: string): bigint | null {
    if (!/^0x[0-9a-f]{64}$/.test(hash)) return null;
    const v = this.hashes.getBinary(fromHex(hash));
    return v === undefined ? null : readU64be(new Uint8Array(v));
  }

  resultByNumber(n: bigint): BlockResult | null {
    const v = this.results.getBinary(u64be(n));
    return v === undefined ? null : (decodeValue(new Uint8Array(v)) as BlockResult);
  }

  async close(): Promise<void> {
    await this.root.close();
    if (this.temporary) rmSync(this.path, { recursive: true, force: true });
  }
}
