/** The node's fast path agrees with the primitives: signing payload (wasm blake2b). */
import { fromHex, signExtrinsic, signingPayload, toHex } from '@taonet/primitives';
import { describe, expect, it } from 'vitest';
import { devAccount } from '../src/chain-spec.js';
import { devKeypair, initCrypto, sign } from '../src/crypto.js';
import { TransactionError, txSigningPayload, verifySignature } from '../src/chain/transaction-checks.js';

await initCrypto();

describe('transaction checks', () => {
  const genesis = fromHex(`0x${'ab'.repeat(32)}`);
  const tx = signExtrinsic(
    {
      signer: devAccount('Alice'),
      nonce: 7n,
      era: { birth: 3n, period: 64 },
      tip: 5n,
      call: { method: 'transfer', args: { dest: devAccount('Bob'), amount: 10n } },
    },
    (m) => sign(devKeypair('//Alice'), m),
    genesis,
  );

  it('computes the same signing payload as the primitives', () => {
    expect(toHex(txSigningPayload(tx, genesis))).toBe(
      toHex(signingPayload(genesis, tx.bytes.subarray(0, tx.bytes.length - 64))),
    );
  });

  it('verifies once per genesis hash, and refuses another chain', () => {
    expect(() => verifySignature(tx, genesis)).not.toThrow();
    expect(() => verifySignature(tx, genesis)).not.toThrow();
    expect(() => verifySignature(tx, new Uint8Array(32))).toThrow(TransactionError);
  });
});
