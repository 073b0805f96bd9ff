/** The node's fast paths agree with the primitives: signing payload (wasm blake2b) and hex. */
import { fromHex, signExtrinsic, signingPayload, toHex } from '@taonet/primitives';
import { describe, expect, it } from 'vitest';
import { devAccount } from '../src/chain-spec.js';
import { bytesToHex, hexToBytes } from '../src/codec/hex.js';
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

  it('hexToBytes matches fromHex and rejects what is not hex', () => {
    for (const h of ['0x', '0x00', '0xdeadBEEF', `0x${'0f'.repeat(300)}`]) {
      expect(hexToBytes(h)).toEqual(fromHex(h));
      expect(bytesToHex(hexToBytes(h) as Uint8Array)).toBe(h.toLowerCase());
    }
    for (const h of ['0x0', '0xzz', '0x0g', '0x 1', '0x12 ']) expect(hexToBytes(h)).toBeNull();
  });
});
