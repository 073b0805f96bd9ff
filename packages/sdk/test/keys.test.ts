/** Keys: mnemonic → keypair (entropy, not seed), URIs, sign/verify, and the secret-key forms. */
import { describe, expect, it } from 'vitest';
import {
  canonicalToHalfEd25519,
  DEV_PHRASE,
  derivePublicSoft,
  entropyMnemonic,
  generateMnemonic,
  halfEd25519ToCanonical,
  junctionChainCode,
  keypairFromMnemonic,
  keypairFromPrivateKey,
  keypairFromPublicKey,
  keypairFromSeed,
  keypairFromSs58,
  keypairFromUri,
  mnemonicEntropy,
  mnemonicToMiniSecret,
  parseSecretUri,
  sr25519Verify,
  toHex,
  utf8,
  validateMnemonic,
} from '../src/index.js';

const OLD_LEOPARD = 'old leopard transfer rib spatial phone calm indicate online fire caution review';
const ALICE = '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY';

describe('mnemonics', () => {
  it('derives the mini-secret from the entropy, not the BIP39 seed', () => {
    expect(toHex(mnemonicToMiniSecret(OLD_LEOPARD))).toBe(
      '0xda3cf5b1e9144931a0f0db65664aab662673b099415a7f8121b7245fb0be4143',
    );
    expect(keypairFromMnemonic(OLD_LEOPARD).ss58Address).toBe('5HDvhV6WDCjCKyrXqGQSDYqQAzkzabNhctmiDYEqgBC66BsX');
  });

  it('tolerates extra whitespace the way the Rust parser does, and stores the normalized phrase', () => {
    const kp = keypairFromMnemonic(`  ${OLD_LEOPARD.replaceAll(' ', '   ')}\n`);
    expect(kp.ss58Address).toBe('5HDvhV6WDCjCKyrXqGQSDYqQAzkzabNhctmiDYEqgBC66BsX');
    expect(kp.mnemonic).toBe(OLD_LEOPARD);
  });

  it('generates valid phrases of every allowed length that round-trip through their entropy', () => {
    for (const words of [12, 15, 18, 21, 24] as const) {
      const m = generateMnemonic(words);
      expect(m.split(' ')).toHaveLength(words);
      expect(validateMnemonic(m)).toBe(true);
      expect(entropyMnemonic(mnemonicEntropy(m))).toBe(m);
    }
  });

  it('rejects bad checksums, unknown words and wrong counts with InvalidMnemonic', () => {
    expect(validateMnemonic(OLD_LEOPARD.replace('review', 'caution'))).toBe(false);
    expect(validateMnemonic(OLD_LEOPARD.replace('old', 'olde'))).toBe(false);
    expect(validateMnemonic('abandon abandon abandon')).toBe(false);
    expect(() => keypairFromMnemonic('abandon abandon abandon')).toThrow(
      expect.objectContaining({ code: 'InvalidMnemonic' }),
    );
  });

  it('uses the passphrase as part of the PBKDF2 salt', () => {
    expect(keypairFromMnemonic(OLD_LEOPARD, 'pw').ss58Address).not.toBe(keypairFromMnemonic(OLD_LEOPARD).ss58Address);
  });
});

describe('secret key forms', () => {
  it('converts canonical ⇄ half-ed25519 losslessly', () => {
    const kp = keypairFromMnemonic(OLD_LEOPARD);
    const half = canonicalToHalfEd25519(kp.privateKey as Uint8Array);
    expect(toHex(half).slice(0, 10)).toBe('0xf8c8a8ec');
    expect(halfEd25519ToCanonical(half)).toEqual(kp.privateKey);
  });

  it('builds the same key from mini-secret, private key and 32/64-byte seeds', () => {
    const kp = keypairFromMnemonic(OLD_LEOPARD);
    expect(keypairFromSeed(kp.miniSecret as Uint8Array).ss58Address).toBe(kp.ss58Address);
    expect(keypairFromSeed(kp.privateKey as Uint8Array).ss58Address).toBe(kp.ss58Address);
    expect(keypairFromPrivateKey(kp.privateKey as Uint8Array).ss58Address).toBe(kp.ss58Address);
    expect(() => keypairFromSeed(new Uint8Array(31))).toThrow(expect.objectContaining({ code: 'InvalidInput' }));
  });
});

describe('sign and verify', () => {
  const alice = keypairFromUri('//Alice');
  const bob = keypairFromUri('//Bob');

  it('round-trips, and signatures are randomized', () => {
    const a = alice.sign('hello');
    const b = alice.sign('hello');
    expect(a).not.toEqual(b);
    expect(alice.verify('hello', a)).toBe(true);
    expect(alice.verify('hello', toHex(b))).toBe(true);
    expect(keypairFromSs58(ALICE).verify('hello', a)).toBe(true);
  });

  it('rejects another message, another signer and every single flipped bit, without throwing', () => {
    const sig = alice.sign('hello');
    expect(alice.verify('hellO', sig)).toBe(false);
    expect(bob.verify('hello', sig)).toBe(false);
    for (const bit of [0, 7, 100, 255, 256, 300, 511]) {
      const t = Uint8Array.from(sig);
      t[bit >> 3] = (t[bit >> 3] as number) ^ (1 << (bit & 7));
      expect(sr25519Verify(utf8('hello'), t, alice.publicKey)).toBe(false);
      expect(alice.verify('hello', t)).toBe(false);
    }
  });

  it('treats malformed signatures as invalid: wrong length, not hex, no 0x', () => {
    expect(alice.verify('hello', new Uint8Array(63))).toBe(false);
    expect(alice.verify('hello', '0xzz')).toBe(false);
    expect(alice.verify('hello', toHex(alice.sign('hello')).slice(2))).toBe(false);
  });

  it('hex-decodes 0x messages as btwallet does, and falls back to the <Bytes> wrapping', () => {
    expect(alice.verify(utf8('hi'), alice.sign('0x6869'))).toBe(true);
    const wrapped = alice.sign('<Bytes>hello bittensor</Bytes>');
    expect(alice.verify('hello bittensor', wrapped)).toBe(true);
    expect(sr25519Verify(utf8('hello bittensor'), wrapped, alice.publicKey)).toBe(false);
  });

  it('refuses to sign with a public-only key', () => {
    const pub = keypairFromPublicKey(alice.publicKey);
    expect(pub.canSign).toBe(false);
    expect(() => pub.sign('x')).toThrow(expect.objectContaining({ code: 'PublicKeyOnly' }));
  });
});

describe('secret URIs', () => {
  it('parses phrase, hard and soft junctions and the password', () => {
    const u = parseSecretUri(`${OLD_LEOPARD}//hard/soft///pass/word`);
    expect(u.phrase).toBe(OLD_LEOPARD);
    expect(u.path.map((j) => [j.hard, j.code])).toEqual([
      [true, 'hard'],
      [false, 'soft'],
    ]);
    expect(u.password).toBe('pass/word');
    expect(parseSecretUri('//Alice').phrase).toBe(DEV_PHRASE);
  });

  it('encodes numeric junctions as u64 LE and long ones as their BLAKE2b-256', () => {
    expect(toHex(junctionChainCode('1')).slice(0, 18)).toBe('0x0100000000000000');
    expect(toHex(junctionChainCode('Alice')).slice(0, 14)).toBe('0x14416c696365');
    // 2^64 no longer fits a u64, so it is a string junction.
    expect(toHex(junctionChainCode('18446744073709551616')).slice(0, 4)).toBe('0x50');
    expect(junctionChainCode('x'.repeat(40))).toHaveLength(32);
  });

  it('derives //Alice from the dev phrase and accepts a hex mini-secret root', () => {
    expect(keypairFromUri('//Alice').ss58Address).toBe(ALICE);
    expect(keypairFromUri(`${DEV_PHRASE}//Alice`).ss58Address).toBe(ALICE);
    const seed = toHex(keypairFromUri(OLD_LEOPARD).miniSecret as Uint8Array);
    expect(keypairFromUri(`${seed}//Alice`).ss58Address).toBe(keypairFromUri(`${OLD_LEOPARD}//Alice`).ss58Address);
  });

  it('soft-derives a public key without the secret (watch-only) to the same key', () => {
    const parent = keypairFromUri('//Alice');
    const child = keypairFromUri('//Alice/child');
    expect(derivePublicSoft(parent.publicKey, junctionChainCode('child'))).toEqual(child.publicKey);
    expect(child.verify('m', child.sign('m'))).toBe(true);
  });

  it('rejects malformed URIs and seeds without echoing the phrase', () => {
    expect(() => keypairFromUri('0x1234//a')).toThrow(expect.objectContaining({ code: 'InvalidUri' }));
    try {
      keypairFromUri(`${OLD_LEOPARD}!//x`);
      expect.unreachable();
    } catch (e) {
      expect((e as Error).message).not.toContain('leopard');
    }
  });
});
