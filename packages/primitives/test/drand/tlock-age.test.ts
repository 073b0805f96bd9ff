import { createHash } from 'node:crypto';
import { sha256 } from '@noble/hashes/sha2.js';
import { hkdf } from '@noble/hashes/hkdf.js';
import { hmac } from '@noble/hashes/hmac.js';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toBase64, tryFromBase64 } from '../../src/codec/base64.js';
import {
  decodeBeaconSignature,
  decodeTlockCiphertext,
  ibeDecrypt,
  ibeDecryptDrand,
  parseTlockAge,
  QUICKNET_CHAIN_HASH,
  QUICKNET_PUBLIC_KEY,
  tlockAgeDecrypt,
  verifyRoundSignature,
} from '../../src/drand/index.js';
import { fixture, hex, quicknetSignature } from './fixtures.js';

interface AgeFile {
  label: string;
  round: number;
  plaintext?: string;
  plaintextLength?: number;
  plaintextSha256?: string;
  armored: string;
}
const age = JSON.parse(readFileSync(new URL('../fixtures/tlock-age.json', import.meta.url), 'utf8')) as {
  tlockJs: { chainHash: string; files: AgeFile[] };
  drandGo: { round: number; chainHash: string; signature: string; plaintext: string; armored: string };
};

const code = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    expect((e as Error).name).toBe('DrandError');
    return (e as { code: string }).code;
  }
  return 'no error';
};

const file = (i: number): AgeFile => {
  const f = age.tlockJs.files[i];
  if (f === undefined) throw new Error('fixture');
  return f;
};
const short = file(0);
const twoChunks = age.tlockJs.files.find((f) => f.label.startsWith('two STREAM chunks')) as AgeFile;

/** The binary age file inside the armor (decoded independently of the reader). */
const binary = (armored: string): Uint8Array =>
  new Uint8Array(Buffer.from(armored.replace(/-----[A-Z ]+-----/g, '').replace(/\s/g, ''), 'base64'));
const ascii = (s: string): Uint8Array => new TextEncoder().encode(s);
const asText = (b: Uint8Array): string => Buffer.from(b).toString('latin1');
/** Offset of the payload: just past the `--- <mac>\n` line. */
const payloadStart = (b: Uint8Array): number => b.indexOf(0x0a, asText(b).indexOf('\n--- ') + 1) + 1;
const flip = (b: Uint8Array, at: number): Uint8Array => {
  const c = b.slice();
  c[at] = (c[at] as number) ^ 1;
  return c;
};
/** Rewrites the header text (for malformed-header cases; the MAC no longer matters there). */
const rewriteHeader = (b: Uint8Array, edit: (header: string) => string): Uint8Array => {
  const p = payloadStart(b);
  return new Uint8Array([...ascii(edit(asText(b.subarray(0, p)))), ...b.subarray(p)]);
};

describe('age/tlock files made by tlock-js 0.9.0', () => {
  it("decrypt with drand quicknet's published signature of their round", () => {
    expect(age.tlockJs.files.length).toBe(5);
    for (const f of age.tlockJs.files) {
      const out = tlockAgeDecrypt(f.armored, quicknetSignature(f.round), {
        round: BigInt(f.round),
        chainHash: QUICKNET_CHAIN_HASH,
      });
      expect(out.round).toBe(BigInt(f.round));
      expect(out.chainHash).toBe(age.tlockJs.chainHash);
      if (f.plaintext !== undefined) expect(Buffer.from(out.plaintext).toString('hex'), f.label).toBe(f.plaintext);
      else {
        expect(out.plaintext.length, f.label).toBe(f.plaintextLength);
        expect(createHash('sha256').update(out.plaintext).digest('hex'), f.label).toBe(f.plaintextSha256);
      }
    }
  });

  it('decrypt the same from the binary (de-armored) form and from armored bytes', () => {
    const sig = quicknetSignature(short.round);
    const expected = hex(short.plaintext as string);
    expect(tlockAgeDecrypt(binary(short.armored), sig).plaintext).toEqual(expected);
    expect(tlockAgeDecrypt(ascii(`\n  ${short.armored}\n`), sig).plaintext).toEqual(expected);
  });
});

describe('other recipients', () => {
  it('a stanza of another type beside the tlock one is skipped, as age skips recipients it cannot open', () => {
    const sig = quicknetSignature(short.round);
    const b = binary(short.armored);
    const fileKey = ibeDecryptDrand(decodeBeaconSignature(sig), parseTlockAge(b).ibe);
    const macKey = hkdf(sha256, fileKey, new Uint8Array(0), ascii('header'), 32);
    const withOther = rewriteHeader(b, (h) => {
      const grown = h.replace('-> tlock', '-> X25519 c29tZWtleQ\nAAECAwQ\n-> tlock');
      const macInput = grown.slice(0, grown.indexOf('\n--- ') + 4);
      return `${macInput} ${toBase64(hmac(sha256, macKey, ascii(macInput)), false)}\n`;
    });
    expect(tlockAgeDecrypt(withOther, sig).plaintext).toEqual(hex(short.plaintext as string));
    // The same edit without a new MAC is caught.
    const unsigned = rewriteHeader(b, (h) => h.replace('-> tlock', '-> X25519 c29tZWtleQ\nAAECAwQ\n-> tlock'));
    expect(code(() => tlockAgeDecrypt(unsigned, sig))).toBe('HeaderMacMismatch');
  });
});

describe("drand's published tlock vector (drand/tlock tlock_test.go)", () => {
  it('its signature is quicknet’s for its round, and it opens to "hello world"', () => {
    const g = age.drandGo;
    expect(verifyRoundSignature(QUICKNET_PUBLIC_KEY, BigInt(g.round), hex(g.signature))).toBe(true);
    const out = tlockAgeDecrypt(g.armored, hex(g.signature), { chainHash: `0x${QUICKNET_CHAIN_HASH}` });
    expect(out.round).toBe(12040883n);
    expect(new TextDecoder().decode(out.plaintext)).toBe('hello world');
  });
});

describe('the wrong round or beacon', () => {
  it("another round's signature fails the IBE check", () => {
    expect(code(() => tlockAgeDecrypt(short.armored, quicknetSignature(short.round + 1)))).toBe('DecryptionFailed');
  });

  it('an expected round or chain hash that differs is refused before decryption', () => {
    const sig = quicknetSignature(short.round);
    expect(code(() => tlockAgeDecrypt(short.armored, sig, { round: BigInt(short.round + 1) }))).toBe('RoundMismatch');
    expect(code(() => tlockAgeDecrypt(short.armored, sig, { chainHash: 'ab'.repeat(32) }))).toBe('ChainHashMismatch');
  });

  it('a signature that is not a G1 point is refused', () => {
    expect(code(() => tlockAgeDecrypt(short.armored, new Uint8Array(48)))).toBe('InvalidSignature');
  });
});

describe('tampered files', () => {
  const sig = quicknetSignature(short.round);
  const b = binary(short.armored);
  const p = payloadStart(b);
  const body = parseTlockAge(b);

  it('a flipped payload byte, a cut or an extended payload fail authentication', () => {
    expect(code(() => tlockAgeDecrypt(flip(b, b.length - 1), sig))).toBe('PayloadAuthenticationFailed');
    expect(code(() => tlockAgeDecrypt(flip(b, p), sig))).toBe('PayloadAuthenticationFailed'); // the nonce
    expect(code(() => tlockAgeDecrypt(new Uint8Array([...b, 0]), sig))).toBe('PayloadAuthenticationFailed');
    const two = binary(twoChunks.armored);
    const cut = two.subarray(0, payloadStart(two) + 16 + 65536 + 16); // only the first, full chunk
    expect(code(() => tlockAgeDecrypt(cut, quicknetSignature(twoChunks.round)))).toBe('PayloadAuthenticationFailed');
  });

  it('a changed header MAC is refused', () => {
    const macLine = asText(b).indexOf('\n--- ') + 5;
    const mac = tryFromBase64(asText(b.subarray(macLine, p - 1)), false) as Uint8Array;
    const forged = rewriteHeader(b, (h) => h.replace(/--- .*\n$/, `--- ${toBase64(flip(mac, 0), false)}\n`));
    expect(code(() => tlockAgeDecrypt(forged, sig))).toBe('HeaderMacMismatch');
  });

  it('a flipped V or W, or U swapped for another valid point, fails the IBE check', () => {
    const s = decodeBeaconSignature(sig);
    expect(code(() => ibeDecryptDrand(s, { ...body.ibe, v: flip(body.ibe.v, 3) }))).toBe('DecryptionFailed');
    expect(code(() => ibeDecryptDrand(s, { ...body.ibe, w: flip(body.ibe.w, 15) }))).toBe('DecryptionFailed');
    expect(code(() => ibeDecryptDrand(s, { ...body.ibe, u: body.ibe.u.double() }))).toBe('DecryptionFailed');
  });

  it('a stanza moved to another round does not open with that round’s signature', () => {
    const moved = rewriteHeader(b, (h) => h.replace(`tlock ${short.round} `, `tlock ${short.round + 1} `));
    expect(parseTlockAge(moved).round).toBe(BigInt(short.round + 1));
    expect(code(() => tlockAgeDecrypt(moved, quicknetSignature(short.round + 1)))).toBe('DecryptionFailed');
  });
});

describe('malformed files are refused with MalformedAgeFile or NoTlockStanza', () => {
  const b = binary(short.armored);
  const sig = quicknetSignature(short.round);
  const refused = (bytes: Uint8Array | string): string => code(() => tlockAgeDecrypt(bytes, sig));

  it('header faults', () => {
    expect(refused(rewriteHeader(b, (h) => h.replace('age-encryption.org/v1', 'age-encryption.org/v2')))).toBe(
      'MalformedAgeFile',
    );
    expect(refused(rewriteHeader(b, (h) => h.replace('-> tlock', '-> X25519')))).toBe('NoTlockStanza');
    expect(refused(rewriteHeader(b, (h) => h.replace(`tlock ${short.round} `, 'tlock 0 ')))).toBe('MalformedAgeFile');
    expect(refused(rewriteHeader(b, (h) => h.replace(`tlock ${short.round} `, `tlock 0${short.round} `)))).toBe(
      'MalformedAgeFile',
    );
    expect(refused(rewriteHeader(b, (h) => h.replace(QUICKNET_CHAIN_HASH, QUICKNET_CHAIN_HASH.toUpperCase())))).toBe(
      'MalformedAgeFile',
    );
    expect(refused(rewriteHeader(b, (h) => h.replace(` ${QUICKNET_CHAIN_HASH}`, '')))).toBe('MalformedAgeFile');
    expect(refused(b.subarray(0, payloadStart(b) - 2))).toBe('MalformedAgeFile'); // cut inside the MAC line
    expect(refused(ascii('age-encryption.org/v1\n--- AAAA\n'))).toBe('MalformedAgeFile');
    expect(refused(asText(b))).toBe('MalformedAgeFile'); // a binary file passed as a string
  });

  it('a stanza body that is not 128 bytes of canonical base64', () => {
    // The body's last line ends in a character with unused low bits: make them non-zero.
    const lines = asText(b).split('\n');
    const last = lines[4] as string; // 128 bytes are 171 characters: lines of 64, 64 and 43
    expect(last.length).toBe(43);
    const bumped = last.slice(0, -1) + String.fromCharCode(last.charCodeAt(last.length - 1) + 1);
    expect(refused(rewriteHeader(b, (h) => h.replace(`\n${last}\n`, `\n${bumped}\n`)))).toBe('MalformedAgeFile');
    expect(refused(rewriteHeader(b, (h) => h.replace(`\n${last}\n`, `\n${last.slice(0, -4)}\n`)))).toBe(
      'MalformedAgeFile',
    );
  });

  it('tlock-js’s empty-plaintext output (a nonce and no chunk) is not an age payload', () => {
    expect(refused(b.subarray(0, payloadStart(b) + 16))).toBe('MalformedAgeFile');
  });

  it('armor faults', () => {
    const lines = short.armored.trim().split('\n');
    expect(refused(lines.slice(0, -1).join('\n'))).toBe('MalformedAgeFile'); // no END marker
    const joined = [lines[0], `${lines[1]}${(lines[2] as string).slice(0, 1)}`, (lines[2] as string).slice(1)];
    expect(refused([...joined, ...lines.slice(3)].join('\n'))).toBe('MalformedAgeFile'); // a 65-column line
    expect(refused(short.armored.replace(/=+\n-----END/, '\n-----END'))).toBe('MalformedAgeFile'); // padding dropped
  });
});

describe('the two timelock formats are not interchangeable', () => {
  it("tle's hash set does not open drand's 16-byte stanza, nor kyber's open tle's header", () => {
    const s = decodeBeaconSignature(quicknetSignature(short.round));
    expect(code(() => ibeDecrypt(s, parseTlockAge(short.armored).ibe))).toBe('MalformedCiphertext');
    const tle = fixture.pythonCiphertexts[0];
    if (tle === undefined) throw new Error('fixture');
    const header = decodeTlockCiphertext(hex(tle.ciphertext)).header;
    const sig = decodeBeaconSignature(quicknetSignature(tle.round));
    expect(ibeDecrypt(sig, header).length).toBe(32);
    expect(code(() => ibeDecryptDrand(sig, header))).toBe('DecryptionFailed');
  });
});

describe('strict base64', () => {
  it('round-trips and refuses non-canonical text', () => {
    for (let n = 0; n < 8; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => i * 77 + 5);
      expect(toBase64(bytes, true)).toBe(Buffer.from(bytes).toString('base64'));
      expect(tryFromBase64(toBase64(bytes, true), true)).toEqual(bytes);
      expect(tryFromBase64(toBase64(bytes, false), false)).toEqual(bytes);
    }
    expect(tryFromBase64('AB==', true)).toBeNull(); // non-zero unused bits
    expect(tryFromBase64('AA', true)).toBeNull();
    expect(tryFromBase64('AA==', false)).toBeNull();
    expect(tryFromBase64('A', false)).toBeNull();
    expect(tryFromBase64('A-==', true)).toBeNull();
  });
});
