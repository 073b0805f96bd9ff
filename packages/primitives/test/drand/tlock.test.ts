import { describe, expect, it } from 'vitest';
import { toHex } from '../../src/codec/hex.js';
import {
  decodeTlockCiphertext,
  encodeTlockCiphertext,
  QUICKNET_PUBLIC_KEY,
  timelockDecrypt,
  timelockEncrypt,
} from '../../src/drand/index.js';
import { seededEntropy } from '../support/seeded-entropy.js';
import { fixture, hex, quicknetSignature } from './fixtures.js';

const code = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    expect((e as Error).name).toBe('DrandError');
    return (e as { code: string }).code;
  }
  return 'no error';
};

describe('ciphertexts made by bittensor_drand 2.0.0 (the tle crate)', () => {
  it('decrypt with the recorded quicknet signature of their round', () => {
    expect(fixture.pythonCiphertexts.length).toBeGreaterThanOrEqual(3);
    for (const c of fixture.pythonCiphertexts) {
      const opened = timelockDecrypt(hex(c.ciphertext), quicknetSignature(c.round));
      expect(toHex(opened), c.label).toBe(`0x${c.plaintext}`);
    }
  });

  it("do not open with another round's signature", () => {
    const c = fixture.pythonCiphertexts[0];
    if (c === undefined) throw new Error('fixture');
    expect(code(() => timelockDecrypt(hex(c.ciphertext), quicknetSignature(c.round + 1)))).toBe('DecryptionFailed');
  });

  it('the on-chain commit bytes (get_encrypted_commit_v2) parse and re-encode byte for byte', () => {
    const bytes = hex(fixture.pythonOnChainCommit.ciphertext);
    const parsed = decodeTlockCiphertext(bytes);
    expect(parsed.header.v.length).toBe(32);
    expect(parsed.header.w.length).toBe(32);
    expect(parsed.nonce.length).toBe(12);
    expect(new TextDecoder().decode(parsed.cipherSuite)).toBe('AES_GCM_');
    expect(toHex(encodeTlockCiphertext(parsed))).toBe(toHex(bytes));
  });
});

describe('Taonet-made ciphertexts', () => {
  it('the recorded ones (opened by bittensor_drand in compat/python/classic/test_drand_tlock.py) are reproduced exactly', () => {
    for (const c of fixture.tsCiphertexts) {
      const made = timelockEncrypt(
        QUICKNET_PUBLIC_KEY,
        BigInt(c.round),
        hex(c.plaintext ?? ''),
        seededEntropy(c.entropySeed),
      );
      expect(toHex(made), c.label).toBe(`0x${c.ciphertext}`);
      expect(toHex(timelockDecrypt(made, quicknetSignature(c.round)))).toBe(`0x${c.plaintext}`);
    }
  });

  it('round-trip a long message; fresh entropy gives a different ciphertext', () => {
    const msg = new Uint8Array(5000).map((_, i) => (i * 7) & 255);
    const a = timelockEncrypt(QUICKNET_PUBLIC_KEY, 1001n, msg, seededEntropy('a'));
    const b = timelockEncrypt(QUICKNET_PUBLIC_KEY, 1001n, msg, seededEntropy('b'));
    expect(toHex(a)).not.toBe(toHex(b));
    expect(timelockDecrypt(a, quicknetSignature(1001))).toEqual(msg);
    expect(timelockDecrypt(b, quicknetSignature(1001))).toEqual(msg);
  });
});

describe('bad ciphertexts and inputs get typed errors', () => {
  const sig = quicknetSignature(1000);
  const good = timelockEncrypt(QUICKNET_PUBLIC_KEY, 1000n, new TextEncoder().encode('weights'), seededEntropy('bad'));

  it('truncated, garbage and over-long lengths are MalformedCiphertext', () => {
    for (const n of [0, 10, 96, 120, good.length - 1]) {
      expect(
        code(() => timelockDecrypt(good.slice(0, n), sig)),
        `length ${n}`,
      ).toBe('MalformedCiphertext');
    }
    const hugeV = good.slice();
    hugeV.set([0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0], 96);
    expect(code(() => timelockDecrypt(hugeV, sig))).toBe('MalformedCiphertext');
    const notAPoint = good.slice();
    notAPoint[5] = (notAPoint[5] as number) ^ 0x40;
    expect(code(() => timelockDecrypt(notAPoint, sig))).toBe('MalformedCiphertext');
  });

  it('U at infinity (a valid encoding no encryption makes) is DecryptionFailed', () => {
    const atInfinity = good.slice();
    atInfinity.fill(0, 0, 96);
    atInfinity[0] = 0xc0;
    expect(code(() => timelockDecrypt(atInfinity, sig))).toBe('DecryptionFailed');
  });

  it('a flipped bit in V, W or the AES body is DecryptionFailed', () => {
    // V at 104..136, W at 144..176, AES ciphertext after the body and inner length prefixes (192..).
    for (const i of [110, 150, 200]) {
      const bad = good.slice();
      bad[i] = (bad[i] as number) ^ 1;
      expect(
        code(() => timelockDecrypt(bad, sig)),
        `byte ${i}`,
      ).toBe('DecryptionFailed');
    }
  });

  it('bytes after the last field are ignored, as the chain (arkworks reader) ignores them', () => {
    const padded = new Uint8Array(good.length + 8);
    padded.set(good);
    expect(new TextDecoder().decode(timelockDecrypt(padded, sig))).toBe('weights');
  });

  it('a malformed signature, public key or entropy source is refused', () => {
    expect(code(() => timelockDecrypt(good, sig.slice(1)))).toBe('InvalidSignature');
    expect(
      code(() => timelockEncrypt(QUICKNET_PUBLIC_KEY.slice(2), 1000n, new Uint8Array(1), seededEntropy('x'))),
    ).toBe('InvalidPublicKey');
    expect(code(() => timelockEncrypt(QUICKNET_PUBLIC_KEY, 1000n, new Uint8Array(1), () => new Uint8Array(3)))).toBe(
      'InvalidEntropy',
    );
    expect(code(() => timelockEncrypt(QUICKNET_PUBLIC_KEY, 0n, new Uint8Array(1), seededEntropy('x')))).toBe(
      'InvalidRound',
    );
  });
});
