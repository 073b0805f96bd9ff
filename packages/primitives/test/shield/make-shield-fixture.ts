/**
 * Regenerates test/fixtures/shield-blobs.json: an ML-KEM-768 key made here from a fixed seed, blobs
 * the real Python clients encrypted to it (bittensor_drand 2.0.0 for btcli and bittensor 10.5,
 * bittensor_core 0.1.5 for bittensor 11.3), and blobs Taonet made with fixed randomness.
 *
 *   npx tsx packages/primitives/test/shield/make-shield-fixture.ts [venv root]
 *
 * The venvs are only read (no bytecode is written into them).
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { toHex } from '../../src/codec/hex.js';
import { encryptShieldBlob, shieldKeypairFromSeed } from '../../src/shield/shield-blob.js';
import { SHIELD_FIXTURE_SEED, shieldPlaintexts } from './plaintexts.js';

const venvRoot = process.argv[2] ?? '/work/main/.venv-compat';
const out = fileURLToPath(new URL('../fixtures/shield-blobs.json', import.meta.url));

const { publicKey } = shieldKeypairFromSeed(SHIELD_FIXTURE_SEED);
const plaintexts = shieldPlaintexts();

const PY = `
import json, sys
req = json.load(sys.stdin)
mod = __import__(req["module"])
pk = bytes.fromhex(req["pk"])
out = [mod.encrypt_mlkem768(pk, bytes.fromhex(p), include_key_hash=True).hex() for p in req["plaintexts"]]
json.dump({"blobs": out}, sys.stdout)
`;

function clientBlobs(line: string, module: string, client: string) {
  const input = JSON.stringify({
    module,
    pk: toHex(publicKey).slice(2),
    plaintexts: plaintexts.map((p) => toHex(p.bytes).slice(2)),
  });
  const res = execFileSync(`${venvRoot}/${line}/bin/python`, ['-c', PY], {
    input,
    env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' },
  });
  const { blobs } = JSON.parse(res.toString()) as { blobs: string[] };
  return plaintexts.map((p, i) => ({ client, label: p.label, plaintext: toHex(p.bytes), blob: `0x${blobs[i]}` }));
}

const tsBlobs = plaintexts.map((p, i) => {
  const encapsulation = Uint8Array.from({ length: 32 }, (_, j) => (i * 31 + j * 7) & 0xff);
  const nonce = Uint8Array.from({ length: 24 }, (_, j) => (i * 17 + j * 3 + 1) & 0xff);
  return {
    label: p.label,
    plaintext: toHex(p.bytes),
    encapsulation: toHex(encapsulation),
    nonce: toHex(nonce),
    blob: toHex(encryptShieldBlob(publicKey, p.bytes, { encapsulation, nonce })),
  };
});

const fixture = {
  note: 'ML-KEM-768 key from keygenSeed (noble); clientBlobs from the Python clients encrypt_mlkem768(pk, pt, include_key_hash=True); tsBlobs from encryptShieldBlob',
  keygenSeed: toHex(SHIELD_FIXTURE_SEED),
  publicKey: toHex(publicKey),
  clientBlobs: [
    ...clientBlobs('classic', 'bittensor_drand', 'bittensor_drand 2.0.0'),
    ...clientBlobs('lean', 'bittensor_core', 'bittensor_core 0.1.5'),
  ],
  tsBlobs,
};
writeFileSync(out, `${JSON.stringify(fixture, null, 2)}\n`);
console.log(`wrote ${out}`);
