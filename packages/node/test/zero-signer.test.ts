/**
 * Issue 17: the all-zero account (the ristretto identity) cannot send. Forged R = s·B signatures
 * verify for it under the raw wasm sr25519 check, yet the node's verifiers refuse them, the pool
 * refuses the forged transfer with a typed ZeroSigner error, a correctly sealed block carrying it
 * is refused on import, and funds sent to the zero address stay there.
 */
import { sr25519Verify as rawWasmVerify } from '@polkadot/wasm-crypto';
import {
  type AccountId,
  accountFromBytes,
  extrinsicSigningPayload,
  mortalEra,
  RAO_PER_TAO,
  type SignedExtrinsic,
  signExtrinsic,
  fromHex,
  toHex,
  verifyExtrinsicSignature,
} from '@taonet/primitives';
import { BlockBuilder, type CheckedExtrinsic, storage } from '@taonet/runtime';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forgeSr25519IdentitySignature, SR25519_IDENTITY_KEY } from '../../primitives/test/support/identity-forgery.js';
import { Chain, ImportError } from '../src/chain/chain.js';
import { checkTransaction, TransactionError, toChecked } from '../src/chain/transaction-checks.js';
import { devAccount, devChainSpec } from '../src/chain-spec.js';
import { type Block, type Header, preSealHashBytes } from '../src/codec/block.js';
import { AuthorityRound } from '../src/consensus/authority-round.js';
import { devKeypair, initCrypto, sign, verify } from '../src/crypto.js';
import { merkleRoot } from '../src/merkle/binary-merkle.js';
import { StateRoot } from '../src/merkle/state-root.js';
import { SPEC_VERSION, TRANSACTION_VERSION } from '../src/substrate/runtime-version.js';
import { TxPool } from '../src/txpool/tx-pool.js';
import { devTx, headImplicit } from './support/dev-tx.js';

await initCrypto();
const spec = devChainSpec(250);
const alice = devKeypair('//Alice');
const ZERO = accountFromBytes(SR25519_IDENTITY_KEY);
const BOB = devAccount('Bob');
const consensus = () => new AuthorityRound(spec.authorities, spec.blockTimeMs);
const free = (chain: Chain, who: AccountId) => chain.state.get(storage.Accounts, who)?.free ?? 0n;

/** A transfer "signed" by the all-zero account with a forged R = s·B signature: no secret key. */
function forgedTransfer(chain: Chain, amount: bigint, scalar = 77n): SignedExtrinsic {
  return signExtrinsic(
    {
      signer: ZERO,
      nonce: 0n,
      era: mortalEra(chain.head.number, 64),
      tip: 0n,
      call: { method: 'transfer', args: { dest: BOB, amount } },
    },
    () => forgeSr25519IdentitySignature(scalar),
    headImplicit(chain),
  );
}

/** A header for the next slot, sealed by Alice (the dev chain's authority). */
function sealedHeader(parent: Chain, stateRoot: string, txs: readonly SignedExtrinsic[]): Header {
  const slot = parent.head.slot + 1n;
  const unsealed: Header = {
    parentHash: parent.headHash,
    number: parent.head.number + 1n,
    stateRoot,
    extrinsicsRoot: toHex(merkleRoot(txs.map((x) => fromHex(x.hash)))),
    author: devAccount('Alice'),
    timestamp: slot * 250n,
    slot,
    seal: null,
    justification: null,
  };
  return { ...unsealed, seal: toHex(sign(alice, preSealHashBytes(unsealed))) };
}

/**
 * The state root `chain` would have after the block step and `txs`, computed by running the
 * runtime directly (which checks no signatures) and hashing every entry; nothing is kept.
 */
function rootAfter(chain: Chain, header: Header, txs: readonly SignedExtrinsic[]): string {
  const builder = new BlockBuilder(chain.state, {
    number: header.number,
    parentHash: header.parentHash,
    author: header.author,
    timestamp: header.timestamp,
  });
  try {
    for (const x of txs) expect(builder.push(toChecked(x) as CheckedExtrinsic).included).toBe(true);
    const root = new StateRoot();
    for (const [item, key, value] of chain.state.allEntries()) root.update(item, key, value);
    return toHex(root.root());
  } finally {
    builder.abort();
    chain.state.takeDirty();
  }
}

/** A fully hand-built block: correct roots, sealed by the authority. */
function handBuiltBlock(chain: Chain, txs: readonly SignedExtrinsic[]): Block {
  const draft = sealedHeader(chain, `0x${'00'.repeat(32)}`, txs);
  const header = sealedHeader(chain, rootAfter(chain, draft, txs), txs);
  return { header, extrinsics: txs.map((x) => x.bytes) };
}

describe('the node and the all-zero signer', () => {
  it('the forgery is real (raw wasm verify accepts it); the node verifiers refuse it, for any message and scalar', () => {
    const genesis = new Uint8Array(32).fill(9);
    const ctx = {
      genesisHash: genesis,
      specVersion: SPEC_VERSION,
      transactionVersion: TRANSACTION_VERSION,
      blockHash: () => genesis,
    };
    const implicit = {
      specVersion: SPEC_VERSION,
      transactionVersion: TRANSACTION_VERSION,
      genesisHash: genesis,
      birthHash: genesis,
    };
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.bigInt({ min: 1n, max: (1n << 256n) - 1n }), (msg, s) => {
        const sig = forgeSr25519IdentitySignature(s);
        expect(rawWasmVerify(sig, msg, SR25519_IDENTITY_KEY)).toBe(true);
        expect(verify(sig, msg, SR25519_IDENTITY_KEY)).toBe(false);
        // A whole extrinsic, through the primitives' check with the raw verifier plugged in.
        const tx = signExtrinsic(
          {
            signer: ZERO,
            nonce: s % 1000n,
            era: mortalEra(1n, 64),
            tip: 0n,
            call: { method: 'transfer', args: { dest: BOB, amount: BigInt(msg.length) } },
          },
          () => sig,
          implicit,
        );
        expect(verifyExtrinsicSignature(tx, implicit, rawWasmVerify)).toBe(false);
        expect(() => checkTransaction(tx, ctx, 2n)).toThrow(/ZeroSigner/);
        // A block sealed "by" an all-zero authority is not accepted either.
        const round = new AuthorityRound([ZERO], 250);
        const parent: Header = {
          parentHash: toHex(genesis),
          number: 0n,
          stateRoot: toHex(genesis),
          extrinsicsRoot: toHex(genesis),
          author: ZERO,
          timestamp: 0n,
          slot: 0n,
          seal: null,
          justification: null,
        };
        const h: Header = { ...parent, number: 1n, slot: 1n, timestamp: 250n, seal: toHex(sig) };
        expect(rawWasmVerify(sig, preSealHashBytes(h), SR25519_IDENTITY_KEY)).toBe(true);
        expect(() => round.verifyHeader(h, parent)).toThrow(/BadSeal/);
      }),
      { numRuns: 40 },
    );
  });

  it('funds sent to the zero address stay there: the pool, block building and import refuse its forged transfer', async () => {
    const chain = await Chain.open(spec, null, consensus());
    const twin = await Chain.open(spec, null, consensus());
    const pool = new TxPool(chain);

    // Alice burns 5 TAO to the zero address: an ordinary, accepted transfer. The block is built
    // here and checked against the hand-built method on the twin, which then imports it too.
    const burn = devTx(chain, 'Alice', 0n, { method: 'transfer', args: { dest: ZERO, amount: 5n * RAO_PER_TAO } });
    pool.submit(burn.bytes);
    const slot = chain.head.slot + 1n;
    const built = chain.buildBlock({
      key: alice,
      author: devAccount('Alice'),
      timestamp: slot * 250n,
      slot,
      candidates: pool.pending(),
    });
    expect(built.included).toHaveLength(1);
    expect(handBuiltBlock(twin, [burn]).header.stateRoot).toBe(built.block.header.stateRoot);
    chain.importBlock(built.block);
    twin.importBlock(built.block);
    expect(free(chain, ZERO)).toBe(5n * RAO_PER_TAO);
    expect(pool.size).toBe(0);

    const head = chain.headHash;
    const bob = free(chain, BOB);
    const forged = forgedTransfer(chain, 4n * RAO_PER_TAO);
    // What the node checked before the fix: it verifies.
    expect(
      rawWasmVerify(forged.signature, extrinsicSigningPayload(forged, headImplicit(chain)), SR25519_IDENTITY_KEY),
    ).toBe(true);

    // (b) The pool refuses it with a typed error and keeps nothing.
    let refused: unknown;
    try {
      pool.submit(forged.bytes);
    } catch (e) {
      refused = e;
    }
    expect(refused).toBeInstanceOf(TransactionError);
    const err = (refused as TransactionError).toJSON();
    expect(err.code).toBe('ZeroSigner');
    expect(err.explanation).toMatch(/all-zero account/);
    expect(err.hint).toMatch(/never send/);
    expect(pool.size).toBe(0);

    // Block building leaves it out.
    const next = chain.head.slot + 1n;
    const attempt = chain.buildBlock({
      key: alice,
      author: devAccount('Alice'),
      timestamp: next * 250n,
      slot: next,
      candidates: [forged],
    });
    expect(attempt.included).toHaveLength(0);
    expect(attempt.rejected[0]?.error.code).toBe('ZeroSigner');
    chain.discardBuilt();

    // (c) A hand-built block carrying it, with the right state and extrinsics roots (the runtime
    // alone would move the 4 TAO) and Alice's seal, is refused on import; nothing changes.
    const block = handBuiltBlock(twin, [forged]);
    expect(() => chain.importBlock(block)).toThrow(ImportError);
    expect(() => chain.importBlock(block)).toThrow(/InvalidTransaction: ZeroSigner/);
    expect(chain.headHash).toBe(head);
    expect(free(chain, ZERO)).toBe(5n * RAO_PER_TAO);
    expect(free(chain, BOB)).toBe(bob);

    // The chain goes on, and a later burn adds to the zero account's balance.
    const more = devTx(chain, 'Alice', 1n, { method: 'transfer', args: { dest: ZERO, amount: RAO_PER_TAO } });
    const s2 = chain.head.slot + 1n;
    chain.importBlock(
      chain.buildBlock({ key: alice, author: devAccount('Alice'), timestamp: s2 * 250n, slot: s2, candidates: [more] })
        .block,
    );
    expect(free(chain, ZERO)).toBe(6n * RAO_PER_TAO);
    await chain.close();
    await twin.close();
  });
});
