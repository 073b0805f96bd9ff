/**
 * Records age/tlock files made by the real tlock-js (drand's JavaScript tlock, devDependency
 * pinned at 0.9.0) to drand quicknet rounds whose published signatures Taonet's fixtures hold
 * (1000, 1001, 1002), plus drand's own published tlock vector (drand/tlock, Go). Output:
 * packages/primitives/test/fixtures/tlock-age.json, which the vector generator
 * (packages/conformance/src/generate/drand-tlock-vectors.ts) and the reader's tests read.
 *
 * tlock-js only needs the chain's info to encrypt, so a fixed client serves quicknet's published
 * chain info: nothing is fetched. Re-running it produces new ciphertexts (tlock-js draws its own
 * randomness); the plaintexts stay the same.
 *
 *   node vectors/tools/tlock_js_ciphertexts.mjs
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const tlock = require('tlock-js');
const tlockVersion = require('tlock-js/package.json').version;

const QUICKNET = JSON.parse(
  readFileSync(new URL('../../packages/primitives/test/fixtures/drand-quicknet.json', import.meta.url), 'utf8'),
).quicknet;

const info = {
  public_key: QUICKNET.publicKey,
  period: QUICKNET.period,
  genesis_time: QUICKNET.genesisTime,
  hash: QUICKNET.chainHash,
  groupHash: QUICKNET.groupHash,
  schemeID: 'bls-unchained-g1-rfc9380',
  metadata: { beaconID: 'quicknet' },
};
const offlineClient = {
  options: { disableBeaconVerification: true, noCache: true },
  chain: () => ({ baseUrl: 'offline:', info: async () => info }),
  latest: async () => {
    throw new Error('offline: no beacons');
  },
  get: async () => {
    throw new Error('offline: no beacons');
  },
};

// A deterministic filler longer than one 64 KiB STREAM chunk, so the reader's chunking is pinned.
const long = Buffer.alloc(65536 + 1000);
for (let i = 0; i < long.length; i++) long[i] = (i * 31 + (i >> 8)) & 0xff;

const plaintexts = [
  { label: 'short text', round: 1000, plaintext: Buffer.from('hello from tlock-js', 'utf8') },
  { label: 'one byte', round: 1001, plaintext: Buffer.from([0x2a]) },
  { label: 'weights-like JSON', round: 1002, plaintext: Buffer.from('{"uids":[0,1,2],"weights":[65535,0,12]}', 'utf8') },
  { label: 'exactly one 64 KiB chunk', round: 1001, plaintext: Buffer.alloc(65536, 0x61) },
  { label: 'two STREAM chunks (65536 + 1000 bytes)', round: 1000, plaintext: long },
];

const tlockJs = [];
for (const p of plaintexts) {
  const armored = await tlock.timelockEncrypt(p.round, p.plaintext, offlineClient);
  // Long plaintexts are pinned by length and sha256 to keep the fixture small.
  const pinned =
    p.plaintext.length <= 1024
      ? { plaintext: p.plaintext.toString('hex') }
      : {
          plaintextLength: p.plaintext.length,
          plaintextSha256: createHash('sha256').update(p.plaintext).digest('hex'),
        };
  tlockJs.push({ label: p.label, round: p.round, ...pinned, armored });
}

const fixture = {
  about:
    'age/tlock files (drand tlock format) with public quicknet round signatures. Test data, not code; written by vectors/tools/tlock_js_ciphertexts.mjs.',
  tlockJs: {
    source: `tlock-js ${tlockVersion} (npm), timelockEncrypt to drand quicknet (bls-unchained-g1-rfc9380) with its published chain info; signatures in drand-quicknet.json`,
    chainHash: QUICKNET.chainHash,
    files: tlockJs,
  },
  drandGo: {
    source:
      'drand/tlock (Go) tlock_test.go at 962ec50d004c1a336bdffb24dfc6a019192fc070, TestDecryptText "With valid network": a quicknet ciphertext and the round signature the test decrypts it with',
    round: 12040883,
    chainHash: QUICKNET.chainHash,
    signature:
      '929906c959032ab363c9f26570d215d66f5c06cb0c44fe508c12bb5839f04ec895bb6868e5b9ff13ab289bdb5266b394',
    plaintext: Buffer.from('hello world', 'utf8').toString('hex'),
    armored: `-----BEGIN AGE ENCRYPTED FILE-----
YWdlLWVuY3J5cHRpb24ub3JnL3YxCi0+IHRsb2NrIDEyMDQwODgzIDUyZGI5YmE3
MGUwY2MwZjZlYWY3ODAzZGQwNzQ0N2ExZjU0Nzc3MzVmZDNmNjYxNzkyYmE5NDYw
MGM4NGU5NzEKa1JjK01NSEUwS005b1V0SmNLTWZGb1JFVzBXN1JQbTNtdzZpVUJ1
cGNXVkZkZDJQb1h6U0JrK25TM01BNnBKNwpHZDl3REhmVU5hTldXTWw2cGVia2Jh
OUVNZGJDWnBuQVNtOWFIb3hqUitwaGFVT2xoS1ppZGl5ZHBLSStPS2N0CmxvT2ZP
SW9KaGtndTVTRnJUOGVVQTJUOGk3aTBwQlBzTDlTWUJUZEJQb28KLS0tIEl6Q1Js
WSt1RXp0d21CbEg0cTFVZGNJaW9pS2l0M0c0bHVxNlNjT2w3UUUKDI4cDlPHPgjy
UnBmtsw6U2LlKh8iDf0E1PfwDenmKFfQaAGm0WLxdlzP8Q==
-----END AGE ENCRYPTED FILE-----`,
  },
};
const OUT = new URL('../../packages/primitives/test/fixtures/tlock-age.json', import.meta.url);
writeFileSync(OUT, `${JSON.stringify(fixture, null, 2)}\n`);
console.log(`wrote ${tlockJs.length} tlock-js files and drand's Go vector to ${OUT.pathname}`);
