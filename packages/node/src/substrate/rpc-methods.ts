/**
 * Substrate's legacy JSON-RPC methods over the SCALE face: metadata, runtime version, storage at
 * Substrate keys, runtime API calls, and the discovery methods clients ask first. Registered in
 * `rpc/methods.ts` next to Taonet's own methods; where a name already exists there with Taonet's
 * JSON meaning (chain_getHeader, chain_getBlock, …) that meaning is kept until the format switch.
 */
import { Blake2256, getSs58AddressInfo } from '@polkadot-api/substrate-bindings';
import { decodeCompact } from '@taonet/primitives/substrate';
import { type AccountId, accountFromBytes, isAccountId } from '@taonet/primitives';
import { nonceOf } from '@taonet/runtime';
import type { Chain } from '../chain/chain.js';
import { toHex as bytesToHex, tryFromHex as hexToBytes } from '@taonet/primitives';
import type { MethodDef, NodeApi } from '../rpc/methods.js';
import { invalidParams, RpcCode, RpcError } from '../rpc/rpc-error.js';
import type { StorageContext } from './pallet.js';
import { contextAtNumber, faceOf, headContext, RuntimeApiError } from './substrate-face.js';
import { CODE_KEY, StorageKeyError } from './storage-keys.js';
import { SPEC_VERSION } from './runtime-version.js';
import { TransactionApiError } from './transaction-apis.js';
import { transactionHooks } from './transaction-hooks.js';

/** Bytes the compact length prefix of an extrinsic takes (0 when it does not decode: the hook reports it). */
function decodeCompactLength(b: Uint8Array): number {
  try {
    return decodeCompact(b, 0).size;
  } catch {
    return 0;
  }
}

/** Hex bytes, with or without 0x (ASI sends runtime-API args bare); "" is empty. */
function looseHex(params: readonly unknown[], i: number, what: string): Uint8Array {
  const v = params[i];
  const b = typeof v === 'string' ? hexToBytes(v) : null;
  if (b === null) throw invalidParams(`param ${i} (${what}) must be hex`);
  return b;
}

function strictHex(params: readonly unknown[], i: number, what: string): Uint8Array {
  const v = params[i];
  const b = typeof v === 'string' && v.startsWith('0x') ? hexToBytes(v) : null;
  if (b === null) throw invalidParams(`param ${i} (${what}) must be 0x-prefixed hex`);
  return b;
}

/**
 * The storage context at block `at` (a block hash; absent or null = the head). A past block is
 * read through the state history while it is within the node's --state-pruning window; older
 * ones answer Substrate's "State already discarded".
 */
export function contextAt(chain: Chain, at: unknown): StorageContext {
  if (at === undefined || at === null) return headContext(chain);
  if (typeof at !== 'string' || !/^0x[0-9a-fA-F]{64}$/.test(at))
    throw invalidParams('the block must be a 0x block hash');
  const hash = at.toLowerCase();
  if (hash === chain.headHash) return headContext(chain);
  const n = chain.store.numberOfHash(hash);
  if (n === null || n > chain.head.number)
    throw new RpcError(RpcCode.UnknownBlock, 'UnknownBlock', `no block ${hash}`, `the head is ${chain.headHash}`);
  if (n < chain.store.historyFrom()) {
    throw new RpcError(
      RpcCode.UnknownBlock,
      'StateDiscarded',
      `State already discarded for ${hash}`,
      `state is kept from block ${chain.store.historyFrom()}; run the node with --state-pruning archive to keep all`,
    );
  }
  return contextAtNumber(chain, n);
}

function storageError(e: unknown): never {
  if (e instanceof StorageKeyError) throw new RpcError(RpcCode.InvalidParams, e.code, e.message, e.hint);
  throw e;
}

/** The runtime code stand-in under `:code`: stable per spec version, which is what papi hashes it for. */
const CODE = new TextEncoder().encode(`taonet node-subtensor runtime, spec ${SPEC_VERSION}`);

function readKey(api: NodeApi, key: Uint8Array, ctx: StorageContext): string | null {
  if (bytesToHex(key) === CODE_KEY) return bytesToHex(CODE);
  try {
    const v = faceOf(api.chain).storage.read(ctx, key);
    return v === null ? null : bytesToHex(v);
  } catch (e) {
    return storageError(e);
  }
}

/** An account given as SS58 (any prefix) or 0x hex. */
function anyAccount(params: readonly unknown[], i: number): AccountId {
  const v = params[i];
  if (typeof v === 'string') {
    if (isAccountId(v.toLowerCase())) return v.toLowerCase() as AccountId;
    const info = getSs58AddressInfo(v);
    if (info.isValid && info.publicKey.length === 32) return accountFromBytes(info.publicKey);
  }
  throw invalidParams(`param ${i} must be an SS58 address or a 0x account id`);
}

function keysPage(api: NodeApi, prefix: Uint8Array, count: number, start: Uint8Array | null, at: unknown): string[] {
  try {
    return faceOf(api.chain).storage.keys(contextAt(api.chain, at), prefix, count, start);
  } catch (e) {
    return storageError(e);
  }
}

const MAX_KEYS_PAGE = 1000;

/** The methods; `all` gives the node's whole table (for rpc_methods). */
export const substrateMethods = (all: () => Readonly<Record<string, MethodDef>>): Record<string, MethodDef> => ({
  rpc_methods: {
    description: 'Every method this node serves (Substrate clients read it first).',
    call: () => {
      const names = Object.entries(all()).flatMap(([n, d]) =>
        d.subscribe === undefined ? [n] : [n, d.subscribe.unsubscribeMethod],
      );
      return { methods: [...new Set(names)].sort() };
    },
  },
  system_chainType: {
    description: 'Development for dev chains, Local for a local testnet, Live otherwise.',
    call: (api) =>
      api.chain.spec.id === 'taonet-dev' ? 'Development' : api.chain.spec.id === 'taonet-local' ? 'Local' : 'Live',
  },
  account_nextIndex: {
    description: 'Substrate’s alias of system_accountNextIndex; also accepts an SS58 address.',
    call: (api, p) => {
      const who = anyAccount(p, 0);
      // A JSON number, as Substrate sends it (nonces are u32): bittensor 11's signer refuses a string.
      return Number(api.pool.nextNonce(who, nonceOf(api.chain.state, who)));
    },
  },
  state_getMetadata: {
    description: 'SCALE metadata V14 (magic ‖ version ‖ body) as hex; optional block hash.',
    call: (api, p) => {
      contextAt(api.chain, p[0]);
      return bytesToHex(faceOf(api.chain).metadata.v14);
    },
  },
  state_getRuntimeVersion: {
    description: 'The runtime version (specName, specVersion, apis, transactionVersion, …); optional block hash.',
    call: (api, p) => {
      contextAt(api.chain, p[0]);
      return faceOf(api.chain).runtime.version.json;
    },
  },
  state_subscribeRuntimeVersion: {
    description: 'Subscription: the runtime version now (it changes only with a new node release).',
    subscribe: {
      unsubscribeMethod: 'state_unsubscribeRuntimeVersion',
      notification: 'state_runtimeVersion',
      start: (api, _p, emit) => {
        emit(faceOf(api.chain).runtime.version.json);
        return () => {};
      },
    },
  },
  state_call: {
    description: 'Call a runtime API: [name, SCALE args as hex (0x optional), block hash?] → SCALE result as hex.',
    call: (api, p) => {
      const name = p[0];
      if (typeof name !== 'string' || name.length > 200) throw invalidParams('param 0 must be a runtime API name');
      const args = looseHex(p, 1, 'SCALE arguments');
      const ctx = contextAt(api.chain, p[2]);
      try {
        return bytesToHex(faceOf(api.chain).call(name, args, ctx, transactionHooks(api.chain)));
      } catch (e) {
        if (e instanceof RuntimeApiError) throw new RpcError(RpcCode.CallFailed, e.code, e.message, e.hint);
        if (e instanceof TransactionApiError)
          throw new RpcError(RpcCode.CallFailed, e.error.code, e.error.explanation, e.error.hint);
        throw e;
      }
    },
  },
  payment_queryInfo: {
    description: 'The fee of a signed extrinsic (0x hex; its signature is not checked): {weight, class, partialFee}.',
    call: (api, p) => {
      const bytes = strictHex(p, 0, 'extrinsic');
      contextAt(api.chain, p[1]);
      const r = transactionHooks(api.chain).fee(bytes.subarray(decodeCompactLength(bytes)), bytes.length);
      if (!r.ok) throw new RpcError(RpcCode.InvalidParams, r.error.code, r.error.explanation, r.error.hint);
      return { weight: { refTime: 0, proofSize: 0 }, class: 'normal', partialFee: (r.fee - r.tip).toString() };
    },
  },
  state_getStorage: {
    description: 'SCALE value at a Substrate storage key, or null; optional block hash.',
    call: (api, p) => readKey(api, strictHex(p, 0, 'storage key'), contextAt(api.chain, p[1])),
  },
  state_getStorageAt: {
    description: 'Alias of state_getStorage.',
    call: (api, p) => readKey(api, strictHex(p, 0, 'storage key'), contextAt(api.chain, p[1])),
  },
  state_getStorageHash: {
    description: 'blake2b-256 of the value at a storage key, or null; optional block hash.',
    call: (api, p) => {
      const v = readKey(api, strictHex(p, 0, 'storage key'), contextAt(api.chain, p[1]));
      if (v === null) return null;
      return bytesToHex(Blake2256(hexToBytes(v) as Uint8Array));
    },
  },
  state_getStorageSize: {
    description: 'Byte length of the value at a storage key, or null; optional block hash.',
    call: (api, p) => {
      const v = readKey(api, strictHex(p, 0, 'storage key'), contextAt(api.chain, p[1]));
      return v === null ? null : (v.length - 2) / 2;
    },
  },
  state_queryStorageAt: {
    description: 'Values of several keys at one block: [{block, changes: [[key, value|null]]}].',
    call: (api, p) => {
      const keys = p[0];
      if (!Array.isArray(keys) || keys.length > MAX_KEYS_PAGE || !keys.every((k) => typeof k === 'string'))
        throw invalidParams(`param 0 must be a list of at most ${MAX_KEYS_PAGE} hex keys`);
      const ctx = contextAt(api.chain, p[1]);
      const block = p[1] === undefined || p[1] === null ? api.chain.headHash : (p[1] as string).toLowerCase();
      const changes = (keys as string[]).map((k, i) => {
        const bytes = strictHex(keys, i, 'storage key');
        return [k, readKey(api, bytes, ctx)];
      });
      return [{ block, changes }];
    },
  },
  state_getKeysPaged: {
    description: `Keys under a prefix, in key order: [prefix, count ≤ ${MAX_KEYS_PAGE}, startKey?, block hash?].`,
    call: (api, p) => {
      const prefix = strictHex(p, 0, 'key prefix');
      const count = p[1];
      if (typeof count !== 'number' || !Number.isInteger(count) || count < 1 || count > MAX_KEYS_PAGE)
        throw invalidParams(`param 1 must be a count in 1..${MAX_KEYS_PAGE}`);
      const start = p[2] === undefined || p[2] === null ? null : strictHex(p, 2, 'start key');
      return keysPage(api, prefix, count, start, p[3]);
    },
  },
  state_getKeys: {
    description: 'Every key under a prefix (deprecated in Substrate; btcli uses it): [prefix, block hash?].',
    call: (api, p) => keysPage(api, strictHex(p, 0, 'key prefix'), Number.MAX_SAFE_INTEGER, null, p[1]),
  },
  state_subscribeStorage: {
    description: 'Subscription: the values of the given keys now, then those that changed after each block.',
    subscribe: {
      unsubscribeMethod: 'state_unsubscribeStorage',
      notification: 'state_storage',
      start: (api, p, emit) => {
        const keys = p[0];
        if (
          !Array.isArray(keys) ||
          keys.length === 0 ||
          keys.length > MAX_KEYS_PAGE ||
          !keys.every((k) => typeof k === 'string')
        )
          throw invalidParams(`param 0 must be a non-empty list of at most ${MAX_KEYS_PAGE} hex keys`);
        const bytes = (keys as string[]).map((_, i) => strictHex(keys, i, 'storage key'));
        const read = () => bytes.map((b) => readKey(api, b, headContext(api.chain)));
        let last = read();
        emit({ block: api.chain.headHash, changes: (keys as string[]).map((k, i) => [k, last[i]]) });
        return api.chain.onImport((b) => {
          const now = read();
          const changes = (keys as string[]).flatMap((k, i) => (now[i] === last[i] ? [] : [[k, now[i]]]));
          last = now;
          if (changes.length > 0) emit({ block: b.hash, changes });
        });
      },
    },
  },
});
