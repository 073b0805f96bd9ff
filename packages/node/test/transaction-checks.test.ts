/**
 * The node's checks before the runtime: the Substrate v4 signature over call ‖ extra ‖ implicit
 * (genesis, runtime version, era birth), the era's window, and the formats the decoder refuses.
 * Run against a real in-memory chain and its pool.
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import {
  blake2b256,
  concatBytes,
  encodeExtra,
  extrinsicSigningPayload,
  fromHex,
  mortalEra,
  RAO_PER_TAO,
  type SignedExtrinsic,
  signExtrinsic,
  toHex,
} from '@taonet/primitives';
import { encodeCompact, encodeEra } from '@taonet/primitives/substrate';
import { storage } from '@taonet/runtime';
import { describe, expect, it } from 'vitest';
import { Chain } from '../src/chain/chain.js';
import { checkTransaction, TransactionError } from '../src/chain/transaction-checks.js';
import { devAccount, devChainSpec } from '../src/chain-spec.js';
import { AuthorityRound } from '../src/consensus/authority-round.js';
import { devKeypair, initCrypto, sign } from '../src/crypto.js';
import { SPEC_VERSION, TRANSACTION_VERSION } from '../src/substrate/runtime-version.js';
import { TxPool } from '../src/txpool/tx-pool.js';
import { devTx, headImplicit, rawSignedExtrinsic, unsignedExtrinsic } from './support/dev-tx.js';

await initCrypto();
const spec = devChainSpec(250);
const alice = devKeypair('//Alice');

const openChain = () => Chain.open(spec, null, new AuthorityRound(spec.authorities, spec.blockTimeMs));

function seal(chain: Chain, candidates: SignedExtrinsic[] = []) {
  const slot = chain.head.slot + 1n;
  const built = chain.buildBlock({ key: alice, author: devAccount('Alice'), timestamp: slot * 250n, slot, candidates });
  chain.importBlock(built.block);
  return built;
}

/** The typed error `f` throws (fails the test when it does not throw one). */
function refusal(f: () => unknown): TransactionError {
  try {
    f();
  } catch (e) {
    if (e instanceof TransactionError) return e;
    throw e;
  }
  throw new Error('expected a TransactionError');
}

const u32le = (v: number) => {
  const b = new Uint8Array(4);
  new DataView(b.buffer).setUint32(0, v, true);
  return b;
};

const toBob = (amount: bigint) => ({ method: 'transfer', args: { dest: devAccount('Bob'), amount } });

describe('transaction checks', () => {
  it('the signed payload is call ‖ era ‖ nonce ‖ tip ‖ mode ‖ spec ‖ tx version ‖ genesis ‖ birth hash ‖ None', async () => {
    const chain = await openChain();
    seal(chain);
    const tx = devTx(chain, 'Alice', 7n, toBob(10n), { tip: 5n });
    const implicit = headImplicit(chain);
    const expected = concatBytes(
      tx.callBytes,
      encodeEra(mortalEra(chain.head.number, 64)),
      encodeCompact(7n),
      encodeCompact(5n),
      new Uint8Array([0]),
      u32le(SPEC_VERSION),
      u32le(TRANSACTION_VERSION),
      chain.genesisHashBytes,
      fromHex(chain.headHash),
      new Uint8Array([0]),
    );
    expect(expected.length).toBeLessThanOrEqual(256);
    expect(toHex(extrinsicSigningPayload(tx, implicit))).toBe(toHex(expected));
    // The transaction hash is blake2b-256 of the whole encoding.
    expect(tx.hash).toBe(toHex(blake2b256(tx.bytes)));
  });

  it('verifies once per context, and refuses another chain or another spec version as BadSignature', async () => {
    const chain = await openChain();
    const next = chain.head.number + 1n;
    const tx = devTx(chain, 'Alice', 0n, toBob(10n));
    expect(() => checkTransaction(tx, chain.txContext, next)).not.toThrow();
    expect(() => checkTransaction(tx, chain.txContext, next)).not.toThrow();
    const otherChain = { ...chain.txContext, genesisHash: new Uint8Array(32) };
    expect(refusal(() => checkTransaction(tx, otherChain, next)).code).toBe('BadSignature');

    // Signed for the next runtime: the node (spec SPEC_VERSION) refuses it, at the pool too.
    const pool = new TxPool(chain);
    const future = devTx(chain, 'Alice', 0n, toBob(10n), { specVersion: SPEC_VERSION + 1 });
    const e = refusal(() => pool.submit(future.bytes));
    expect(e.code).toBe('BadSignature');
    expect(e.hint).toMatch(/spec and transaction versions/);
    const oldTx = devTx(chain, 'Alice', 0n, toBob(10n), { transactionVersion: TRANSACTION_VERSION + 1 });
    expect(refusal(() => pool.submit(oldTx.bytes)).code).toBe('BadSignature');
    expect(pool.size).toBe(0);
    pool.submit(tx.bytes);
    expect(pool.has(tx.hash)).toBe(true);
  });

  it('an ed25519-signed transfer is accepted by the pool and goes into a block', async () => {
    const chain = await openChain();
    const secret = new Uint8Array(32).fill(0x5e);
    const pub = ed25519.getPublicKey(secret);
    const ed = toHex(pub);
    seal(chain, [devTx(chain, 'Alice', 0n, { method: 'transfer', args: { dest: ed, amount: 10n * RAO_PER_TAO } })]);
    const before = chain.state.get(storage.Accounts, devAccount('Bob'))?.free ?? 0n;

    const tx = signExtrinsic(
      { signer: ed as never, nonce: 0n, era: mortalEra(chain.head.number, 64), tip: 0n, call: toBob(RAO_PER_TAO) },
      (m) => ed25519.sign(m, secret),
      headImplicit(chain),
      'ed25519',
    );
    // MultiSignature's tag sits before the 64-byte signature, the extra and the call.
    const tagAt = tx.bytes.length - tx.callBytes.length - encodeExtra(tx).length - 65;
    expect(tx.bytes[tagAt]).toBe(0);
    const pool = new TxPool(chain);
    pool.submit(tx.bytes);
    expect(pool.has(tx.hash)).toBe(true);
    const built = seal(chain, [tx]);
    expect(built.included.map((x) => x.hash)).toEqual([tx.hash]);
    expect(chain.state.get(storage.Accounts, devAccount('Bob'))?.free).toBe(before + RAO_PER_TAO);

    // The same signature claimed as sr25519 is refused: this ed25519 key is not even a ristretto point.
    const asSr = tx.bytes.slice();
    asSr[tagAt] = 1;
    expect(refusal(() => pool.submit(asSr)).code).toBe('NonCanonicalSigner');
  });

  it('a payload over 256 bytes is signed as its blake2b-256 (set_weights with 100 uids)', async () => {
    const chain = await openChain();
    const uids = Array.from({ length: 100 }, (_, i) => i);
    const call = {
      method: 'set_weights',
      args: { netuid: 1, uids, values: uids.map(() => 655), versionKey: 0n },
    };
    const tx = devTx(chain, 'Alice', 0n, call);
    const implicit = headImplicit(chain);
    const full = concatBytes(
      tx.callBytes,
      encodeEra(tx.era),
      encodeCompact(0n),
      encodeCompact(0n),
      new Uint8Array([0]),
      u32le(SPEC_VERSION),
      u32le(TRANSACTION_VERSION),
      chain.genesisHashBytes,
      implicit.birthHash,
      new Uint8Array([0]),
    );
    expect(full.length).toBeGreaterThan(256);
    expect(toHex(extrinsicSigningPayload(tx, implicit))).toBe(toHex(blake2b256(full)));
    expect(() => checkTransaction(tx, chain.txContext, chain.head.number + 1n)).not.toThrow();
    // The pool takes it and a block includes it (the call then fails: there is no subnet 1).
    const pool = new TxPool(chain);
    pool.submit(tx.bytes);
    expect(pool.has(tx.hash)).toBe(true);
    const built = seal(chain, pool.pending());
    expect(built.included.map((x) => x.hash)).toEqual([tx.hash]);
    // Signing the long payload itself (not its hash) is a bad signature.
    const unhashed = rawSignedExtrinsic({
      signer: fromHex(devAccount('Alice')),
      sign: (m) => sign(alice, m.length === 32 ? full : m),
      implicit,
      callBytes: tx.callBytes,
      nonce: 0n,
      era: tx.era,
    });
    // (The signature is checked before the nonce, so the reused nonce 0 is not what refuses it.)
    expect(refusal(() => pool.submit(unhashed)).code).toBe('BadSignature');
  });

  it('refuses CheckMetadataHash mode 1 and unsigned (0x04) extrinsics as MalformedExtrinsic, with the reason', async () => {
    const chain = await openChain();
    const pool = new TxPool(chain);
    const good = devTx(chain, 'Alice', 0n, toBob(10n));
    const withHash = rawSignedExtrinsic({
      signer: fromHex(devAccount('Alice')),
      sign: (m) => sign(alice, m),
      implicit: headImplicit(chain),
      callBytes: good.callBytes,
      nonce: 0n,
      era: good.era,
      metadataHashMode: 1,
    });
    const e = refusal(() => pool.submit(withHash));
    expect(e.code).toBe('MalformedExtrinsic');
    expect(e.explanation).toMatch(/CheckMetadataHash mode must be 0/);
    expect(e.hint).toBeTypeOf('string');

    const bare = refusal(() => pool.submit(unsignedExtrinsic(good.callBytes)));
    expect(bare.code).toBe('MalformedExtrinsic');
    expect(bare.explanation).toMatch(/unsigned extrinsics are not accepted/);
    expect(pool.size).toBe(0);
    // The same call, properly signed with mode 0, is fine.
    pool.submit(good.bytes);
    expect(pool.size).toBe(1);
  });

  it('a mortal transaction past its window is ExpiredTransaction with a hint; an unknown birth is AncientBirthBlock', async () => {
    const chain = await openChain();
    seal(chain);
    const tx = devTx(chain, 'Alice', 0n, toBob(10n), { period: 4 });
    const birth = chain.head.number;
    expect(() => checkTransaction(tx, chain.txContext, birth + 1n)).not.toThrow();
    for (let i = 0; i < 4; i++) seal(chain);
    // The head is now birth + 4: the window birth .. birth + 3 has passed.
    const pool = new TxPool(chain);
    const e = refusal(() => pool.submit(tx.bytes));
    expect(e.code).toBe('ExpiredTransaction');
    expect(e.explanation).toContain(`valid until block ${birth + 3n}`);
    expect(e.hint).toBe('rebuild it against the current head');
    // A fresh transaction (same call, new birth) goes in.
    pool.submit(devTx(chain, 'Alice', 0n, toBob(10n), { period: 4 }).bytes);
    expect(pool.size).toBe(1);

    // Born at a block this chain has not made yet: its birth hash cannot be known.
    const ahead = signExtrinsic(
      { signer: devAccount('Alice'), nonce: 0n, era: mortalEra(chain.head.number + 10n, 64), tip: 0n, call: toBob(1n) },
      (m) => sign(alice, m),
      { ...headImplicit(chain), birthHash: new Uint8Array(32).fill(1) },
    );
    const a = refusal(() => pool.submit(ahead.bytes));
    expect(a.code).toBe('AncientBirthBlock');
    expect(a.hint).toMatch(/recent block/);
  });
});
