/**
 * Malformed input: more than 10,000 random or mutated requests and extrinsics against a real node,
 * over HTTP and WebSocket — random bytes, invalid UTF-8, truncated and mutated signed extrinsics,
 * wrong parameter types, huge numbers, deeply nested JSON, bad ids and batches, storage keys no item
 * can have and runtime API calls with unknown names or wrong-length SCALE args. Every answer must be
 * a JSON-RPC error object with data.name (never an internal error), and the node must stay healthy.
 */
import { toHex } from '@taonet/primitives';
import { decodeCompact } from '@taonet/primitives/substrate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SubstrateFace } from '../../src/substrate/substrate-face.js';
import { isTypedError, key, NodeProcess, WsClient } from './harness.js';

const SEED = Number(process.env.TAONET_FUZZ_SEED ?? Date.now() % 1_000_000);
const HTTP_MESSAGES = 9_000;
const WS_MESSAGES = 2_000;

let node: NodeProcess;

beforeAll(async () => {
  node = await NodeProcess.start();
  await node.seal(2);
});

afterAll(async () => {
  await node?.kill();
});

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = rng(SEED);
const int = (n: number): number => Math.floor(random() * n);
const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)] as T;
const randomBytes = (n: number): Uint8Array => Uint8Array.from({ length: n }, () => int(256));

/** Methods that read their parameters, so a wrong type is always an error. */
const PARAM_METHODS = [
  'chain_getHeader',
  'chain_getBlock',
  'chain_getBlockHash',
  'taonet_getHeader',
  'taonet_getBlock',
  'taonet_getEvents',
  'taonet_extrinsicStatus',
  'taonet_metagraph',
  'taonet_dynamicInfo',
  'taonet_hyperparameters',
  'taonet_accountInfo',
  'taonet_nextAllowed',
  'system_accountNextIndex',
  'author_submitExtrinsic',
  'taonet_dryRun',
  'taonet_simSwap',
  'dev_advanceBlocks',
  'state_getStorage',
  'state_getStorageAt',
  'state_getStorageHash',
  'state_call',
  'state_getKeysPaged',
  'state_getMetadata',
  'state_getRuntimeVersion',
  'account_nextIndex',
];

/** Valid Substrate storage keys, to spoil: a map key with a digest, a plain item, an Identity map. */
const face = new SubstrateFace(250);
const itemOf = (pallet: string, name: string) => {
  const it = face.storage.item(pallet, name);
  if (it === undefined) throw new Error(`no item ${pallet}.${name}`);
  return it;
};
const VALID_KEYS: readonly Uint8Array[] = [
  face.storage.encodeKey(itemOf('System', 'Account'), [new Uint8Array(32).fill(7)]),
  face.storage.encodeKey(itemOf('SubtensorModule', 'TotalNetworks'), []),
  face.storage.encodeKey(itemOf('SubtensorModule', 'Uids'), [1, new Uint8Array(32).fill(9)]),
];

/** A storage key no item can have: wrong length, a changed item prefix or a digest that does not match. */
function badStorageKey(): string {
  const b = pick(VALID_KEYS).slice();
  switch (int(3)) {
    case 0:
      return toHex(b.subarray(0, int(b.length)));
    case 1:
      return toHex(new Uint8Array([...b, ...randomBytes(1 + int(8))]));
    default: {
      // The item prefix, or (for keys with a Blake2_128Concat part) its digest.
      const i = b.length > 32 && b.length !== 34 && int(2) === 0 ? b.length - 48 + int(16) : int(32);
      b[i] = (b[i] as number) ^ (1 + int(255));
      return toHex(b);
    }
  }
}

/** A runtime API call that cannot succeed: an unknown API, or arguments of the wrong length. */
function badStateCall(): unknown[] {
  switch (int(3)) {
    case 0:
      return [pick(['Nope_nothing', 'Core_versionX', 'NoSuchRuntimeApi_method', 'Metadata']), '0x'];
    case 1:
      return ['Metadata_metadata_at_version', toHex(randomBytes(pick([0, 1, 3, 5, 8])))];
    default:
      return [
        pick([
          'AccountNonceApi_account_nonce',
          'Core_version',
          'SubnetInfoRuntimeApi_get_dynamic_info',
          'SubnetInfoRuntimeApi_get_all_dynamic_info',
          'NeuronInfoRuntimeApi_get_neurons_lite',
          'NeuronInfoRuntimeApi_get_neuron_lite',
          'NeuronInfoRuntimeApi_get_neurons',
          'SubnetInfoRuntimeApi_get_metagraph',
          'SubnetInfoRuntimeApi_get_selective_mechagraph',
          'SubnetInfoRuntimeApi_get_subnet_hyperparams_v3',
          'StakeInfoRuntimeApi_get_stake_info_for_coldkey',
          'StakeInfoRuntimeApi_get_stake_info_for_coldkeys',
          'StakeInfoRuntimeApi_get_stake_availability_for_coldkeys',
          'StakeInfoRuntimeApi_get_stake_fee',
          'DelegateInfoRuntimeApi_get_delegated',
          'SwapRuntimeApi_sim_swap_tao_for_alpha',
          'SwapRuntimeApi_sim_swap_alpha_for_tao',
          'BetaBasketRuntimeApi_get_root_basket_positions',
        ]),
        toHex(randomBytes(pick([1, 31, 33, 64]))).slice(int(2) === 0 ? 0 : 2),
      ];
  }
}

const WRONG: readonly unknown[] = [
  true,
  false,
  {},
  { a: 1 },
  [],
  [1, 2],
  'zz',
  '0xzz',
  '0x123',
  -1,
  1.5,
  -0.5,
  1e300,
  2 ** 64,
  Number.MAX_SAFE_INTEGER + 2,
  '-5',
  '99999999999999999999999999999',
  // 2^64 + 1: once wrapped around to block 1.
  '18446744073709551617',
  'x'.repeat(10_000),
  `0x${'ab'.repeat(31)}`,
  `0x${'AB'.repeat(32)}0`,
];

// chain_getBlockHash also takes a list of numbers, and a short hex string is a block number (Substrate's form).
const WRONG_FOR_LIST = WRONG.filter(
  (w) =>
    (!Array.isArray(w) || w.some((x) => !Number.isInteger(x))) &&
    !(typeof w === 'string' && /^0x[0-9a-fA-F]{1,16}$/.test(w)),
);

const hugeNumbers = [
  '1e400',
  '-1e400',
  '123456789012345678901234567890123456789012345678901234567890',
  '18446744073709551621',
  '9007199254740993',
  '-9007199254740993',
  '1.7976931348623157e309',
];

function deep(depth: number, open: string, close: string, inner = '1'): string {
  return open.repeat(depth) + inner + close.repeat(depth);
}

let valid: Uint8Array[] = [];

function mutateExtrinsic(): string {
  const base = pick(valid);
  const b = base.slice();
  switch (int(7)) {
    case 0: // truncate
      return toHex(b.subarray(0, int(b.length)));
    case 1: {
      // flip 1–4 bytes (never to the same value)
      for (let k = 0, n = 1 + int(4); k < n; k++) {
        const i = int(b.length);
        b[i] = (b[i] as number) ^ (1 + int(255));
      }
      return toHex(b);
    }
    case 2: // append junk
      return toHex(new Uint8Array([...b, ...randomBytes(1 + int(40))]));
    case 3: {
      // insert junk in the middle
      const i = int(b.length);
      return toHex(new Uint8Array([...b.subarray(0, i), ...randomBytes(1 + int(8)), ...b.subarray(i)]));
    }
    case 4: {
      // A v4 field out of range: the length prefix, the version, the address or signature type,
      // a mortal era with a phase past its period, or the CheckMetadataHash mode.
      const at = decodeCompact(b, 0).size;
      const modeAt = at + 1 + 1 + 32 + 1 + 64 + 2 + 1 + 1;
      switch (int(6)) {
        case 0:
          b[0] = pick([0x00, 0x04, 0xfc, 0xff]);
          break;
        case 1:
          b[at] = pick([0x04, 0x85, 0x00, 0xff]);
          break;
        case 2:
          b[at + 1] = pick([1, 2, 3, 255]);
          break;
        case 3:
          b[at + 34] = pick([2, 3, 255]);
          break;
        case 4:
          // period 4 (low bits 1), phase 15: not a valid era
          b.set([0xf1, 0x00], at + 99);
          break;
        default:
          b[modeAt] = pick([1, 2, 255]);
      }
      return toHex(b);
    }
    case 5: // random bytes of a plausible length
      return toHex(randomBytes(int(400)));
    default: // change the signature only (it follows the length, version, address and type)
      b.set(randomBytes(64), decodeCompact(b, 0).size + 1 + 1 + 32 + 1);
      return toHex(b);
  }
}

/** One malformed message (text or raw bytes); every reply to it must be an error. */
function malformed(id: number): string | Uint8Array {
  const env = (method: string, params: unknown): string => JSON.stringify({ jsonrpc: '2.0', id, method, params });
  switch (int(14)) {
    case 12:
      return env(pick(['state_getStorage', 'state_getStorageAt', 'state_getStorageHash', 'state_getStorageSize']), [
        badStorageKey(),
      ]);
    case 13:
      return env('state_call', badStateCall());
    case 0:
      return randomBytes(int(200));
    case 1: {
      // invalid UTF-8 inside otherwise valid JSON
      const head = new TextEncoder().encode(`{"jsonrpc":"2.0","id":${id},"method":"taonet_accountInfo","params":["0x`);
      return new Uint8Array([...head, 0xff, 0xfe, 0xc3, 0x28, ...new TextEncoder().encode('"]}')]);
    }
    case 2:
    case 3:
      return env(pick(['author_submitExtrinsic', 'taonet_dryRun']), [mutateExtrinsic()]);
    case 4: {
      const m = pick(PARAM_METHODS);
      // chain_getBlockHash also takes a list of numbers: such a list is not wrong for it.
      const w = pick(m === 'chain_getBlockHash' ? WRONG_FOR_LIST : WRONG);
      // taonet_nextAllowed and taonet_metagraph read two params; spoil either.
      return env(m, int(2) === 0 ? [w] : [w, w]);
    }
    case 5: {
      const m = pick([
        'chain_getBlock',
        'chain_getHeader',
        'taonet_getBlock',
        'taonet_getHeader',
        'taonet_getEvents',
        'taonet_metagraph',
        'dev_advanceBlocks',
      ]);
      return `{"jsonrpc":"2.0","id":${id},"method":"${m}","params":[${pick(hugeNumbers)}]}`;
    }
    case 6: {
      const d = 1000 + int(50_000);
      return pick([
        deep(d, '[', ']'),
        deep(d, '{"a":', '}'),
        `{"jsonrpc":"2.0","id":${id},"method":"taonet_accountInfo","params":${deep(d, '[', ']')}}`,
        `{"jsonrpc":"2.0","id":${deep(d, '[', ']')},"method":"system_health"}`,
        `{"jsonrpc":"2.0","id":${id},"method":"taonet_metagraph","params":[1,${deep(d, '[', ']', '"x"')}]}`,
      ]);
    }
    case 7: {
      // valid JSON, wrong request shape
      return pick([
        'null',
        '1',
        '"x"',
        'true',
        `{"id":${id}}`,
        `{"jsonrpc":"2.0","id":${id}}`,
        `{"jsonrpc":"2.0","id":${id},"method":5}`,
        `{"jsonrpc":"2.0","id":${id},"method":"system_health","params":"x"}`,
        `{"jsonrpc":"2.0","id":${id},"method":"system_health","params":{"a":1}}`,
        `{"jsonrpc":"2.0","id":{"a":1},"method":"system_health"}`,
        `{"jsonrpc":"2.0","id":true,"method":"system_health"}`,
        `{"jsonrpc":"2.0","id":[1],"method":"system_health"}`,
        `{"jsonrpc":"2.0","id":1e400,"method":"system_health"}`,
      ]);
    }
    case 8: {
      // unknown or hostile method names
      const name = pick([
        '__proto__',
        'constructor',
        'toString',
        'hasOwnProperty',
        'chain_unsubscribeNewHeadsX',
        '',
        'x'.repeat(int(5000)),
        String.fromCharCode(...randomBytes(int(30))),
      ]);
      return env(name, []);
    }
    case 9: {
      // a batch of malformed requests
      const n = 1 + int(8);
      const parts: string[] = [];
      for (let k = 0; k < n; k++) {
        const m = malformed(id * 100 + k);
        parts.push(
          typeof m === 'string' && m.startsWith('{"jsonrpc"')
            ? m
            : `{"jsonrpc":"2.0","id":${id * 100 + k},"method":"nope_${k}"}`,
        );
      }
      return `[${parts.join(',')}]`;
    }
    case 10: {
      // truncated JSON of a valid request
      const s = env('author_submitExtrinsic', [toHex(pick(valid))]);
      return s.slice(0, int(s.length - 1));
    }
    default:
      return env('author_submitExtrinsic', [
        pick(['0x', '0x0', 'x', `0x${'0'.repeat(2 * int(300))}`, `0X${'00'.repeat(4)}`]),
      ]);
  }
}

/** Checks a reply: an error object, or a non-empty batch of error objects. */
function check(reply: unknown, names: Map<string, number>, sent: string | Uint8Array): void {
  const list = Array.isArray(reply) ? reply : [reply];
  if (Array.isArray(reply)) expect(reply.length).toBeGreaterThan(0);
  for (const r of list) {
    // Random bytes for a runtime API with a variable-length argument can, rarely, be a valid
    // encoding (e.g. netuid ‖ mecid ‖ Compact(30) ‖ 30 u16s in 64 bytes): a SCALE answer is right then.
    const validByChance =
      typeof sent === 'string' &&
      sent.includes('"method":"state_call"') &&
      typeof (r as { result?: unknown }).result === 'string' &&
      /^0x([0-9a-f]{2})*$/.test((r as { result: string }).result);
    if (validByChance) continue;
    if (!isTypedError(r)) {
      const shown = typeof sent === 'string' ? sent.slice(0, 300) : toHex(sent).slice(0, 300);
      throw new Error(`not a typed error: ${JSON.stringify(r)?.slice(0, 300)} for ${shown}`);
    }
    names.set(r.error.data.name, (names.get(r.error.data.name) ?? 0) + 1);
  }
}

describe(`malformed input (seed ${SEED})`, () => {
  it(`answers ${HTTP_MESSAGES + WS_MESSAGES} malformed messages with typed errors and stays healthy`, async () => {
    const alice = key('Alice');
    const bob = key('Bob');
    valid = [
      (await node.sign(alice, 'transfer', { dest: bob.id, amount: 10n ** 9n })).bytes,
      (await node.sign(bob, 'add_stake', { hotkey: alice.id, netuid: 0, amount: 1n })).bytes,
      (await node.sign(alice, 'set_weights', { netuid: 1, uids: [0, 1], values: [1, 2], versionKey: 0n })).bytes,
      (await node.sign(alice, 'register_network', { hotkey: bob.id, identity: null })).bytes,
    ];
    const names = new Map<string, number>();
    let sent = 0;
    // HTTP, 16 in flight.
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < HTTP_MESSAGES) {
        const id = ++next;
        const body = malformed(id);
        const r = await node.post(body);
        sent++;
        check(r.json ?? r.text, names, body);
      }
    };
    await Promise.all(Array.from({ length: 16 }, worker));
    // WebSocket: one reply per message, in order.
    const ws = await WsClient.connect(node.wsUrl);
    const replies: unknown[] = [];
    ws.ws.on('message', (d) => replies.push(JSON.parse(d.toString())));
    const wsSent: (string | Uint8Array)[] = [];
    for (let k = 0; k < WS_MESSAGES; k++) {
      const m = malformed(1_000_000 + k);
      wsSent.push(m);
      // Raw bytes go as binary frames: a text frame must be UTF-8 or the protocol closes the connection.
      ws.ws.send(m, { binary: typeof m !== 'string' });
      if (k % 200 === 199) {
        const until = Date.now() + 10_000;
        while (replies.length < k + 1 && Date.now() < until) await new Promise((r) => setTimeout(r, 5));
        expect(replies.length, `replies after ${k + 1} messages`).toBe(k + 1);
      }
    }
    const deadline = Date.now() + 30_000;
    while (replies.length < WS_MESSAGES && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    expect(replies.length).toBe(WS_MESSAGES);
    replies.forEach((r, k) => {
      check(r, names, wsSent[k] as string);
    });
    sent += WS_MESSAGES;
    expect(sent).toBeGreaterThanOrEqual(10_000);
    expect(names.has('InternalError'), JSON.stringify([...names])).toBe(false);
    for (const n of [
      'ParseError',
      'InvalidRequest',
      'InvalidParams',
      'MethodNotFound',
      'MalformedExtrinsic',
      'BadSignature',
      'UnknownStorageItem',
      'BadStorageKeyLength',
      'UnknownRuntimeApi',
      'BadRuntimeApiArgs',
    ]) {
      expect(names.get(n) ?? 0, n).toBeGreaterThan(0);
    }
    // Still healthy: answers, seals blocks, accepts a good transaction.
    expect(await ws.rpc('system_health')).toEqual({ peers: 0, isSyncing: false, shouldHavePeers: false });
    await ws.close();
    expect(await node.rpc('system_health')).toMatchObject({ isSyncing: false });
    // A text frame that is not UTF-8 fails the WebSocket connection (RFC 6455), not the node.
    const bad = await WsClient.connect(node.wsUrl);
    const closed = new Promise<number>((r) => bad.ws.once('close', (code) => r(code)));
    bad.ws.send(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]), { binary: false });
    expect(await closed).toBe(1007);
    const hash = await node.submit(alice, 'transfer', { dest: bob.id, amount: 10n ** 9n });
    await node.seal(1);
    expect((await node.resultOf(hash)).ok).toBe(true);
    expect(node.child.exitCode).toBeNull();
  }, 150_000);
});
