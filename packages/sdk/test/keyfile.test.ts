/**
 * Keyfile formats. Argon2i at 512 MiB costs ≈6 s in wasm on a worker and ≈20 s in pure JS, so most
 * `$NACL` tests use the key the vector password derives to (asserted by the shared
 * `nacl_derive_key` vector) through the pluggable KDF. The async password path (wasm) runs once
 * here; the synchronous pure-JS one only with TAONET_SLOW_TESTS=1.
 */
import { createCipheriv, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  type DecryptedKeyfile,
  decryptAnsibleVault,
  decryptFernetToken,
  decryptKeyfileData,
  decryptKeyfileDataAsync,
  decryptNacl,
  decryptPolkadotJson,
  detectKeyfileFormat,
  encryptAnsibleVault,
  encryptKeyfileData,
  fromBase64,
  fromHex,
  isEncryptedKeyfile,
  keypairFromKeyfileJson,
  keypairFromMnemonic,
  keypairFromUri,
  keypairToKeyfileJson,
  keypairToPublicKeyfileJson,
  naclKeyFromPassword,
  naclKeyFromPasswordAsync,
  openNacl,
  sealNacl,
  utf8,
} from '../src/index.js';

const PASSWORD = 'thisisafakepassword';
const VECTOR_KEY = fromHex('0xa17c46ecafdd501ecb1da0651d35abfecf60df14bffa8e949f58aaecd75cb3c8');
const WRONG_KEY = new Uint8Array(32).fill(7);
// A stand-in for Argon2i that is correct for the two passwords these tests use.
const fastKdf = (pw: string): Uint8Array => (pw === PASSWORD ? VECTOR_KEY : WRONG_KEY);
const ALICE_SEED_JSON = '{"secretSeed":"0xe5be9a5092b81bca64be81d212e7f2f9eba183bb7a90954f7b76361f6edb5c0a"}';
const NACL_FILE = fromBase64(
  'JE5BQ0wAAQIDBAUGBwgJCgsMDQ4PEBESExQVFhe3an3wYyoRFLOMN7b+TDT0qBibacWWhg9SQKm+K7Y/yzVrKzAKIdFdCyrYtuEMXrIC+B309RjmHJASdvMTMyKYWRnay1fKseVy0VAppJBUO0l4sjZdZuFTuygmKkwFUXo5K1s=',
);
const OLD_LEOPARD = 'old leopard transfer rib spatial phone calm indicate online fire caution review';

const code = (c: string) => expect.objectContaining({ code: c });

describe('$NACL', () => {
  it('opens the PyNaCl-made vector file and reproduces it byte for byte with the same nonce', () => {
    expect(new TextDecoder().decode(openNacl(NACL_FILE, VECTOR_KEY))).toBe(ALICE_SEED_JSON);
    expect(sealNacl(utf8(ALICE_SEED_JSON), VECTOR_KEY, NACL_FILE.subarray(5, 29))).toEqual(NACL_FILE);
  });

  it('writes a keyfile that reads back, with a fresh nonce each time', () => {
    const json = keypairToKeyfileJson(keypairFromMnemonic(OLD_LEOPARD));
    const a = encryptKeyfileData(json, PASSWORD, 'nacl', { naclKdf: fastKdf });
    const b = encryptKeyfileData(json, PASSWORD, 'nacl', { naclKdf: fastKdf });
    expect(detectKeyfileFormat(a)).toBe('nacl');
    expect(a).not.toEqual(b);
    const d: DecryptedKeyfile = decryptKeyfileData(a, PASSWORD, { naclKdf: fastKdf });
    expect(d).toEqual({ format: 'nacl', plaintext: json });
    expect(keypairFromKeyfileJson(d.plaintext).ss58Address).toBe('5HDvhV6WDCjCKyrXqGQSDYqQAzkzabNhctmiDYEqgBC66BsX');
  });

  it('gives DecryptionFailed for a wrong password', () => {
    expect(() => decryptKeyfileData(NACL_FILE, 'wrong', { naclKdf: fastKdf })).toThrow(code('DecryptionFailed'));
    expect(() => openNacl(NACL_FILE, WRONG_KEY)).toThrow(code('DecryptionFailed'));
  });

  it('gives an error, never garbage, for any single altered byte after the magic', () => {
    for (let i = 5; i < NACL_FILE.length; i += 3) {
      const t = Uint8Array.from(NACL_FILE);
      t[i] = (t[i] as number) ^ 0x01;
      expect(() => openNacl(t, VECTOR_KEY)).toThrow(code('DecryptionFailed'));
    }
  });

  it('gives KeyfileCorrupt for a truncated file before running the KDF', () => {
    let kdfRan = false;
    const kdf = (pw: string) => {
      kdfRan = true;
      return fastKdf(pw);
    };
    expect(() => decryptNacl(NACL_FILE.subarray(0, 44), PASSWORD, kdf)).toThrow(code('KeyfileCorrupt'));
    expect(kdfRan).toBe(false);
    expect(() => decryptNacl(NACL_FILE.subarray(0, 45), PASSWORD, kdf)).toThrow(code('DecryptionFailed'));
  });

  it('async decryption checks the shape before the KDF and passes other formats through', async () => {
    await expect(decryptKeyfileDataAsync(NACL_FILE.subarray(0, 30), PASSWORD)).rejects.toThrow(code('KeyfileCorrupt'));
    const vault = encryptKeyfileData(ALICE_SEED_JSON, PASSWORD, 'ansible_vault');
    expect(await decryptKeyfileDataAsync(vault, PASSWORD)).toEqual({
      format: 'ansible_vault',
      plaintext: ALICE_SEED_JSON,
    });
  });

  it('derives the real Argon2i key on a worker thread and opens the file with the password', async () => {
    const file = encryptKeyfileData(ALICE_SEED_JSON, PASSWORD, 'nacl', { naclKdf: () => VECTOR_KEY });
    // The event loop stays free while the worker derives: a timer keeps firing meanwhile.
    let ticks = 0;
    const timer = setInterval(() => ticks++, 50);
    try {
      expect((await decryptKeyfileDataAsync(file, PASSWORD)).plaintext).toBe(ALICE_SEED_JSON);
    } finally {
      clearInterval(timer);
    }
    expect(ticks).toBeGreaterThan(10);
  }, 60_000);

  it.skipIf(process.env.TAONET_SLOW_TESTS !== '1')('derives the real Argon2i key in pure JS too (slow)', async () => {
    expect(naclKeyFromPassword(PASSWORD)).toEqual(VECTOR_KEY);
    const file = encryptKeyfileData(ALICE_SEED_JSON, PASSWORD, 'nacl', { naclKdf: () => VECTOR_KEY });
    expect(decryptKeyfileData(file, PASSWORD).plaintext).toBe(ALICE_SEED_JSON);
    expect(await naclKeyFromPasswordAsync(PASSWORD)).toEqual(VECTOR_KEY);
  });
});

describe('Ansible Vault', () => {
  it('round-trips and is detected', () => {
    const text = encryptAnsibleVault(utf8(ALICE_SEED_JSON), PASSWORD);
    expect(text.startsWith('$ANSIBLE_VAULT;1.1;AES256\n')).toBe(true);
    expect(text.split('\n').every((l) => l.length <= 80)).toBe(true);
    expect(decryptKeyfileData(utf8(text), PASSWORD)).toEqual({ format: 'ansible_vault', plaintext: ALICE_SEED_JSON });
    const viaApi = encryptKeyfileData(ALICE_SEED_JSON, PASSWORD, 'ansible_vault');
    expect(decryptKeyfileData(viaApi, PASSWORD).plaintext).toBe(ALICE_SEED_JSON);
  });

  it('pads a block-aligned plaintext with a whole block', () => {
    const plain = utf8('x'.repeat(32));
    expect(decryptAnsibleVault(encryptAnsibleVault(plain, 'pw'), 'pw')).toEqual(plain);
    expect(decryptAnsibleVault(encryptAnsibleVault(new Uint8Array(), 'pw'), 'pw')).toEqual(new Uint8Array());
  });

  it('rejects a wrong password and altered ciphertext with DecryptionFailed', () => {
    const text = encryptAnsibleVault(utf8(ALICE_SEED_JSON), PASSWORD);
    expect(() => decryptAnsibleVault(text, 'nope')).toThrow(code('DecryptionFailed'));
    const lines = text.split('\n');
    const last = lines[lines.length - 2] as string;
    lines[lines.length - 2] = `${last.slice(0, -1)}${last.endsWith('0') ? '1' : '0'}`;
    expect(() => decryptAnsibleVault(lines.join('\n'), PASSWORD)).toThrow();
  });

  it('rejects a broken header or body with KeyfileCorrupt', () => {
    expect(() => decryptAnsibleVault('$ANSIBLE_VAULT;1.1;AES128\n00\n', 'pw')).toThrow(code('KeyfileCorrupt'));
    expect(() => decryptAnsibleVault('$ANSIBLE_VAULT;1.1;AES256\nzz\n', 'pw')).toThrow(code('KeyfileCorrupt'));
    expect(() => decryptAnsibleVault('$ANSIBLE_VAULT;1.1;AES256\n6162\n', 'pw')).toThrow(code('KeyfileCorrupt'));
  });
});

describe('Fernet (legacy, read-only)', () => {
  const rawKey = fromHex('0xe038913aff90a88b4e354ab33f862b8475f14878073cc154bb2b9f51834170c0');
  function token(plain: string, key = rawKey): string {
    const iv = Buffer.alloc(16, 3);
    const c = createCipheriv('aes-128-cbc', key.subarray(16), iv);
    const body = Buffer.concat([Buffer.of(0x80), Buffer.alloc(8, 0), iv, c.update(plain), c.final()]);
    const mac = createHmac('sha256', key.subarray(0, 16)).update(body).digest();
    return Buffer.concat([body, mac]).toString('base64url');
  }

  it('decrypts a token made with the legacy key, and the whole keyfile path derives that key', () => {
    const t = token(ALICE_SEED_JSON);
    expect(t.startsWith('gAAAAA')).toBe(true);
    expect(new TextDecoder().decode(decryptFernetToken(t, rawKey))).toBe(ALICE_SEED_JSON);
    expect(decryptKeyfileData(utf8(t), PASSWORD)).toEqual({ format: 'fernet', plaintext: ALICE_SEED_JSON });
  });

  it('rejects a wrong key, an altered token and a malformed one', () => {
    const t = token(ALICE_SEED_JSON);
    expect(() => decryptFernetToken(t, new Uint8Array(32))).toThrow(code('DecryptionFailed'));
    const bytes = Buffer.from(t, 'base64url');
    bytes[40] = (bytes[40] as number) ^ 1;
    expect(() => decryptFernetToken(bytes.toString('base64url'), rawKey)).toThrow(code('DecryptionFailed'));
    expect(() => decryptFernetToken('gAAAAA!!', rawKey)).toThrow(code('KeyfileCorrupt'));
    expect(() => decryptFernetToken('gAAAAAAA', rawKey)).toThrow(code('KeyfileCorrupt'));
  });

  it('is never written', () => {
    // @ts-expect-error: fernet is not a writable format
    expect(() => encryptKeyfileData('{}', PASSWORD, 'fernet')).toThrow(code('UnknownKeyfileFormat'));
  });
});

describe('plaintext keyfile JSON', () => {
  it('writes the old SDK key order, omits unknown fields, and reads back', () => {
    const kp = keypairFromMnemonic(OLD_LEOPARD);
    const json = keypairToKeyfileJson(kp);
    expect(Object.keys(JSON.parse(json))).toEqual([
      'accountId',
      'publicKey',
      'privateKey',
      'secretPhrase',
      'secretSeed',
      'ss58Address',
    ]);
    expect(keypairFromKeyfileJson(json).privateKey).toEqual(kp.privateKey);
    const derived = keypairToKeyfileJson(keypairFromUri('//Alice'));
    expect(Object.keys(JSON.parse(derived))).toEqual(['accountId', 'publicKey', 'privateKey', 'ss58Address']);
    expect(detectKeyfileFormat(json)).toBe('plaintext');
    expect(isEncryptedKeyfile(json)).toBe(false);
  });

  it('writes pub files without secrets, which read back as public-only keys', () => {
    const pub = keypairToPublicKeyfileJson(keypairFromUri('//Alice'));
    expect(pub).not.toMatch(/private|secret/i);
    const kp = keypairFromKeyfileJson(pub);
    expect(kp.canSign).toBe(false);
    expect(kp.ss58Address).toBe('5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY');
  });

  it('skips null fields (pre-8.0 files) and refuses files with no usable source', () => {
    const old = JSON.stringify({
      accountId: null,
      secretPhrase: null,
      secretSeed: null,
      privateKey: null,
      ss58Address: '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY',
    });
    expect(keypairFromKeyfileJson(old).canSign).toBe(false);
    expect(() => keypairFromKeyfileJson('{}')).toThrow(code('KeyfileCorrupt'));
    expect(() => keypairFromKeyfileJson('[1]')).toThrow(code('KeyfileCorrupt'));
    expect(() => keypairFromKeyfileJson('not json')).toThrow(code('KeyfileCorrupt'));
    expect(() => keypairFromKeyfileJson('{"privateKey":"0x12"}')).toThrow(code('KeyfileCorrupt'));
    expect(() => keypairFromKeyfileJson('{"secretPhrase":"abandon abandon"}')).toThrow(code('KeyfileCorrupt'));
    expect(() => keypairFromKeyfileJson('{"ss58Address":"5Grwva"}')).toThrow(code('KeyfileCorrupt'));
  });
});

describe('polkadot-js JSON', () => {
  const json = {
    encoded:
      'taVTQaPhuFBAhbTUYUfDni7f7jVD2cDbY9xkKSo4n7AAAAIAAQAAAAgAAABdNz/SR0qKkbQEUkKWqFuYck7CvbE7ZtthxYJv8vNjrGqbU+Qcf+rHDR3mqGgy1M3Hw1WOnniFLTDgxZHDDcCPmxs6em8LCAn/RproT5BITDDQ7DnGbiAANPDZEh78num4upIgFhEbWniDcfI0r1KRCrCKLzNjfJHpdtsVpgJQY/UxqPBMNSA6tfh7yW505QSgP5rCFQN6qp9nP3Mm',
    encoding: { content: ['pkcs8', 'sr25519'], type: ['scrypt', 'xsalsa20-poly1305'], version: '3' },
    address: '5HDvhV6WDCjCKyrXqGQSDYqQAzkzabNhctmiDYEqgBC66BsX',
    meta: { name: 'test-key' },
  };

  it('imports the canonical key and signs with it', () => {
    const kp = decryptPolkadotJson(json, PASSWORD);
    expect(kp.privateKey).toEqual(keypairFromMnemonic(OLD_LEOPARD).privateKey);
    expect(kp.verify('m', kp.sign('m'))).toBe(true);
  });

  it('rejects a wrong password, another address, another version and another key type', () => {
    expect(() => decryptPolkadotJson(json, 'wrong')).toThrow(code('DecryptionFailed'));
    expect(() =>
      decryptPolkadotJson({ ...json, address: '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY' }, PASSWORD),
    ).toThrow(code('KeyfileCorrupt'));
    expect(() => decryptPolkadotJson({ ...json, encoding: { ...json.encoding, version: '2' } }, PASSWORD)).toThrow(
      code('UnknownKeyfileFormat'),
    );
    expect(() =>
      decryptPolkadotJson({ ...json, encoding: { ...json.encoding, content: ['pkcs8', 'ed25519'] } }, PASSWORD),
    ).toThrow(code('UnknownKeyfileFormat'));
    expect(() => decryptPolkadotJson('{"encoded":1}', PASSWORD)).toThrow(code('KeyfileCorrupt'));
  });
});
