/**
 * Writes vectors/drand-tlock.json from recorded public data (packages/primitives/test/fixtures/
 * drand-quicknet.json): drand quicknet's published pulses and the walkthrough test beacon of
 * drand's client tests, checked against their chains' keys; ciphertexts made by the real
 * bittensor_drand (the `tle` crate subtensor decrypts with) opened with quicknet's recorded round
 * signatures; Taonet's own ciphertexts (which test_drand_tlock.py opens with bittensor_drand); and
 * the refusals (a tampered pulse, the wrong round's signature, a cut ciphertext); and drand's own
 * tlock format (age files, fixtures/tlock-age.json): files made by tlock-js and drand/tlock's
 * published quicknet vector, opened with quicknet signatures, with their refusals. Expected values
 * are the recorded plaintexts and drand's published data, not this implementation's output; the
 * handlers are run here once before writing.
 *
 *   npx tsx packages/conformance/src/generate/drand-tlock-vectors.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { deepStrictEqual } from 'node:assert/strict';
import { createHash } from 'node:crypto';
import type { Json, JsonObject } from '../codec.js';
import { drandHandlers } from '../handlers/drand.js';

const FIXTURE = new URL('../../../primitives/test/fixtures/drand-quicknet.json', import.meta.url);
const AGE_FIXTURE = new URL('../../../primitives/test/fixtures/tlock-age.json', import.meta.url);
const OUT = new URL('../../../../vectors/drand-tlock.json', import.meta.url);

interface Pulse {
  round: number;
  signature: string;
  randomness?: string;
}
interface Ct {
  label: string;
  round: number;
  plaintext: string;
  ciphertext: string;
}
const fx = JSON.parse(readFileSync(FIXTURE, 'utf8')) as {
  quicknet: { publicKey: string; pulses: Pulse[]; source: string };
  walkthrough: { publicKey: string; pulse: Pulse; source: string };
  pythonCiphertexts: Ct[];
  tsCiphertexts: Ct[];
};
interface AgeFile {
  label: string;
  round: number;
  plaintext?: string;
  plaintextLength?: number;
  plaintextSha256?: string;
  armored: string;
}
const age = JSON.parse(readFileSync(AGE_FIXTURE, 'utf8')) as {
  tlockJs: { source: string; chainHash: string; files: AgeFile[] };
  drandGo: { source: string; round: number; chainHash: string; signature: string; plaintext: string; armored: string };
};
const sig = (round: number): string => {
  const p = fx.quicknet.pulses.find((x) => x.round === round);
  if (p === undefined) throw new Error(`no recorded quicknet pulse ${round}`);
  return p.signature;
};
const randomnessOf = async (signature: string): Promise<string> => {
  const { sha256 } = await import('@noble/hashes/sha2.js');
  return Buffer.from(sha256(Buffer.from(signature, 'hex'))).toString('hex');
};

const cases: JsonObject[] = [];
const add = (name: string, fn: string, input: JsonObject, expected: JsonObject, note: string) =>
  cases.push({ name, fn, input, expected, note });

for (const p of fx.quicknet.pulses) {
  const input = {
    public_key: fx.quicknet.publicKey,
    round: String(p.round),
    signature: p.signature,
    randomness: p.randomness ?? (await randomnessOf(p.signature)),
  };
  add(
    `quicknet pulse ${p.round} verifies`,
    'drand_verify_pulse',
    input,
    { valid: true },
    `source: ${fx.quicknet.source}${p.randomness === undefined ? ' (randomness = sha256(signature), as drand serves it)' : ''}`,
  );
}
const w = fx.walkthrough.pulse;
add(
  `walkthrough beacon round ${w.round} verifies`,
  'drand_verify_pulse',
  {
    public_key: fx.walkthrough.publicKey,
    round: String(w.round),
    signature: w.signature,
    randomness: w.randomness ?? (await randomnessOf(w.signature)),
  },
  { valid: true },
  `source: ${fx.walkthrough.source}`,
);
const p0 = fx.quicknet.pulses[0] as Pulse;
const p1 = fx.quicknet.pulses[1] as Pulse;
add(
  'quicknet: round 1000 with round 1001’s signature is refused',
  'drand_verify_pulse',
  {
    public_key: fx.quicknet.publicKey,
    round: '1000',
    signature: p1.signature,
    randomness: await randomnessOf(p1.signature),
  },
  { valid: false, error: 'SignatureMismatch' },
  `source: derived from ${fx.quicknet.source}`,
);
add(
  'quicknet: a pulse whose randomness is not sha256(signature) is refused',
  'drand_verify_pulse',
  { public_key: fx.quicknet.publicKey, round: '1000', signature: p0.signature, randomness: '00'.repeat(32) },
  { valid: false, error: 'RandomnessMismatch' },
  `source: derived from ${fx.quicknet.source}`,
);
add(
  'quicknet pulse under the walkthrough beacon’s key is refused',
  'drand_verify_pulse',
  {
    public_key: fx.walkthrough.publicKey,
    round: '1000',
    signature: p0.signature,
    randomness: await randomnessOf(p0.signature),
  },
  { valid: false, error: 'SignatureMismatch' },
  `source: derived from ${fx.quicknet.source}`,
);

for (const c of fx.pythonCiphertexts.filter((x) => x.round <= 1002)) {
  add(
    `bittensor_drand ciphertext to quicknet round ${c.round}: ${c.label}`,
    'tlock_decrypt',
    { ciphertext: c.ciphertext, signature: sig(c.round) },
    { plaintext: c.plaintext },
    'source: made by bittensor_drand 2.0.0 (tle crate, as subtensor decrypts), opened with drand quicknet’s published signature',
  );
}
for (const c of fx.tsCiphertexts) {
  add(
    `Taonet ciphertext to quicknet round ${c.round}: ${c.label}`,
    'tlock_decrypt',
    { ciphertext: c.ciphertext, signature: sig(c.round) },
    { plaintext: c.plaintext },
    'source: made by Taonet’s primitives (seeded entropy); bittensor_drand opens it too (compat/python/classic/test_drand_tlock.py)',
  );
}
const first = fx.pythonCiphertexts[0] as Ct;
add(
  'the wrong round’s signature does not open a ciphertext',
  'tlock_decrypt',
  { ciphertext: first.ciphertext, signature: sig(first.round + 1) },
  { error: 'DecryptionFailed' },
  'source: derived (bittensor_drand ciphertext, another quicknet round’s signature)',
);
add(
  'a cut ciphertext is malformed',
  'tlock_decrypt',
  { ciphertext: first.ciphertext.slice(0, 100), signature: sig(first.round) },
  { error: 'MalformedCiphertext' },
  'source: derived (bittensor_drand ciphertext cut to 50 bytes)',
);

const sha256Hex = (b: Buffer): string => createHash('sha256').update(b).digest('hex');
const opened = (round: number, plaintext: Buffer): JsonObject => ({
  round: String(round),
  chain_hash: age.tlockJs.chainHash,
  ...(plaintext.length <= 1024 ? { plaintext: plaintext.toString('hex') } : {}),
  plaintext_length: plaintext.length,
  plaintext_sha256: sha256Hex(plaintext),
});
const tlockJsNote = `source: ${age.tlockJs.source}`;
for (const f of age.tlockJs.files) {
  const expected =
    f.plaintext !== undefined
      ? opened(f.round, Buffer.from(f.plaintext, 'hex'))
      : {
          round: String(f.round),
          chain_hash: age.tlockJs.chainHash,
          plaintext_length: f.plaintextLength as number,
          plaintext_sha256: f.plaintextSha256 as string,
        };
  add(
    `tlock-js age file to quicknet round ${f.round}: ${f.label}`,
    'tlock_age_decrypt',
    { armored: f.armored, signature: sig(f.round), round: String(f.round), chain_hash: age.tlockJs.chainHash },
    expected,
    tlockJsNote,
  );
}
const g = age.drandGo;
add(
  `drand/tlock published vector: quicknet round ${g.round}, "hello world"`,
  'tlock_age_decrypt',
  { armored: g.armored, signature: g.signature },
  opened(g.round, Buffer.from(g.plaintext, 'hex')),
  `source: ${g.source}`,
);
const small = age.tlockJs.files[0] as AgeFile;
const bin = Buffer.from(small.armored.replace(/-----[A-Z ]+-----/g, '').replace(/\s/g, ''), 'base64');
add(
  `tlock-js age file to quicknet round ${small.round}, binary (de-armored)`,
  'tlock_age_decrypt',
  { binary: bin.toString('hex'), signature: sig(small.round) },
  opened(small.round, Buffer.from(small.plaintext as string, 'hex')),
  `${tlockJsNote}; de-armored with standard base64`,
);
add(
  'an age/tlock file does not open with another round’s signature',
  'tlock_age_decrypt',
  { armored: small.armored, signature: sig(small.round + 1) },
  { error: 'DecryptionFailed' },
  `derived: ${tlockJsNote}, another quicknet round’s signature`,
);
add(
  'an age/tlock file expected at another round is refused',
  'tlock_age_decrypt',
  { armored: small.armored, signature: sig(small.round), round: String(small.round + 1) },
  { error: 'RoundMismatch' },
  `derived: ${tlockJsNote}`,
);
add(
  'an age/tlock file for another beacon’s chain hash is refused',
  'tlock_age_decrypt',
  { armored: small.armored, signature: sig(small.round), chain_hash: 'ab'.repeat(32) },
  { error: 'ChainHashMismatch' },
  `derived: ${tlockJsNote}`,
);
const tamperedPayload = Buffer.from(bin);
tamperedPayload.writeUInt8(tamperedPayload.readUInt8(tamperedPayload.length - 1) ^ 1, tamperedPayload.length - 1);
add(
  'an age/tlock file with a flipped payload byte fails authentication',
  'tlock_age_decrypt',
  { binary: tamperedPayload.toString('hex'), signature: sig(small.round) },
  { error: 'PayloadAuthenticationFailed' },
  `derived: ${tlockJsNote}, last byte flipped`,
);
const macAt = bin.indexOf('\n--- ') + 5;
const tamperedMac = Buffer.from(bin);
tamperedMac[macAt] = tamperedMac[macAt] === 0x41 ? 0x42 : 0x41;
add(
  'an age/tlock file with a changed header MAC is refused',
  'tlock_age_decrypt',
  { binary: tamperedMac.toString('hex'), signature: sig(small.round) },
  { error: 'HeaderMacMismatch' },
  `derived: ${tlockJsNote}, first MAC character changed`,
);
const pythonTle = fx.pythonCiphertexts[0] as Ct;
add(
  'subtensor’s tle bytes are not an age file',
  'tlock_age_decrypt',
  { binary: pythonTle.ciphertext, signature: sig(pythonTle.round) },
  { error: 'MalformedAgeFile' },
  'derived: a bittensor_drand 2.0.0 ciphertext given to the age reader',
);

for (const c of cases) {
  const h = drandHandlers[c.fn as string];
  if (h === undefined) throw new Error(`no handler ${c.fn}`);
  deepStrictEqual(h(c.input as JsonObject, c.expected as Json), c.expected, c.name as string);
}
const file = {
  suite: 'drand-tlock',
  source:
    'drand quicknet (bls-unchained-g1-rfc9380) published pulses and chain info; drand client tests’ walkthrough beacon; ciphertexts from bittensor_drand 2.0.0 (tle) and Taonet; age/tlock files from tlock-js 0.9.0 and drand/tlock’s published test vector',
  cases,
};
writeFileSync(OUT, `${JSON.stringify(file, null, 1)}\n`);
console.log(`wrote ${cases.length} cases to ${OUT.pathname}`);
