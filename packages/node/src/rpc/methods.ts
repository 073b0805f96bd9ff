/**
 * The JSON-RPC methods. Substrate's names are used where one exists (system_*, chain_*, author_*);
 * Taonet's own views are taonet_*, and dev-chain controls dev_*. docs/rpc.md documents each one;
 * a test checks that every method here is documented there.
 */
import { isBare, toHex } from '@taonet/primitives';
import { type BlockResult, CALLS, dryRun, nonceOf, RuntimeError, views } from '@taonet/runtime';
import type { Chain } from '../chain/chain.js';
import {
  checkTransaction,
  decodeBlockExtrinsicOrReject,
  decodeOrReject,
  toChecked,
  TransactionError,
} from '../chain/transaction-checks.js';
import { type Block, type Header, substrateHeaderJson } from '../codec/block.js';
import type { BlockProducer } from '../producer.js';
import type { ShieldLinks } from '../shield/shield-links.js';
import type { TxPool, TxStatus } from '../txpool/tx-pool.js';
import { substrateMethods } from '../substrate/rpc-methods.js';
import {
  account,
  hexParam,
  mecid,
  netuid,
  optionalBlockRef,
  positiveInt,
  raoAmount,
  stringList,
  swapSide,
} from './params.js';
import { invalidParams, RpcCode, RpcError } from './rpc-error.js';

export interface NodeApi {
  readonly chain: Chain;
  readonly pool: TxPool;
  /** Present when blocks are sealed on request (dev chains). */
  readonly manualSeal: BlockProducer | null;
  readonly version: string;
  readonly name: string;
}

/** A subscription: `start` returns an unsubscribe function and pushes results through `emit`. */
export interface Subscription {
  readonly unsubscribeMethod: string;
  /** The notification's method name (default: the server's table, else `<method>_notification`). */
  readonly notification?: string;
  readonly start: (api: NodeApi, params: readonly unknown[], emit: (result: unknown) => void) => () => void;
}

export interface MethodDef {
  readonly description: string;
  readonly call?: (api: NodeApi, params: readonly unknown[]) => unknown;
  readonly subscribe?: Subscription;
}

/** Taonet's JSON view of a header: every field, with the block hash. */
function headerJson(h: Header, hash: string): Record<string, unknown> {
  return { hash, ...h };
}

function resolveBlock(chain: Chain, ref: bigint | string | null): { number: bigint; block: Block } {
  const number = ref === null ? chain.head.number : typeof ref === 'bigint' ? ref : chain.store.numberOfHash(ref);
  const block = number === null || number > chain.head.number ? null : chain.store.blockByNumber(number);
  if (number === null || block === null) {
    throw new RpcError(
      RpcCode.UnknownBlock,
      'UnknownBlock',
      `no block ${String(ref)}`,
      `the head is ${chain.head.number}`,
    );
  }
  return { number, block };
}

/** Pool refusals keep Substrate's codes (1010 invalid, 1013 already imported, 1014 priority too low). */
const POOL_CODES: Readonly<Record<string, number>> = {
  AlreadyInPool: RpcCode.AlreadyImported,
  AlreadyImported: RpcCode.AlreadyImported,
  NonceInPool: RpcCode.TooLowPriority,
  PoolFull: RpcCode.TooLowPriority,
};

function txError(e: unknown): never {
  if (e instanceof TransactionError || e instanceof RuntimeError) {
    throw new RpcError(POOL_CODES[e.code] ?? RpcCode.InvalidTransaction, e.code, e.explanation, e.hint, e.data);
  }
  throw e;
}

function submit(api: NodeApi, params: readonly unknown[], watcher?: (s: TxStatus) => void): string {
  const bytes = hexParam(params, 0, 'signed extrinsic');
  try {
    return api.pool.submit(bytes, watcher);
  } catch (e) {
    return txError(e);
  }
}

const decodedBlock = (number: bigint, block: Block, links: ShieldLinks): Record<string, unknown> => ({
  number,
  header: block.header,
  extrinsics: block.extrinsics.map((b) => {
    const x = decodeBlockExtrinsicOrReject(b);
    if (isBare(x)) return { hash: x.hash, inherent: true, call: x.call, palletCall: x.palletCall, bytes: b };
    return {
      hash: x.hash,
      signer: x.signer,
      nonce: x.nonce,
      tip: x.tip,
      era: x.era,
      call: x.call,
      palletCall: x.palletCall,
      bytes: b,
      ...shieldLinksOf(links, x.hash),
    };
  }),
});

/** A carrier's inner (`carries`) or an inner's carrier (`carriedBy`), where this node authored the block. */
function shieldLinksOf(links: ShieldLinks, hash: string): { carries?: string; carriedBy?: string } {
  const carries = links.innerOf(hash);
  const carriedBy = links.carrierOf(hash);
  return { ...(carries === undefined ? {} : { carries }), ...(carriedBy === undefined ? {} : { carriedBy }) };
}

/** Parameter `i` as a list of metagraph columns (null = the default ones). */
function metagraphFields(p: readonly unknown[], i: number): views.MetagraphField[] | null {
  const fields = stringList(p, i);
  const bad = fields?.find((f) => !views.METAGRAPH_FIELDS.includes(f as views.MetagraphField));
  if (bad !== undefined)
    throw invalidParams(`unknown metagraph field '${bad}'`, `fields: ${views.METAGRAPH_FIELDS.join(', ')}`);
  return fields as views.MetagraphField[] | null;
}

function blockHashOf(chain: Chain, number: bigint): string | null {
  if (number === chain.head.number) return chain.headHash;
  const next = chain.store.blockByNumber(number + 1n);
  if (next !== null) return next.header.parentHash;
  return null;
}

/** A block hash param (Substrate's chain_* take hashes; a number is accepted too). */
function blockAt(api: NodeApi, p: readonly unknown[], i: number): { number: bigint; block: Block } {
  return resolveBlock(api.chain, optionalBlockRef(p, i));
}

/** A pool status as Substrate's author_extrinsicUpdate notifications carry it. */
function substrateStatus(s: TxStatus): unknown {
  switch (s.type) {
    case 'inBlock':
      return { inBlock: s.blockHash };
    case 'finalized':
      return { finalized: s.blockHash };
    default:
      return s.type;
  }
}

const headsSubscription = (
  unsubscribeMethod: string,
  which: 'all' | 'finalized',
  shape: (h: Header, hash: string) => unknown,
): Subscription => ({
  unsubscribeMethod,
  start: (api, _p, emit) =>
    api.chain.onImport((b) => {
      if (which === 'all' || b.finalized) emit(shape(b.block.header, b.hash));
    }),
});

const TAONET_METHODS: Readonly<Record<string, MethodDef>> = {
  system_health: {
    description: 'Node health: peers, sync state.',
    call: () => ({ peers: 0, isSyncing: false, shouldHavePeers: false }),
  },
  system_chain: {
    description:
      'The chain’s name as subtensor nodes give it ("Bittensor"); the spec’s own name is in taonet_networkInfo.',
    call: () => 'Bittensor',
  },
  system_name: {
    description: 'Node implementation name, as subtensor’s ("Subtensor Node").',
    call: () => 'Subtensor Node',
  },
  system_version: { description: 'Node version (Taonet’s).', call: (api) => `${api.version}-taonet` },
  system_properties: {
    description: 'Token symbol, decimals and SS58 prefix.',
    call: () => ({ ss58Format: 42, tokenSymbol: 'TAO', tokenDecimals: 9 }),
  },
  system_accountNextIndex: {
    description: 'Next nonce for an account, counting its transactions waiting in the pool.',
    call: (api, p) => {
      const who = account(p, 0);
      // A JSON number, as Substrate sends it (nonces are u32): bittensor 11's signer refuses a string.
      return Number(api.pool.nextNonce(who, nonceOf(api.chain.state, who)));
    },
  },
  chain_getGenesisHash: {
    description: 'The genesis block hash (signed by every transaction).',
    call: (api) => api.chain.genesisHash,
  },
  chain_getHeader: {
    description: 'Substrate header of a block by hash (the head when omitted): number in hex, digest logs.',
    call: (api, p) => substrateHeaderJson(blockAt(api, p, 0).block.header),
  },
  chain_getBlockHash: {
    description: 'Hash of the block at a number, or of each number in a list (the head when omitted); null if none.',
    call: (api, p) => {
      const one = (v: unknown): string | null => {
        // Substrate clients send numbers as hex strings ("0x57"); a 32-byte hex is not a number.
        const hexNumber = typeof v === 'string' && /^0x[0-9a-fA-F]{1,16}$/.test(v);
        const ref = hexNumber ? BigInt(v as string) : optionalBlockRef([v], 0);
        if (typeof ref === 'string') throw invalidParams('block numbers must be integers or hex');
        const n = ref ?? api.chain.head.number;
        return n > api.chain.head.number ? null : blockHashOf(api.chain, n);
      };
      return Array.isArray(p[0]) ? (p[0] as unknown[]).slice(0, 1000).map(one) : one(p[0]);
    },
  },
  chain_getHead: {
    description: 'Alias of chain_getBlockHash with no number: the head’s hash.',
    call: (api) => api.chain.headHash,
  },
  chain_getBlock: {
    description: 'A block as Substrate shows it: {block: {header, extrinsics: [0x…]}, justifications}.',
    call: (api, p) => {
      const { block } = blockAt(api, p, 0);
      return {
        block: { header: substrateHeaderJson(block.header), extrinsics: block.extrinsics.map((x) => toHex(x)) },
        justifications: null,
      };
    },
  },
  chain_getFinalizedHead: {
    description: 'Hash of the last finalized block.',
    call: (api) => blockHashOf(api.chain, api.chain.finalizedNumber),
  },
  chain_getFinalisedHead: {
    description: 'Alias of chain_getFinalizedHead.',
    call: (api) => blockHashOf(api.chain, api.chain.finalizedNumber),
  },
  chain_subscribeNewHeads: {
    description: 'Subscription: every new best header (Substrate JSON).',
    subscribe: headsSubscription('chain_unsubscribeNewHeads', 'all', substrateHeaderJson),
  },
  chain_subscribeAllHeads: {
    description: 'Subscription: every imported header (Substrate JSON; one chain, so the same as new heads).',
    subscribe: headsSubscription('chain_unsubscribeAllHeads', 'all', substrateHeaderJson),
  },
  chain_subscribeFinalizedHeads: {
    description: 'Subscription: every newly finalized header (Substrate JSON).',
    subscribe: headsSubscription('chain_unsubscribeFinalizedHeads', 'finalized', substrateHeaderJson),
  },
  chain_subscribeFinalisedHeads: {
    description: 'Alias of chain_subscribeFinalizedHeads.',
    subscribe: headsSubscription('chain_unsubscribeFinalisedHeads', 'finalized', substrateHeaderJson),
  },
  taonet_getHeader: {
    description:
      'Taonet’s view of a header (by hash or number; the head when omitted): hash, number, slot, author, timestamp, seal.',
    call: (api, p) => {
      const { number, block } = blockAt(api, p, 0);
      return headerJson(block.header, blockHashOf(api.chain, number) ?? '');
    },
  },
  taonet_getBlock: {
    description: 'A block with its extrinsics decoded into runtime calls (by hash or number; the head when omitted).',
    call: (api, p) => {
      const { number, block } = blockAt(api, p, 0);
      return { ...decodedBlock(number, block, api.chain.shieldLinks), hash: blockHashOf(api.chain, number) };
    },
  },
  taonet_subscribeNewHeads: {
    description: 'Subscription: every new head in Taonet’s header view.',
    subscribe: headsSubscription('taonet_unsubscribeNewHeads', 'all', headerJson),
  },
  taonet_subscribeFinalizedHeads: {
    description: 'Subscription: every newly finalized head in Taonet’s header view.',
    subscribe: headsSubscription('taonet_unsubscribeFinalizedHeads', 'finalized', headerJson),
  },
  author_submitExtrinsic: {
    description: 'Submit a signed extrinsic (SCALE, 0x hex); returns its hash, or a typed error (1010, 1013, 1014).',
    call: (api, p) => submit(api, p),
  },
  author_submitAndWatchExtrinsic: {
    description:
      'Submit and follow an extrinsic with Substrate’s statuses: "future"/"ready", {inBlock}, {finalized}, "dropped" or "invalid" (the reason: taonet_extrinsicStatus).',
    subscribe: {
      unsubscribeMethod: 'author_unwatchExtrinsic',
      start: (api, p, emit) => {
        const watcher = (s: TxStatus): void => emit(substrateStatus(s));
        const hash = submit(api, p, watcher);
        // Unsubscribing stops the notifications; the transaction stays in the pool.
        return () => api.pool.unwatch(hash, watcher);
      },
    },
  },
  author_pendingExtrinsics: {
    description: 'Extrinsics waiting in the pool (0x hex).',
    call: (api) => api.pool.pending().map((x) => toHex(x.bytes)),
  },
  taonet_pendingExtrinsics: {
    description:
      'Extrinsics waiting in the pool, decoded: hash, signer, nonce, call. A MEV-shield carrier shows only its encrypted blob.',
    call: (api) =>
      api.pool.pending().map((x) => ({
        hash: x.hash,
        signer: x.signer,
        nonce: x.nonce,
        call: x.call,
        palletCall: x.palletCall,
        bytes: x.bytes.length,
      })),
  },
  taonet_dryRun: {
    description:
      'Run a signed extrinsic against the head without keeping anything or paying a fee: null, or the typed error it would get.',
    call: (api, p) => {
      const bytes = hexParam(p, 0, 'signed extrinsic');
      const c = api.chain;
      let x: ReturnType<typeof decodeOrReject>;
      try {
        x = decodeOrReject(bytes);
        checkTransaction(x, c.txContext, c.head.number + 1n);
      } catch (e) {
        return txError(e);
      }
      return dryRun(
        c.state,
        { number: c.head.number + 1n, parentHash: c.headHash, author: null, timestamp: c.head.timestamp },
        toChecked(x),
      );
    },
  },
  taonet_getEvents: {
    description: 'Events and per-extrinsic results (with decoded errors) of a block.',
    call: (api, p): BlockResult | null => {
      const { number } = resolveBlock(api.chain, optionalBlockRef(p, 0));
      return api.chain.store.resultByNumber(number);
    },
  },
  taonet_extrinsicStatus: {
    description: 'Where an extrinsic (by hash) was included, with its result.',
    call: (api, p) => {
      const hash = p[0];
      if (typeof hash !== 'string' || !/^0x[0-9a-f]{64}$/.test(hash))
        throw invalidParams('param 0 must be an extrinsic hash');
      const loc = api.chain.store.extrinsicLocation(hash);
      if (loc === null) {
        if (api.pool.has(hash)) return { status: 'pending' };
        const gone = api.pool.rejection(hash);
        return gone === null ? null : { status: gone.type, error: gone.error };
      }
      const result = api.chain.store.resultByNumber(loc.number)?.extrinsics[loc.index] ?? null;
      return {
        status: 'inBlock',
        number: loc.number,
        index: loc.index,
        blockHash: blockHashOf(api.chain, loc.number),
        result,
        ...shieldLinksOf(api.chain.shieldLinks, hash),
      };
    },
  },
  taonet_metagraph: {
    description: 'A subnet’s metagraph, columnar; optional list of fields.',
    call: (api, p) => {
      const fields = metagraphFields(p, 1);
      const mg = views.metagraph(api.chain.state, netuid(p, 0), fields ?? undefined);
      return mg === null ? null : { ...mg, block: api.chain.head.number };
    },
  },
  taonet_mechagraph: {
    description:
      'One mechanism’s metagraph: its incentive, last updates, weights and bonds with the subnet’s other columns.',
    call: (api, p) => {
      const fields = metagraphFields(p, 2);
      const mg = views.metagraph(api.chain.state, netuid(p, 0), fields ?? undefined, mecid(p, 1));
      return mg === null ? null : { ...mg, block: api.chain.head.number };
    },
  },
  taonet_mechanisms: {
    description: 'A subnet’s mechanism count, emission split, and the pending and last-block emission per mechanism.',
    call: (api, p) => views.mechanismInfo(api.chain.state, netuid(p, 0)),
  },
  taonet_beacon: {
    description: 'The chain’s drand beacon: public key, chain hash, schedule, and the stored rounds (null: no beacon).',
    call: (api) => {
      const b = views.beaconInfo(api.chain.state);
      const h = api.chain.head;
      return b === null
        ? null
        : { ...b, blockTimeMs: api.chain.spec.blockTimeMs, head: h.number, headTimestamp: h.timestamp };
    },
  },
  taonet_timelockedCommits: {
    description:
      'A subnet’s timelocked weight commits waiting for their round, and the reveals that failed with their reason.',
    call: (api, p) => views.timelockedCommits(api.chain.state, netuid(p, 0), api.chain.head.number),
  },
  taonet_dynamicInfo: {
    description: 'A subnet’s pool, price, emission and flows.',
    call: (api, p) => views.dynamicInfo(api.chain.state, netuid(p, 0), api.chain.head.number),
  },
  taonet_allDynamicInfo: {
    description: 'Dynamic info of every subnet.',
    call: (api) => views.allDynamicInfo(api.chain.state, api.chain.head.number),
  },
  taonet_hyperparameters: {
    description: 'A subnet’s hyperparameters with bounds and one-line explanations.',
    call: (api, p) => views.hyperparameters(api.chain.state, netuid(p, 0)),
  },
  taonet_accountInfo: {
    description: 'Free TAO, nonce and every stake position (alpha, with its TAO value apart).',
    call: (api, p) => views.accountInfo(api.chain.state, account(p, 0)),
  },
  taonet_simSwap: {
    description: 'Quote a stake (buy) or unstake (sell) of an amount on a subnet pool without executing it.',
    call: (api, p) => views.simSwap(api.chain.state, netuid(p, 0), swapSide(p, 1), raoAmount(p, 2)),
  },
  taonet_registrationPrices: {
    description: 'Neuron registration price per subnet and the current subnet lock cost.',
    call: (api) => views.registrationPrices(api.chain.state, api.chain.head.number),
  },
  taonet_nextAllowed: {
    description: 'First blocks at which a hotkey may set weights and serve again on a subnet.',
    call: (api, p) => views.nextAllowed(api.chain.state, netuid(p, 0), account(p, 1), mecid(p, 2)),
  },
  taonet_childKeys: {
    description: 'A hotkey’s child hotkeys, parents, pending children and childkey take on a subnet.',
    call: (api, p) => views.childKeyInfo(api.chain.state, account(p, 1), netuid(p, 0)),
  },
  taonet_coldkeySwap: {
    description: 'A coldkey’s announced swap (the block it may run at), dispute and last hotkey swap.',
    call: (api, p) => views.coldkeySwapStatus(api.chain.state, account(p, 0)),
  },
  taonet_identity: {
    description: 'A coldkey’s on-chain identity (set_identity), or null.',
    call: (api, p) => views.identityOf(api.chain.state, account(p, 0)),
  },
  taonet_identities: {
    description: 'Every coldkey identity, by coldkey.',
    call: (api) => views.allIdentities(api.chain.state),
  },
  taonet_commitment: {
    description: 'A hotkey’s commitment on a subnet (fields and block), or null.',
    call: (api, p) => views.commitmentOf(api.chain.state, netuid(p, 0), account(p, 1)),
  },
  taonet_commitments: {
    description: 'Every commitment on a subnet, by hotkey.',
    call: (api, p) => views.commitmentsOf(api.chain.state, netuid(p, 0)),
  },
  taonet_proxies: {
    description: 'The proxies of an account: delegate, proxy type and delay.',
    call: (api, p) => views.proxiesOf(api.chain.state, account(p, 0)),
  },
  taonet_networkInfo: {
    description: 'Issuance against the cap, block emission, parameters and head.',
    call: (api) => ({
      block: api.chain.head.number,
      finalized: api.chain.finalizedNumber,
      ...views.networkInfo(api.chain.state),
    }),
  },
  taonet_calls: {
    description: 'Every call the runtime accepts, with its signer role and whether it pays a fee.',
    call: () => CALLS.map((c) => ({ name: c.name, signer: c.signer, pays: c.pays, description: c.description })),
  },
  dev_advanceBlocks: {
    description: 'Dev chains with manual sealing: produce N blocks now; their hashes and extrinsic counts.',
    call: (api, p) => {
      if (api.manualSeal === null) {
        throw new RpcError(
          RpcCode.NotAvailable,
          'NotAvailable',
          'this node seals blocks on a timer',
          'start it with --manual-seal',
        );
      }
      const made = api.manualSeal.advance(positiveInt(p, 0, 10_000, 1));
      return {
        head: api.chain.head.number,
        hashes: made.map((b) => b.hash),
        extrinsics: made.map((b) => b.txHashes.length),
      };
    },
  },
};

/** Taonet's methods, then Substrate's legacy methods over the SCALE face (substrate/rpc-methods.ts). */
export const METHODS: Readonly<Record<string, MethodDef>> = {
  ...substrateMethods(() => METHODS),
  ...TAONET_METHODS,
};
