/**
 * The chain: state, state root, storage and head, and the one block importer every block goes
 * through — blocks this node authors and blocks from elsewhere alike. Import verifies the header
 * with the consensus engine, checks every transaction's signature and mortality, executes the
 * block on the runtime (or takes the producer's execution of it), checks both roots, then commits
 * block, results and state changes in one storage transaction.
 */
import { type AccountId, encodeValue, fromHex, toHex } from '@taonet/primitives';
import {
  BlockBuilder,
  type BlockResult,
  InvalidBlockError,
  type CheckedExtrinsic,
  genesisState,
  type RuntimeErrorInfo,
  State,
} from '@taonet/runtime';
import { type Block, type Header, headerHash, preSealHashBytes, ZERO_HASH_HEX } from '../codec/block.js';
import { type BareExtrinsic, encodeBareExtrinsic, isBare, type SignedExtrinsic } from '@taonet/primitives';
import type { AuthorKeyring } from '../shield/author-keyring.js';
import { dueRounds } from '../drand/due-rounds.js';
import type { PulseSource } from '../drand/pulse-source.js';
import { openCarrier } from '../shield/carrier-opener.js';
import { type ShieldLink, ShieldLinks } from '../shield/shield-links.js';
import { ShieldBlobError } from '@taonet/primitives';
import type { Consensus } from '../consensus/consensus.js';
import { initCrypto, type NodeKeypair, sign } from '../crypto.js';
import { merkleRoot } from '../merkle/binary-merkle.js';
import { StateRoot } from '../merkle/state-root.js';
import { type ChainSpec, chainSpecToJson } from '../chain-spec.js';
import { ChainStore, type StateWrite } from '../storage/chain-store.js';
import type { StatePruning } from '../storage/state-history.js';
import { SPEC_VERSION, TRANSACTION_VERSION } from '../substrate/runtime-version.js';
import {
  checkTransaction,
  decodeBlockExtrinsicOrReject,
  decodeOrReject,
  toChecked,
  TransactionError,
  type TxContext,
} from './transaction-checks.js';

/** What a block body holds: signed transactions and, first, the author's inherent. */
export type BlockExtrinsic = SignedExtrinsic | BareExtrinsic;

/** The author's inherents, in the order a block carries them (each at most once, before any transaction). */
const INHERENT_ORDER: readonly string[] = ['announce_next_key', 'write_pulse'];

/** How many recent block hashes System.BlockHash keeps (era births older than this are ancient). */
export const BLOCK_HASH_COUNT = 2400n;

export class ImportError extends Error {
  override readonly name = 'ImportError';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
  }
}

export interface ImportedBlock {
  readonly block: Block;
  readonly hash: string;
  readonly result: BlockResult;
  /** Transaction hashes in block order. */
  readonly txHashes: readonly string[];
  readonly finalized: boolean;
}

export type ImportListener = (b: ImportedBlock) => void;

export interface BuiltBlock {
  readonly block: Block;
  readonly included: readonly BlockExtrinsic[];
  /** Transactions left out, with why (they were invalid at that point). */
  readonly rejected: readonly { tx: SignedExtrinsic; error: RuntimeErrorInfo }[];
}

export class Chain {
  head: Header;
  headHash: string;
  finalizedNumber: bigint;
  private readonly listeners = new Set<ImportListener>();
  private pending: {
    builder: BlockBuilder;
    header: Header;
    included: readonly BlockExtrinsic[];
    links: readonly ShieldLink[];
  } | null = null;
  /** Carrier ↔ inner links of the blocks this node built (the MEV shield; only the author knows them). */
  readonly shieldLinks = new ShieldLinks();

  private constructor(
    readonly spec: ChainSpec,
    readonly state: State,
    readonly root: StateRoot,
    readonly store: ChainStore,
    readonly consensus: Consensus,
    readonly genesisHash: string,
    head: Header,
  ) {
    this.head = head;
    this.headHash = headerHash(head);
    this.finalizedNumber = head.number;
    this.txContext = {
      genesisHash: fromHex(genesisHash),
      specVersion: SPEC_VERSION,
      transactionVersion: TRANSACTION_VERSION,
      blockHash: (n) => this.recentBlockHash(n),
    };
  }

  /** The genesis hash as bytes (what transactions sign). */
  get genesisHashBytes(): Uint8Array {
    this.genesisBytes ??= fromHex(this.genesisHash);
    return this.genesisBytes;
  }
  private genesisBytes: Uint8Array | null = null;

  /** Hashes of recent blocks by number (era births, System.BlockHash), filled as blocks import. */
  private readonly recentHashes = new Map<bigint, Uint8Array>();

  /** Hash of block `n` if it is the head or one of the BLOCK_HASH_COUNT blocks before, else null. */
  recentBlockHash(n: bigint): Uint8Array | null {
    if (n < 0n || n > this.head.number || this.head.number - n > BLOCK_HASH_COUNT) return null;
    const cached = this.recentHashes.get(n);
    if (cached !== undefined) return cached;
    const h =
      n === this.head.number ? fromHex(this.headHash) : (this.store.blockByNumber(n + 1n)?.header.parentHash ?? null);
    if (h === null) return null;
    const bytes = typeof h === 'string' ? fromHex(h) : h;
    this.recentHashes.set(n, bytes);
    return bytes;
  }

  /** What every transaction's signature is checked against on this chain. */
  readonly txContext: TxContext;

  static genesisBlock(spec: ChainSpec): { state: State; root: StateRoot; block: Block; hash: string } {
    const state = genesisState(spec.genesis);
    const root = new StateRoot();
    for (const [item, key, value] of state.allEntries()) root.update(item, key, value);
    state.takeDirty();
    const header: Header = {
      parentHash: ZERO_HASH_HEX,
      number: 0n,
      stateRoot: toHex(root.root()),
      extrinsicsRoot: ZERO_HASH_HEX,
      author: null,
      timestamp: 0n,
      slot: 0n,
      seal: null,
      justification: null,
    };
    return { state, root, block: { header, extrinsics: [] }, hash: headerHash(header) };
  }

  /**
   * Opens the chain under `basePath` (null: a temporary store). A new store is initialised with
   * the spec's genesis; an existing one is loaded and its state root checked against its head.
   */
  static async open(
    spec: ChainSpec,
    basePath: string | null,
    consensus: Consensus,
    opts: { statePruning?: StatePruning } = {},
  ): Promise<Chain> {
    await initCrypto();
    const store = ChainStore.open(basePath, opts.statePruning);
    const g = Chain.genesisBlock(spec);
    const stored = store.genesisHash();
    if (stored === null) {
      const writes: StateWrite[] = [...g.state.allEntries()].map(([item, key, value]) => ({ item, key, value }));
      store.commitBlock(g.block, g.hash, null, writes, { genesis: g.hash, spec: chainSpecToJson(spec) });
      return new Chain(spec, g.state, g.root, store, consensus, g.hash, g.block.header);
    }
    if (stored !== g.hash) {
      await store.close();
      throw new ImportError('GenesisMismatch', `the base path holds chain ${stored}, not this spec's ${g.hash}`);
    }
    const headNumber = store.headNumber() ?? 0n;
    const head = store.blockByNumber(headNumber)?.header;
    if (head === undefined) throw new ImportError('CorruptStore', `head block ${headNumber} is missing`);
    const state = new State();
    const root = new StateRoot();
    for (const [item, key, value] of store.stateEntries()) {
      state.rawLoad(item, key, value);
      root.update(item, key, value);
    }
    const computed = toHex(root.root());
    if (computed !== head.stateRoot) {
      throw new ImportError(
        'StateRootMismatch',
        `stored state gives root ${computed}, head ${headNumber} says ${head.stateRoot}`,
      );
    }
    return new Chain(spec, state, root, store, consensus, g.hash, head);
  }

  onImport(l: ImportListener): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  private writesSince(): StateWrite[] {
    return this.state.takeDirty().map(({ item, key }) => {
      const value = this.state.rawGet(item, key);
      // Encoded once, for the state root and for storage.
      const encoded = value === undefined ? undefined : encodeValue(value);
      this.root.updateEncoded(item, key, encoded);
      return { item, key, value, encoded };
    });
  }

  /** Undoes root updates for keys the state has since reverted. */
  private resyncRoot(writes: readonly StateWrite[]): void {
    for (const w of writes) this.root.update(w.item, w.key, this.state.rawGet(w.item, w.key));
    this.state.takeDirty();
  }

  /**
   * Builds and seals a block on the head from candidate transactions (in order), leaving out
   * those invalid at their position. The block is then imported like any other.
   */
  buildBlock(opts: {
    key: NodeKeypair;
    author: AccountId;
    timestamp: bigint;
    slot: bigint;
    candidates: readonly SignedExtrinsic[];
    /** The author's MEV-shield keys: announce a fresh one and open carriers meant for ours. */
    shield?: AuthorKeyring | null;
    /** Where the due beacon pulses come from (null: write none). */
    beacon?: PulseSource | null;
  }): BuiltBlock {
    const number = this.head.number + 1n;
    const builder = new BlockBuilder(this.state, {
      number,
      parentHash: this.headHash,
      author: opts.author,
      timestamp: opts.timestamp,
      slot: opts.slot,
      authorities: this.spec.authorities,
    });
    const included: BlockExtrinsic[] = [];
    const links: ShieldLink[] = [];
    const rejected: { tx: SignedExtrinsic; error: RuntimeErrorInfo }[] = [];
    try {
      if (opts.shield != null) {
        const inherent = encodeBareExtrinsic({
          method: 'announce_next_key',
          args: { encKey: opts.shield.announce(Number(number)) },
        });
        builder.applyInherent(inherent.call);
        included.push(inherent);
      }
      const pulses = this.pulseInherent(builder, opts.beacon ?? null, number, opts.author, opts.timestamp);
      if (pulses !== null) included.push(pulses);
      for (const tx of opts.candidates) {
        const opened = tx.call.method === 'submit_encrypted' ? this.openCarrier(opts.shield ?? null, tx, number) : null;
        if (opened === 'skip') continue;
        const r = this.tryInclude(builder, tx, number);
        if (!r.ok) {
          rejected.push({ tx, error: r.error });
          continue;
        }
        included.push(tx);
        // The inner goes right after its carrier, if it is valid there; else it is dropped silently.
        if (opened?.inner != null && this.tryInclude(builder, opened.inner, number).ok) {
          included.push(opened.inner);
          links.push({ carrier: tx.hash, inner: opened.inner.hash });
        }
      }
    } catch (e) {
      builder.abort();
      this.state.takeDirty();
      throw e;
    }
    const writes = this.writesSince();
    const unsealed: Header = {
      parentHash: this.headHash,
      number,
      stateRoot: toHex(this.root.root()),
      extrinsicsRoot: toHex(merkleRoot(included.map((x) => fromHex(x.hash)))),
      author: opts.author,
      timestamp: opts.timestamp,
      slot: opts.slot,
      seal: null,
      justification: null,
    };
    const header = { ...unsealed, seal: toHex(sign(opts.key, preSealHashBytes(unsealed))) };
    this.pending = { builder, header, included, links };
    this.pendingWrites = writes;
    return { block: { header, extrinsics: included.map((x) => x.bytes) }, included, rejected };
  }

  private pendingWrites: StateWrite[] = [];

  /**
   * The `write_pulse` inherent with the due pulses the source has, applied to `builder`; null if
   * none is due or ready. A pulse the runtime refuses (a relay's bad answer) leaves it out: the
   * block goes on without pulses rather than not at all.
   */
  private pulseInherent(
    builder: BlockBuilder,
    source: PulseSource | null,
    number: bigint,
    author: AccountId,
    timestamp: bigint,
  ): BareExtrinsic | null {
    if (source === null) return null;
    const due = dueRounds(this.state, timestamp);
    if (due === null) return null;
    const pulses = source.pulses(due.from, due.to);
    if (pulses.length === 0) return null;
    const inherent = encodeBareExtrinsic({
      method: 'write_pulse',
      args: { pulses, blockNumber: Number(number), author },
    });
    try {
      builder.applyInherent(inherent.call);
    } catch (e) {
      if (e instanceof InvalidBlockError) return null;
      throw e;
    }
    return inherent;
  }

  /** One candidate at its position: its signature and era, then the runtime's rule. */
  private tryInclude(
    builder: BlockBuilder,
    tx: SignedExtrinsic,
    number: bigint,
  ): { ok: true } | { ok: false; error: RuntimeErrorInfo } {
    try {
      checkTransaction(tx, this.txContext, number);
    } catch (e) {
      if (e instanceof TransactionError) return { ok: false, error: e.toJSON() };
      throw e;
    }
    const r = builder.push(toChecked(tx));
    return r.included ? { ok: true } : { ok: false, error: r.error };
  }

  /**
   * A carrier, seen by this author (spec mev-shield.md §4.2–4.3): 'skip' when its key is not one
   * this node announced and still holds within the acceptance window (left in the pool; its era
   * ends it); else the carrier goes in, with its inner extrinsic if the blob opens to one signed
   * extrinsic that is not itself a carrier (null: the carrier alone, having paid its fee).
   */
  private openCarrier(
    keyring: AuthorKeyring | null,
    carrier: SignedExtrinsic,
    building: bigint,
  ): 'skip' | { inner: SignedExtrinsic | null } {
    if (keyring === null) return 'skip';
    let out: ReturnType<typeof openCarrier>;
    try {
      out = openCarrier(keyring, carrier.call.args.ciphertext as Uint8Array, Number(building));
    } catch (e) {
      if (e instanceof ShieldBlobError) return { inner: null };
      throw e;
    }
    if (out.action === 'skip') return 'skip';
    if (out.action !== 'open') return { inner: null };
    try {
      const inner = decodeOrReject(out.inner);
      return { inner: inner.call.method === 'submit_encrypted' ? null : inner };
    } catch (e) {
      if (e instanceof TransactionError) return { inner: null };
      throw e;
    }
  }

  /** Drops a block built but not imported. */
  discardBuilt(): void {
    if (this.pending === null) return;
    this.pending.builder.abort();
    this.pending = null;
    this.resyncRoot(this.pendingWrites);
    this.pendingWrites = [];
  }

  /** The single import path. Throws ImportError (and changes nothing) for an invalid block. */
  importBlock(block: Block): ImportedBlock {
    const h = block.header;
    const hash = headerHash(h);
    if (h.parentHash !== this.headHash)
      throw new ImportError('UnknownParent', `parent ${h.parentHash} is not the head ${this.headHash}`);
    try {
      this.consensus.verifyHeader(h, this.head);
    } catch (e) {
      this.discardBuilt();
      throw new ImportError('BadHeader', (e as Error).message);
    }
    let builder: BlockBuilder;
    let writes: StateWrite[];
    let txs: readonly BlockExtrinsic[];
    let links: readonly ShieldLink[] = [];
    const prepared = this.pending;
    if (
      prepared !== null &&
      headerHash(prepared.header) === hash &&
      prepared.included.length === block.extrinsics.length &&
      prepared.included.every((x, i) => x.bytes === block.extrinsics[i])
    ) {
      // This node built the block from these very transactions: no need to decode or run it again
      // (the header hash commits to the extrinsics root computed from them).
      txs = prepared.included;
      links = prepared.links;
      builder = prepared.builder;
      writes = this.pendingWrites;
    } else {
      this.discardBuilt();
      try {
        txs = block.extrinsics.map((b) => decodeBlockExtrinsicOrReject(b));
      } catch (e) {
        throw new ImportError('InvalidTransaction', (e as Error).message);
      }
      if (toHex(merkleRoot(txs.map((x) => fromHex(x.hash)))) !== h.extrinsicsRoot) {
        throw new ImportError('BadExtrinsicsRoot', 'the extrinsics root does not match the body');
      }
      builder = new BlockBuilder(this.state, {
        number: h.number,
        parentHash: h.parentHash,
        author: h.author,
        timestamp: h.timestamp,
        slot: h.slot,
        authorities: this.spec.authorities,
      });
      try {
        txs.forEach((tx, i) => {
          if (isBare(tx)) {
            // Only the author's inherents, first and in their order (the shield key, then the pulses).
            const at = INHERENT_ORDER.indexOf(tx.call.method);
            const prev = i === 0 ? -1 : INHERENT_ORDER.indexOf((txs[i - 1] as BlockExtrinsic).call.method);
            if (at < 0 || at <= prev || (i > 0 && !isBare(txs[i - 1] as BlockExtrinsic)))
              throw new ImportError(
                'InvalidTransaction',
                `${tx.hash}: an unsigned extrinsic that is not one of the block's inherents in place`,
              );
            builder.applyInherent(tx.call);
            return;
          }
          checkTransaction(tx, this.txContext, h.number);
          const r = builder.push(toChecked(tx) as CheckedExtrinsic);
          if (!r.included) throw new ImportError('InvalidTransaction', `${tx.hash}: ${r.error.code}`);
        });
      } catch (e) {
        builder.abort();
        this.state.takeDirty();
        throw e instanceof ImportError ? e : new ImportError('InvalidTransaction', (e as Error).message);
      }
      writes = this.writesSince();
    }
    this.pending = null;
    this.pendingWrites = [];
    const root = toHex(this.root.root());
    if (root !== h.stateRoot) {
      builder.abort();
      this.resyncRoot(writes);
      throw new ImportError('StateRootMismatch', `executing the block gives ${root}, the header says ${h.stateRoot}`);
    }
    const result = builder.finish();
    const finality = this.consensus.finality(h);
    const stored: Block = { header: { ...h, justification: finality.justification }, extrinsics: block.extrinsics };
    const txHashes = txs.map((x) => x.hash);
    // Block, results, state changes, transaction index and head: one storage transaction.
    this.store.commitBlock(stored, hash, result, writes, undefined, txHashes);
    this.shieldLinks.record(links);
    this.head = stored.header;
    this.headHash = hash;
    this.recentHashes.set(h.number, fromHex(hash));
    this.recentHashes.delete(h.number - BLOCK_HASH_COUNT - 1n);
    if (finality.finalized) this.finalizedNumber = h.number;
    const imported: ImportedBlock = { block: stored, hash, result, txHashes, finalized: finality.finalized };
    for (const l of this.listeners) l(imported);
    return imported;
  }

  async close(): Promise<void> {
    this.discardBuilt();
    await this.store.close();
  }
}
