/**
 * Every rejection class at the door of a real node, each a JSON-RPC error with a code and a
 * data.name, explanation and (for transactions) hint; and taonet_dryRun's typed errors.
 */
import {
  accountFromBytes,
  encodeExtra,
  fromHex,
  mortalEra,
  RAO_PER_TAO,
  type SignedExtrinsic,
  signExtrinsic,
  toHex,
} from '@taonet/primitives';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  forgeSr25519IdentitySignature,
  SR25519_IDENTITY_KEY,
} from '../../../primitives/test/support/identity-forgery.js';
import { sign } from '../../src/crypto.js';
import { SPEC_VERSION, TRANSACTION_VERSION } from '../../src/substrate/runtime-version.js';
import { rawSignedExtrinsic, unsignedExtrinsic } from '../support/dev-tx.js';
import { buildTx, isTypedError, key, NodeProcess, type RpcReply, WsClient } from './harness.js';

const alice = key('Alice');
const bob = key('Bob');
const poor = key('//Nobody//empty');

let node: NodeProcess;

beforeAll(async () => {
  node = await NodeProcess.start();
  await node.seal(3);
});

afterAll(async () => {
  await node?.kill();
});

/** Expects a typed error with this code and name; hint required unless `noHint`. */
function expectError(r: RpcReply, code: number, name: string, o: { hint?: boolean } = {}): void {
  expect(isTypedError(r), JSON.stringify(r)).toBe(true);
  expect(r.error?.code).toBe(code);
  expect(r.error?.data.name).toBe(name);
  expect(r.error?.data.explanation.length).toBeGreaterThan(5);
  expect(r.error?.message).toContain(name);
  if (o.hint !== false) expect(typeof r.error?.data.hint, `${name} has a hint`).toBe('string');
}

const submitHex = (hex: string) => node.request('author_submitExtrinsic', [hex]);

/** Where the 64-byte signature starts: before the extra and the call. */
const signatureAt = (x: SignedExtrinsic) => x.bytes.length - x.callBytes.length - encodeExtra(x).length - 64;

/** What a signature born at the head covers on this node. */
async function headImplicit() {
  const head = await node.head();
  return {
    specVersion: SPEC_VERSION,
    transactionVersion: TRANSACTION_VERSION,
    genesisHash: fromHex(node.genesisHash),
    birthHash: fromHex(head.hash),
  };
}

describe('transaction rejections at the door (1010 invalid, 1013 already known, 1014 replaced)', () => {
  it('MalformedExtrinsic: bytes that do not decode', async () => {
    expectError(await submitHex('0x00'), 1010, 'MalformedExtrinsic');
    expectError(await submitHex('0x'), 1010, 'MalformedExtrinsic');
    const good = await node.sign(alice, 'transfer', { dest: bob.id, amount: 1n });
    expectError(await submitHex(toHex(good.bytes.subarray(0, good.bytes.length - 1))), 1010, 'MalformedExtrinsic');
    expectError(await submitHex(`${toHex(good.bytes)}00`), 1010, 'MalformedExtrinsic');
  });

  it('MalformedExtrinsic: an unknown call index, an unsigned extrinsic, CheckMetadataHash mode 1', async () => {
    const nonce = await node.nextNonce(alice);
    const head = await node.head();
    const implicit = await headImplicit();
    const signed = (callBytes: Uint8Array, metadataHashMode = 0) =>
      toHex(
        rawSignedExtrinsic({
          signer: fromHex(alice.id),
          sign: (m) => sign(alice.kp, m),
          implicit,
          callBytes,
          nonce,
          era: mortalEra(head.number, 64),
          metadataHashMode,
        }),
      );
    // SubtensorModule (pallet 7) has no call 255; pallet 200 does not exist.
    expectError(await submitHex(signed(new Uint8Array([7, 255]))), 1010, 'MalformedExtrinsic');
    expectError(await submitHex(signed(new Uint8Array([200, 0]))), 1010, 'MalformedExtrinsic');
    const good = await node.sign(alice, 'transfer', { dest: bob.id, amount: 1n });
    const bare = await submitHex(toHex(unsignedExtrinsic(good.callBytes)));
    expectError(bare, 1010, 'MalformedExtrinsic');
    expect(bare.error?.data.explanation).toMatch(/unsigned/);
    const withHash = await submitHex(signed(good.callBytes, 1));
    expectError(withHash, 1010, 'MalformedExtrinsic');
    expect(withHash.error?.data.explanation).toMatch(/CheckMetadataHash mode must be 0/);
    // Signed the same way with mode 0, the call is fine: the refusals were about the format.
    expect(await node.rpc('author_submitExtrinsic', [signed(good.callBytes)])).toMatch(/^0x[0-9a-f]{64}$/);
    await node.seal(1);
    expect(await node.nextNonce(alice)).toBe(nonce + 1n);
  });

  it('BadSignature: a flipped byte, another signer, and a signature for another genesis hash or spec version', async () => {
    const good = await node.sign(alice, 'transfer', { dest: bob.id, amount: 1n });
    const flipped = good.bytes.slice();
    flipped[flipped.length - 5] = (flipped[flipped.length - 5] as number) ^ 1;
    expectError(await submitHex(toHex(flipped)), 1010, 'BadSignature');
    const badSig = good.bytes.slice();
    badSig[signatureAt(good)] = (badSig[signatureAt(good)] as number) ^ 1;
    expectError(await submitHex(toHex(badSig)), 1010, 'BadSignature');
    const otherSpec = await node.sign(
      alice,
      'transfer',
      { dest: bob.id, amount: 1n },
      { specVersion: SPEC_VERSION + 1 },
    );
    const refused = await submitHex(toHex(otherSpec.bytes));
    expectError(refused, 1010, 'BadSignature');
    expect(refused.error?.data.hint).toMatch(/state_getRuntimeVersion/);
    const head = await node.head();
    const otherChain = buildTx(
      alice,
      { method: 'transfer', args: { dest: bob.id, amount: 1n } },
      `0x${'42'.repeat(32)}`,
      {
        nonce: await node.nextNonce(alice),
        birth: head.number,
        birthHash: head.hash,
      },
    );
    expectError(await submitHex(toHex(otherChain.bytes)), 1010, 'BadSignature');
  });

  it('ZeroSigner: a transfer out of the all-zero (burn) account with a forged R = s·B signature', async () => {
    const zero = accountFromBytes(SR25519_IDENTITY_KEY);
    await node.exec(alice, 'transfer', { dest: zero, amount: 5n * RAO_PER_TAO });
    const before = await node.rpc<{ free: string; nonce: string }>('taonet_accountInfo', [zero]);
    expect(BigInt(before.free)).toBeGreaterThanOrEqual(5n * RAO_PER_TAO);
    const head = await node.head();
    const forged = signExtrinsic(
      {
        signer: zero,
        nonce: 0n,
        era: mortalEra(head.number, 64),
        tip: 0n,
        call: { method: 'transfer', args: { dest: bob.id, amount: 4n * RAO_PER_TAO } },
      },
      () => forgeSr25519IdentitySignature(31_337n),
      await headImplicit(),
    );
    expectError(await submitHex(toHex(forged.bytes)), 1010, 'ZeroSigner');
    expectError(await node.request('taonet_dryRun', [toHex(forged.bytes)]), 1010, 'ZeroSigner');
    await node.seal(1);
    expect(await node.rpc('taonet_accountInfo', [zero])).toEqual(before);
  });

  it('StaleNonce and FutureNonce beyond the gap; NonceInPool', async () => {
    await node.exec(alice, 'transfer', { dest: bob.id, amount: RAO_PER_TAO });
    const next = await node.nextNonce(alice);
    expect(next).toBeGreaterThan(0n);
    const stale = await node.sign(alice, 'transfer', { dest: bob.id, amount: 1n }, { nonce: next - 1n });
    expectError(await submitHex(toHex(stale.bytes)), 1010, 'StaleNonce');
    const far = await node.sign(alice, 'transfer', { dest: bob.id, amount: 1n }, { nonce: next + 65n });
    expectError(await submitHex(toHex(far.bytes)), 1010, 'FutureNonce');
    // Inside the gap is accepted (it waits as "future").
    const near = await node.sign(alice, 'transfer', { dest: bob.id, amount: 1n }, { nonce: next + 1n });
    expect(await node.rpc('author_submitExtrinsic', [toHex(near.bytes)])).toBe(near.hash);
    const dup = await node.sign(alice, 'transfer', { dest: bob.id, amount: 2n }, { nonce: next + 1n });
    expectError(await submitHex(toHex(dup.bytes)), 1014, 'NonceInPool');
    // Fill the gap; both go in.
    const fill = await node.sign(alice, 'transfer', { dest: bob.id, amount: 1n }, { nonce: next });
    await node.rpc('author_submitExtrinsic', [toHex(fill.bytes)]);
    await node.seal(1);
    expect((await node.resultOf(near.hash)).ok).toBe(true);
    expect(await node.nextNonce(alice)).toBe(next + 2n);
  });

  it('ExpiredTransaction (its window passed) and AncientBirthBlock (a birth block not known here)', async () => {
    const head = await node.head();
    // Mortal for 4 blocks from the head: valid in head .. head + 3, expired once the head is head + 4.
    const expired = await node.sign(alice, 'transfer', { dest: bob.id, amount: 1n }, { period: 4 });
    await node.seal(4);
    const r = await submitHex(toHex(expired.bytes));
    expectError(r, 1010, 'ExpiredTransaction');
    expect(r.error?.data.explanation).toContain(`valid until block ${head.number + 3n}`);
    expect(r.error?.data.hint).toBe('rebuild it against the current head');
    const now = await node.head();
    const future = await node.sign(
      alice,
      'transfer',
      { dest: bob.id, amount: 1n },
      { birth: now.number + 5n, birthHash: `0x${'11'.repeat(32)}` },
    );
    const a = await submitHex(toHex(future.bytes));
    expectError(a, 1010, 'AncientBirthBlock');
    expect(a.error?.data.hint).toMatch(/recent block/);
  });

  it('InsufficientFeeBalance, AlreadyInPool, AlreadyImported', async () => {
    const broke = await node.sign(poor, 'transfer', { dest: bob.id, amount: 1n }, { nonce: 0n });
    const refused = await submitHex(toHex(broke.bytes));
    expectError(refused, 1010, 'InsufficientFeeBalance');
    // People read TAO; programs get the exact amounts in rao with their unit.
    expect(refused.error?.message).toMatch(/the fee is τ0\.0001\d* but the account holds τ0$/);
    const amounts = refused.error?.data.details?.amounts as Record<string, { unit: string; rao: string }>;
    expect(amounts.free).toEqual({ unit: 'TAO', rao: '0' });
    expect(amounts.fee?.unit).toBe('TAO');
    expect(BigInt(amounts.fee?.rao ?? '0')).toBeGreaterThan(100_000n);
    const tx = await node.sign(alice, 'transfer', { dest: bob.id, amount: 3n });
    expect(await node.rpc('author_submitExtrinsic', [toHex(tx.bytes)])).toBe(tx.hash);
    expectError(await submitHex(toHex(tx.bytes)), 1013, 'AlreadyInPool');
    await node.seal(1);
    expectError(await submitHex(toHex(tx.bytes)), 1013, 'AlreadyImported');
  });

  it('an unknown call cannot be signed (no call index); BadOrigin (admin call by a non-admin)', async () => {
    await expect(node.sign(alice, 'mint_money', { amount: 1n })).rejects.toThrow(/no Substrate form/);
    const notAdmin = await node.sign(bob, 'sudo_set_network_param', { name: 'baseTxFee', value: 0n });
    expectError(await submitHex(toHex(notAdmin.bytes)), 1010, 'BadOrigin');
  });
});

describe('request-level rejections', () => {
  it('ParseError, InvalidRequest, MethodNotFound, InvalidParams', async () => {
    expectError((await node.post('{not json')).json as RpcReply, -32700, 'ParseError', { hint: false });
    expectError(
      (await node.post('{"jsonrpc":"1.0","id":1,"method":"system_health"}')).json as RpcReply,
      -32600,
      'InvalidRequest',
      {
        hint: false,
      },
    );
    expectError((await node.post('[]')).json as RpcReply, -32600, 'InvalidRequest', { hint: false });
    expectError(
      (await node.post('{"jsonrpc":"2.0","id":{"a":1},"method":"system_health"}')).json as RpcReply,
      -32600,
      'InvalidRequest',
      {
        hint: false,
      },
    );
    expectError(await node.request('no_such_method'), -32601, 'MethodNotFound');
    expectError(await node.request('constructor'), -32601, 'MethodNotFound');
    expectError(await node.request('taonet_accountInfo', [42]), -32602, 'InvalidParams');
    expectError(await node.request('author_submitExtrinsic', ['not hex']), -32602, 'InvalidParams', { hint: false });
    expectError(await node.request('taonet_metagraph', [1, ['nope']]), -32602, 'InvalidParams');
    expectError(await node.request('taonet_simSwap', [1, 'buy', (1n << 64n).toString()]), -32602, 'InvalidParams');
    expectError(
      (await node.post('{"jsonrpc":"2.0","id":1,"method":"system_health","params":{"a":1}}')).json as RpcReply,
      -32602,
      'InvalidParams',
      { hint: false },
    );
    expectError(await node.request('taonet_getBlock', [999_999]), 4003, 'UnknownBlock');
    expectError(await node.request('chain_subscribeNewHeads'), 4015, 'SubscriptionsNeedWebSocket');
  });

  it('RequestTooLarge: a body over 4 MiB is refused with HTTP 413', async () => {
    const body = JSON.stringify({
      jsonrpc: '2.0',
      id: 1,
      method: 'system_health',
      params: ['x'.repeat(5 * 1024 * 1024)],
    });
    const r = await node.post(body);
    expect(r.status).toBe(413);
    expectError(r.json as RpcReply, 4013, 'RequestTooLarge', { hint: false });
    expect(await node.rpc('system_chain')).toBe('Bittensor');
  });

  it('RateLimited: a batch above the burst is refused; the connection recovers', async () => {
    const ws = await WsClient.connect(node.wsUrl);
    try {
      const calls = Array.from({ length: 20_001 }, () => ({ method: 'system_health', params: [] }));
      const replies = await ws.batch(calls);
      expect(replies).toHaveLength(1);
      expectError(replies[0] as RpcReply, 4029, 'RateLimited');
      expect(await ws.rpc('system_chain')).toBe('Bittensor');
    } finally {
      await ws.close();
    }
  });
});

describe('taonet_dryRun', () => {
  it('returns the typed error without charging a fee or using the nonce, and null for a good call', async () => {
    const before = await node.rpc<{ free: string; nonce: string }>('taonet_accountInfo', [bob.id]);
    const tooMuch = await node.sign(bob, 'transfer', { dest: alice.id, amount: 10n ** 18n });
    const err = await node.rpc<{
      code: string;
      explanation: string;
      hint: string;
      data: { amounts: Record<string, { unit: string; rao: string }> };
    }>('taonet_dryRun', [toHex(tooMuch.bytes)]);
    expect(err.code).toBe('InsufficientBalance');
    expect(err.explanation.length).toBeGreaterThan(5);
    expect(err.hint).toMatch(/^free balance is τ[\d,]+(\.\d+)?, needs τ1,000,000,000$/);
    expect(err.data.amounts.needed).toEqual({ unit: 'TAO', rao: (10n ** 18n).toString() });
    expect(err.data.amounts.free?.unit).toBe('TAO');
    const fine = await node.sign(bob, 'transfer', { dest: alice.id, amount: 1n });
    expect(await node.rpc('taonet_dryRun', [toHex(fine.bytes)])).toBeNull();
    const admin = await node.sign(bob, 'sudo_set_emission_enabled', { netuid: 1, enabled: true });
    expect((await node.rpc<{ code: string }>('taonet_dryRun', [toHex(admin.bytes)])).code).toBe('BadOrigin');
    await node.seal(1);
    const after = await node.rpc<{ free: string; nonce: string }>('taonet_accountInfo', [bob.id]);
    expect(after).toEqual(before);
    // Malformed or badly signed bytes are refused like at submission.
    expectError(await node.request('taonet_dryRun', ['0x0102']), 1010, 'MalformedExtrinsic');
    const bad = fine.bytes.slice();
    bad[signatureAt(fine)] = (bad[signatureAt(fine)] as number) ^ 0xff;
    expectError(await node.request('taonet_dryRun', [toHex(bad)]), 1010, 'BadSignature');
  });
});
