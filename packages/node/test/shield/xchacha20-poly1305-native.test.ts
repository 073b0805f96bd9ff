import { randomBytes } from 'node:crypto';
import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { toHex } from '@taonet/primitives';
import { describe, expect, it } from 'vitest';
import { openXChaCha20Poly1305 } from '../../src/shield/xchacha20-poly1305-native.js';

const bytes = (n: number) => new Uint8Array(randomBytes(n));

describe('native XChaCha20-Poly1305 opening against noble', () => {
  it('opens what noble seals, for lengths 0 to 300 and for keys and nonces at odd offsets', () => {
    for (let len = 0; len <= 300; len += 7) {
      const key = bytes(32);
      const nonce = bytes(24);
      const plaintext = bytes(len);
      const sealed = xchacha20poly1305(key, nonce).encrypt(plaintext);
      expect(toHex(openXChaCha20Poly1305(key, nonce, sealed))).toBe(toHex(plaintext));
      const shifted = new Uint8Array(1 + 32 + 24 + sealed.length);
      shifted.set(key, 1);
      shifted.set(nonce, 33);
      shifted.set(sealed, 57);
      const opened = openXChaCha20Poly1305(shifted.subarray(1, 33), shifted.subarray(33, 57), shifted.subarray(57));
      expect(toHex(opened)).toBe(toHex(plaintext));
    }
  });

  it('refuses a flipped bit anywhere, a wrong key or nonce, and bad sizes, as noble does', () => {
    const key = bytes(32);
    const nonce = bytes(24);
    const sealed = xchacha20poly1305(key, nonce).encrypt(bytes(146));
    for (const at of [0, 73, sealed.length - 17, sealed.length - 16, sealed.length - 1]) {
      const bad = sealed.slice();
      bad[at] = (bad[at] as number) ^ 0x10;
      expect(() => xchacha20poly1305(key, nonce).decrypt(bad)).toThrow();
      expect(() => openXChaCha20Poly1305(key, nonce, bad)).toThrow();
    }
    const otherNonce = nonce.slice();
    otherNonce[3] = (otherNonce[3] as number) ^ 1; // in the HChaCha20 part
    expect(() => openXChaCha20Poly1305(key, otherNonce, sealed)).toThrow();
    const otherTail = nonce.slice();
    otherTail[20] = (otherTail[20] as number) ^ 1; // in the IETF nonce part
    expect(() => openXChaCha20Poly1305(key, otherTail, sealed)).toThrow();
    expect(() => openXChaCha20Poly1305(bytes(32), nonce, sealed)).toThrow();
    expect(() => openXChaCha20Poly1305(key.subarray(1), nonce, sealed)).toThrow(RangeError);
    expect(() => openXChaCha20Poly1305(key, nonce.subarray(1), sealed)).toThrow(RangeError);
    expect(() => openXChaCha20Poly1305(key, nonce, sealed.subarray(0, 15))).toThrow(RangeError);
  });
});
