import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ml_kem768 } from '@noble/post-quantum/ml-kem.js';
import {
  decryptShieldBlob,
  fromHex,
  parseShieldBlob,
  shieldDecrypter,
  shieldKeypairFromSeed,
  toHex,
} from '@taonet/primitives';
import { describe, expect, it } from 'vitest';
import { initShieldKem, wasmShieldDecapsulator } from '../../src/shield/ml-kem-wasm.js';

// Blobs the Python clients (bittensor_drand 2.0.0, bittensor_core 0.1.5) encrypted to the fixture key.
interface Fixture {
  keygenSeed: string;
  clientBlobs: { client: string; label: string; plaintext: string; blob: string }[];
  tsBlobs: { label: string; plaintext: string; blob: string }[];
}
const fx = JSON.parse(
  readFileSync(new URL('../../../primitives/test/fixtures/shield-blobs.json', import.meta.url), 'utf8'),
) as Fixture;

describe('the node’s ML-KEM-768 decapsulation (liboqs wasm) against noble', () => {
  it('is refused before initShieldKem() resolves', () => {
    const kp = shieldKeypairFromSeed(new Uint8Array(64).fill(7));
    expect(() => wasmShieldDecapsulator(kp)).toThrow(/initShieldKem/);
  });

  it('loads once', async () => {
    const a = initShieldKem();
    expect(initShieldKem()).toBe(a);
    await a;
  });

  it('gives noble’s shared secret for honest, altered and random ciphertexts of random keys', async () => {
    await initShieldKem();
    for (let k = 0; k < 12; k++) {
      const kp = shieldKeypairFromSeed(new Uint8Array(randomBytes(64)));
      const d = wasmShieldDecapsulator(kp);
      const cts: Uint8Array[] = [];
      for (let i = 0; i < 4; i++) {
        const { cipherText, sharedSecret } = ml_kem768.encapsulate(kp.publicKey, new Uint8Array(randomBytes(32)));
        expect(toHex(d.decapsulate(cipherText))).toBe(toHex(sharedSecret));
        const altered = cipherText.slice();
        const at = randomBytes(2).readUInt16LE(0) % altered.length;
        altered[at] = (altered[at] as number) ^ (1 << (k % 8));
        cts.push(altered);
      }
      cts.push(new Uint8Array(1088), new Uint8Array(randomBytes(1088)));
      // Implicit rejection: a ciphertext not made for this key still yields noble's (pseudo-random) secret.
      for (const ct of cts) expect(toHex(d.decapsulate(ct))).toBe(toHex(ml_kem768.decapsulate(ct, kp.secretKey)));
      d.clean();
    }
  });

  it('opens the Python clients’ and Taonet’s recorded blobs to their plaintexts, as noble does', async () => {
    await initShieldKem();
    const kp = shieldKeypairFromSeed(fromHex(fx.keygenSeed));
    const fast = shieldDecrypter(kp, { decapsulator: wasmShieldDecapsulator(kp) });
    expect(fx.clientBlobs.map((b) => b.client)).toEqual(
      expect.arrayContaining(['bittensor_drand 2.0.0', 'bittensor_core 0.1.5']),
    );
    for (const b of [...fx.clientBlobs, ...fx.tsBlobs]) {
      const blob = parseShieldBlob(fromHex(b.blob));
      expect(toHex(fast.decrypt(blob))).toBe(b.plaintext);
      expect(toHex(decryptShieldBlob(blob, kp.secretKey))).toBe(b.plaintext);
    }
    fast.clean();
  });

  it('refuses a wrong-size key or ciphertext, another key’s secret half, and any use after clean()', async () => {
    await initShieldKem();
    const kp = shieldKeypairFromSeed(new Uint8Array(64).fill(9));
    expect(() => wasmShieldDecapsulator({ ...kp, secretKey: kp.secretKey.subarray(1) })).toThrow(RangeError);
    const other = shieldKeypairFromSeed(new Uint8Array(64).fill(10));
    expect(() => wasmShieldDecapsulator({ publicKey: kp.publicKey, secretKey: other.secretKey })).toThrow(
      /does not belong/,
    );
    const d = wasmShieldDecapsulator(kp);
    expect(() => d.decapsulate(new Uint8Array(1087))).toThrow(RangeError);
    d.clean();
    d.clean();
    expect(() => d.decapsulate(new Uint8Array(1088))).toThrow(/cleaned/);
  });
});
