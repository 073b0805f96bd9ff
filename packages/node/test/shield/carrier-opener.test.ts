import { readFileSync } from 'node:fs';
import { encryptShieldBlob, fromHex, ShieldBlobError, scaleCompact, toHex } from '@taonet/primitives';
import { beforeAll, describe, expect, it } from 'vitest';
import { type AuthorKeyringOptions, AuthorKeyring } from '../../src/shield/author-keyring.js';
import { isOneLengthPrefixedItem, openCarrier } from '../../src/shield/carrier-opener.js';
import { fastShieldDecrypter } from '../../src/shield/fast-shield-decrypter.js';
import { initShieldKem } from '../../src/shield/ml-kem-wasm.js';

// Blobs the Python clients encrypted to the fixture key (packages/primitives/test/shield/).
interface Fixture {
  keygenSeed: string;
  publicKey: string;
  clientBlobs: { client: string; label: string; plaintext: string; blob: string }[];
}
const fx = JSON.parse(
  readFileSync(new URL('../../../primitives/test/fixtures/shield-blobs.json', import.meta.url), 'utf8'),
) as Fixture;

beforeAll(() => initShieldKem());

/** A keyring whose first announced key is the fixture key, visible as NextKey at block 2. */
function fixtureRing(window: number, decrypter?: AuthorKeyringOptions['decrypter']): AuthorKeyring {
  const seeds = [fromHex(fx.keygenSeed)];
  const ring = new AuthorKeyring({
    window,
    randomBytes: (n) => seeds.shift() ?? new Uint8Array(n).fill(1),
    ...(decrypter === undefined ? {} : { decrypter }),
  });
  expect(toHex(ring.announce(1))).toBe(fx.publicKey);
  ring.observe(2, fromHex(fx.publicKey));
  return ring;
}

const rnd = { encapsulation: new Uint8Array(32).fill(3), nonce: new Uint8Array(24).fill(4) };

// The node opens carriers with its fast decrypter; noble is the reference: both must decide alike.
describe.each([
  ['noble', undefined],
  ['the node’s fast decrypter (liboqs wasm, native AEAD)', fastShieldDecrypter],
] as const)('openCarrier on real client blobs, with %s', (_name, decrypter) => {
  const fixtureKeyring = (window: number) => fixtureRing(window, decrypter);
  it.each(fx.clientBlobs.map((b) => [b.client, b.label, b] as const))('%s, %s', (_c, label, b) => {
    const ring = fixtureKeyring(8);
    const out = openCarrier(ring, fromHex(b.blob), 4);
    if (label === 'one byte') {
      // 0x2a claims a 10-byte extrinsic: it opens, but is not one extrinsic.
      expect(out).toEqual({ action: 'carrier-only', reason: 'NotOneExtrinsic' });
    } else {
      expect(out.action).toBe('open');
      if (out.action === 'open') expect(toHex(out.inner)).toBe(b.plaintext);
    }
  });

  it('outside the window, after a restart or for a foreign key: skip', () => {
    const b = fx.clientBlobs[1];
    if (b === undefined) throw new Error('fixture');
    expect(openCarrier(fixtureKeyring(2), fromHex(b.blob), 5)).toEqual({ action: 'skip' });
    expect(openCarrier(new AuthorKeyring({ window: 8 }), fromHex(b.blob), 4)).toEqual({ action: 'skip' });
    const tampered = fromHex(b.blob);
    tampered.fill(0xff, 0, 16);
    expect(openCarrier(fixtureKeyring(8), tampered, 4)).toEqual({ action: 'skip' });
  });

  it('right key, flipped tag or short KEM part: the carrier only', () => {
    const b = fx.clientBlobs[1];
    if (b === undefined) throw new Error('fixture');
    const flipped = fromHex(b.blob);
    flipped[flipped.length - 1] = (flipped[flipped.length - 1] ?? 0) ^ 1;
    expect(openCarrier(fixtureKeyring(8), flipped, 4)).toEqual({
      action: 'carrier-only',
      reason: 'AuthenticationFailed',
    });
    const header = fromHex(b.blob).subarray(0, 16);
    const shortKem = new Uint8Array([...header, 4, 0, 1, 2, 3, 4, ...new Uint8Array(24), ...new Uint8Array(20)]);
    expect(openCarrier(fixtureKeyring(8), shortKem, 4)).toEqual({
      action: 'carrier-only',
      reason: 'BadKemCiphertextLength',
    });
  });

  it('garbage plaintext under the right key: the carrier only', () => {
    const garbage = encryptShieldBlob(fromHex(fx.publicKey), Uint8Array.of(0xff, 0xff, 0xff), rnd);
    expect(openCarrier(fixtureKeyring(8), garbage, 4)).toEqual({ action: 'carrier-only', reason: 'NotOneExtrinsic' });
  });

  it('an unparseable blob is a ShieldBlobError (the pool refuses it first)', () => {
    expect(() => openCarrier(fixtureKeyring(8), new Uint8Array(5), 4)).toThrow(ShieldBlobError);
  });
});

describe('one length-prefixed extrinsic', () => {
  const item = (n: number) => new Uint8Array([...scaleCompact(n), ...new Uint8Array(n).fill(1)]);
  it('accepts every compact mode with the exact length', () => {
    for (const n of [1, 63, 64, 143, 16_383, 16_384]) expect(isOneLengthPrefixedItem(item(n))).toBe(true);
  });
  it('refuses empty, zero-length, short, trailing and non-canonical prefixes', () => {
    expect(isOneLengthPrefixedItem(new Uint8Array(0))).toBe(false);
    expect(isOneLengthPrefixedItem(Uint8Array.of(0))).toBe(false);
    expect(isOneLengthPrefixedItem(item(10).subarray(0, 10))).toBe(false);
    expect(isOneLengthPrefixedItem(new Uint8Array([...item(10), 0]))).toBe(false);
    // 5 in two-byte mode: (5 << 2) | 1 = 0x15, 0x00.
    expect(isOneLengthPrefixedItem(Uint8Array.of(0x15, 0, 1, 1, 1, 1, 1))).toBe(false);
    expect(isOneLengthPrefixedItem(Uint8Array.of(0x03, 0, 0, 0, 0x40))).toBe(false);
  });
});
