import { readFileSync } from 'node:fs';
import { ml_kem768 } from '@noble/post-quantum/ml-kem.js';
import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../../src/codec/hex.js';
import {
  decryptShieldBlob,
  encryptShieldBlob,
  ML_KEM_768,
  parseShieldBlob,
  SHIELD_BLOB_OVERHEAD,
  SHIELD_MAX_PLAINTEXT_BYTES,
  ShieldBlobError,
  shieldKeyHash,
  shieldDecrypter,
  shieldKeypairFromSeed,
} from '../../src/shield/shield-blob.js';
import { twox128, xxh64 } from '../../src/twox.js';
import { SHIELD_FIXTURE_SEED, shieldPlaintexts } from './plaintexts.js';

interface Fixture {
  keygenSeed: string;
  publicKey: string;
  clientBlobs: { client: string; label: string; plaintext: string; blob: string }[];
  tsBlobs: { label: string; plaintext: string; encapsulation: string; nonce: string; blob: string }[];
}
const fx = JSON.parse(readFileSync(new URL('../fixtures/shield-blobs.json', import.meta.url), 'utf8')) as Fixture;

const key = shieldKeypairFromSeed(SHIELD_FIXTURE_SEED);
const other = shieldKeypairFromSeed(new Uint8Array(64).fill(9));
const rnd = (i: number) => ({
  encapsulation: new Uint8Array(32).fill(i),
  nonce: new Uint8Array(24).fill(i + 1),
});

function codeOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof ShieldBlobError) return e.code;
    throw e;
  }
  throw new Error('expected a ShieldBlobError');
}

describe('shield blob with the real Python clients', () => {
  it('the fixture key is the one our seed makes', () => {
    expect(fx.keygenSeed).toBe(toHex(SHIELD_FIXTURE_SEED));
    expect(fx.publicKey).toBe(toHex(key.publicKey));
    expect(key.publicKey.length).toBe(1184);
    expect(key.secretKey.length).toBe(2400);
  });

  it.each(fx.clientBlobs.map((b) => [b.client, b.label, b] as const))(
    '%s blob (%s) parses per the layout and decrypts to its plaintext',
    (_client, _label, b) => {
      const blob = fromHex(b.blob);
      const plaintext = fromHex(b.plaintext);
      const parsed = parseShieldBlob(blob);
      expect(toHex(parsed.keyHash)).toBe(toHex(twox128(key.publicKey)));
      expect((blob[16] ?? 0) | ((blob[17] ?? 0) << 8)).toBe(1088);
      expect(parsed.kemCiphertext.length).toBe(1088);
      expect(parsed.nonce.length).toBe(24);
      expect(blob.length).toBe(SHIELD_BLOB_OVERHEAD + plaintext.length);
      expect(toHex(decryptShieldBlob(parsed, key.secretKey))).toBe(b.plaintext);
    },
  );

  it('a client blob opened with another key fails authentication (ML-KEM implicit rejection)', () => {
    const b = fx.clientBlobs[1];
    if (b === undefined) throw new Error('fixture');
    expect(codeOf(() => decryptShieldBlob(parseShieldBlob(fromHex(b.blob)), other.secretKey))).toBe(
      'AuthenticationFailed',
    );
  });

  it('the prepared decrypter opens every client blob like decryptShieldBlob, and refuses the same ones', () => {
    const d = shieldDecrypter(key);
    for (const b of fx.clientBlobs) expect(toHex(d.decrypt(parseShieldBlob(fromHex(b.blob))))).toBe(b.plaintext);
    const b = fx.clientBlobs[1];
    if (b === undefined) throw new Error('fixture');
    const flipped = fromHex(b.blob);
    flipped[flipped.length - 1] = (flipped.at(-1) ?? 0) ^ 1;
    expect(codeOf(() => d.decrypt(parseShieldBlob(flipped)))).toBe('AuthenticationFailed');
    // Another key's blob: implicit rejection, so the tag fails too.
    const foreign = encryptShieldBlob(other.publicKey, Uint8Array.of(4, 1), rnd(3));
    expect(codeOf(() => d.decrypt(parseShieldBlob(foreign)))).toBe('AuthenticationFailed');
    // A secret key that is not the prepared public key's is refused, not used.
    expect(() =>
      shieldDecrypter({ publicKey: key.publicKey, secretKey: other.secretKey }).decrypt(parseShieldBlob(foreign)),
    ).toThrow();
    d.clean();
  });

  it('our blobs are reproducible from the recorded randomness and share the clients header bytes', () => {
    const plaintexts = shieldPlaintexts();
    const clientHeader = fromHex(fx.clientBlobs[0]?.blob ?? '').subarray(0, 18);
    fx.tsBlobs.forEach((t, i) => {
      expect(t.plaintext).toBe(toHex(plaintexts[i]?.bytes ?? new Uint8Array()));
      const blob = encryptShieldBlob(key.publicKey, fromHex(t.plaintext), {
        encapsulation: fromHex(t.encapsulation),
        nonce: fromHex(t.nonce),
      });
      expect(toHex(blob)).toBe(t.blob);
      expect(toHex(blob.subarray(0, 18))).toBe(toHex(clientHeader));
      expect(toHex(decryptShieldBlob(parseShieldBlob(blob), key.secretKey))).toBe(t.plaintext);
    });
  });
});

describe('shield blob: the AEAD is keyed by the raw shared secret with empty AAD', () => {
  it('decapsulating by hand and opening with noble gives the plaintext', async () => {
    const { xchacha20poly1305 } = await import('@noble/ciphers/chacha.js');
    const b = fx.clientBlobs[4];
    if (b === undefined) throw new Error('fixture');
    const p = parseShieldBlob(fromHex(b.blob));
    const secret = ml_kem768.decapsulate(p.kemCiphertext, key.secretKey);
    expect(toHex(xchacha20poly1305(secret, p.nonce).decrypt(p.aeadCiphertext))).toBe(b.plaintext);
  });
});

describe('shield blob parsing: typed errors, subtensor leniency', () => {
  const good = encryptShieldBlob(key.publicKey, Uint8Array.of(1, 2, 3), rnd(1));

  it('a 5-byte blob is truncated (the pool answers Custom(23) for it)', () => {
    expect(codeOf(() => parseShieldBlob(new Uint8Array(5)))).toBe('BlobTruncated');
  });

  it('fields running past the end are truncated; the bound is exact', () => {
    expect(codeOf(() => parseShieldBlob(good.subarray(0, 17)))).toBe('BlobTruncated');
    expect(codeOf(() => parseShieldBlob(good.subarray(0, 18 + 1088 + 23)))).toBe('BlobTruncated');
    const bareHeader = parseShieldBlob(good.subarray(0, 18 + 1088 + 24));
    expect(bareHeader.aeadCiphertext.length).toBe(0);
    const bigKemLen = Uint8Array.from(good);
    bigKemLen[17] = 0xff;
    expect(codeOf(() => parseShieldBlob(bigKemLen))).toBe('BlobTruncated');
  });

  it('kem_len 0 and an empty aead part still parse, as in stp-shield, but do not decrypt', () => {
    const minimal = new Uint8Array(16 + 2 + 24);
    const p = parseShieldBlob(minimal);
    expect(p.kemCiphertext.length).toBe(0);
    expect(p.aeadCiphertext.length).toBe(0);
    expect(codeOf(() => decryptShieldBlob(p, key.secretKey))).toBe('BadKemCiphertextLength');
  });

  it('more than 8192 bytes is BlobTooLarge; exactly 8192 parses', () => {
    const max = encryptShieldBlob(key.publicKey, new Uint8Array(SHIELD_MAX_PLAINTEXT_BYTES).fill(3), rnd(2));
    expect(max.length).toBe(8192);
    expect(parseShieldBlob(max).aeadCiphertext.length).toBe(SHIELD_MAX_PLAINTEXT_BYTES + 16);
    const over = new Uint8Array(8193);
    over.set(max);
    expect(codeOf(() => parseShieldBlob(over))).toBe('BlobTooLarge');
    expect(codeOf(() => encryptShieldBlob(key.publicKey, new Uint8Array(SHIELD_MAX_PLAINTEXT_BYTES + 1), rnd(2)))).toBe(
      'PlaintextTooLarge',
    );
  });

  it('a flipped tag, nonce or KEM byte fails authentication', () => {
    for (const at of [good.length - 1, 18 + 1088, 18 + 5]) {
      const bad = Uint8Array.from(good);
      bad[at] = (bad[at] ?? 0) ^ 1;
      expect(codeOf(() => decryptShieldBlob(parseShieldBlob(bad), key.secretKey))).toBe('AuthenticationFailed');
    }
    const short = Uint8Array.from(good.subarray(0, 18 + 1088 + 24 + 15));
    expect(codeOf(() => decryptShieldBlob(parseShieldBlob(short), key.secretKey))).toBe('AuthenticationFailed');
  });

  it('an authentic empty plaintext is refused (not one extrinsic)', () => {
    // Build by hand: encryptShieldBlob refuses empty plaintexts, a hostile client need not.
    const { cipherText, sharedSecret } = ml_kem768.encapsulate(key.publicKey, new Uint8Array(32));
    return import('@noble/ciphers/chacha.js').then(({ xchacha20poly1305 }) => {
      const nonce = new Uint8Array(24);
      const sealed = xchacha20poly1305(sharedSecret, nonce).encrypt(new Uint8Array(0));
      const blob = new Uint8Array([...twox128(key.publicKey), 0x40, 0x04, ...cipherText, ...nonce, ...sealed]);
      expect(codeOf(() => decryptShieldBlob(parseShieldBlob(blob), key.secretKey))).toBe('EmptyPlaintext');
    });
  });

  it('wrong key, randomness and secret lengths are typed errors', () => {
    expect(codeOf(() => shieldKeyHash(new Uint8Array(100)))).toBe('BadPublicKeyLength');
    // Like the clients' "Failed to decode public key": 1184 bytes that are not an ML-KEM key.
    expect(codeOf(() => encryptShieldBlob(new Uint8Array(1184).fill(0xff), Uint8Array.of(1), rnd(1)))).toBe(
      'InvalidPublicKey',
    );
    expect(
      codeOf(() => encryptShieldBlob(key.publicKey, Uint8Array.of(1), { ...rnd(1), nonce: new Uint8Array(12) })),
    ).toBe('BadRandomnessLength');
    expect(codeOf(() => encryptShieldBlob(key.publicKey, new Uint8Array(0), rnd(1)))).toBe('EmptyPlaintext');
    expect(codeOf(() => decryptShieldBlob(parseShieldBlob(good), key.secretKey.subarray(1)))).toBe(
      'BadSecretKeyLength',
    );
    expect(codeOf(() => shieldKeypairFromSeed(new Uint8Array(32)))).toBe('BadRandomnessLength');
    expect(ML_KEM_768.cipherTextBytes).toBe(ml_kem768.lengths.cipherText);
  });
});

describe('twox128 (primitives) agrees with substrate-bindings and the spec', () => {
  it('pallet prefixes from the spec', () => {
    const utf8 = new TextEncoder();
    expect(toHex(twox128(utf8.encode('MevShield')))).toBe('0x9e94fc9ecf3c8d51c7baba39080fb433');
    expect(toHex(twox128(utf8.encode('NextKey')))).toBe('0x9ab50f1d245f1373b95e2a965fa883ac');
    expect(toHex(twox128(utf8.encode('System')))).toBe('0x26aa394eea5630e07c48ae0c9558cef7');
  });

  it('XXH64 reference vectors (xxHash test suite)', () => {
    const utf8 = new TextEncoder();
    expect(xxh64(new Uint8Array(0))).toBe(0xef46db3751d8e999n);
    expect(xxh64(utf8.encode('a'))).toBe(0xd24ec4f1a98c6e5bn);
    expect(xxh64(utf8.encode('abc'))).toBe(0x44bc2cf5ad770999n);
    expect(xxh64(utf8.encode('Nobody inspects the spammish repetition'))).toBe(0xfbcea83c8a378bf1n);
  });
});
