/** Synapse wire pieces: signed messages, signatures, body hash and Python str(), nonces, versions, headers. */
import { describe, expect, it } from 'vitest';
import {
  axonMessage,
  bodyHash,
  dendriteMessage,
  EMPTY_BODY_HASH,
  isNonceAccepted,
  keypairFromUri,
  pyFloat,
  pythonFloatRepr,
  pythonStr,
  synapseHeaders,
  terminalInfoFromHeaders,
  toHex,
  verifyTerminalSignature,
  versionAsInt,
} from '../src/index.js';

const alice = keypairFromUri('//Alice');
const bob = keypairFromUri('//Bob');
const NONCE = 1718000000000000000n; // beyond 2^53: must stay exact
const fields = {
  nonce: NONCE + 1n,
  dendriteHotkey: alice.ss58Address,
  axonHotkey: bob.ss58Address,
  uuid: 'u-1',
};

describe('signed messages', () => {
  it('dot-joins the fields with an exact nonce', () => {
    expect(dendriteMessage({ ...fields, bodyHash: 'ab' })).toBe(
      `1718000000000000001.${alice.ss58Address}.${bob.ss58Address}.u-1.ab`,
    );
    expect(axonMessage(fields)).toBe(`1718000000000000001.${alice.ss58Address}.${bob.ss58Address}.u-1`);
  });

  it('verifies a dendrite signature, and rejects other axons, other nonces and flipped bits', () => {
    const signature = toHex(alice.sign(dendriteMessage({ ...fields, bodyHash: EMPTY_BODY_HASH })));
    const base = {
      kind: 'dendrite',
      ...fields,
      bodyHash: EMPTY_BODY_HASH,
      signature,
      signerSs58: alice.ss58Address,
    } as const;
    expect(verifyTerminalSignature(base).valid).toBe(true);
    expect(verifyTerminalSignature({ ...base, axonHotkey: alice.ss58Address }).valid).toBe(false);
    expect(verifyTerminalSignature({ ...base, nonce: NONCE }).valid).toBe(false);
    expect(verifyTerminalSignature({ ...base, signerSs58: bob.ss58Address }).valid).toBe(false);
    const flipped = `${signature.slice(0, 10)}${signature[10] === '0' ? '1' : '0'}${signature.slice(11)}`;
    expect(verifyTerminalSignature({ ...base, signature: flipped }).valid).toBe(false);
    expect(verifyTerminalSignature({ ...base, signature: '0x1234' }).valid).toBe(false);
    expect(verifyTerminalSignature({ ...base, signature: 'nothex' }).valid).toBe(false);
  });

  it('verifies an axon signature over the message without body hash', () => {
    const signature = bob.sign(axonMessage(fields));
    const r = verifyTerminalSignature({ kind: 'axon', ...fields, signature, signerSs58: bob.ss58Address });
    expect(r).toEqual({ message: axonMessage(fields), valid: true });
  });

  it('throws InvalidSs58 for a malformed signer', () => {
    expect(() => verifyTerminalSignature({ kind: 'axon', ...fields, signature: '0x', signerSs58: 'nope' })).toThrow(
      expect.objectContaining({ code: 'InvalidSs58' }),
    );
  });
});

describe('body hash and Python str()', () => {
  it('hashes no fields to SHA3-256 of the empty string', () => {
    expect(EMPTY_BODY_HASH).toBe('a7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a');
    expect(bodyHash([])).toEqual({ partHashes: [], bodyHash: EMPTY_BODY_HASH });
  });

  it('renders the spec examples exactly as Python does', () => {
    expect(pythonStr(['hi', "it's"])).toBe(`['hi', "it's"]`);
    expect(pythonStr({ k: true, n: null })).toBe(`{'k': True, 'n': None}`);
    expect(pythonStr(['foobar'])).toBe(`['foobar']`);
    expect(pythonStr(1)).toBe('1');
    expect(pythonStr(0.5)).toBe('0.5');
    expect(pythonStr('top level stays bare')).toBe('top level stays bare');
    expect(bodyHash([pythonStr(1), pythonStr(2), pythonStr(['foobar'])]).bodyHash).toBe(
      'ae06397d08f30f75c91395c59f05c62ac3b62b88250eb78b109213258e6ced0c',
    );
  });

  it('follows Python float repr rules', () => {
    const cases: [number, string][] = [
      [12, '12.0'],
      [1e-5, '1e-05'],
      [0.0001, '0.0001'],
      [1e16, '1e+16'],
      [1234567890123456.8, '1234567890123456.8'],
      [1.5e300, '1.5e+300'],
      [-0, '-0.0'],
      [0.1 + 0.2, '0.30000000000000004'],
      [Number.POSITIVE_INFINITY, 'inf'],
      [Number.NaN, 'nan'],
    ];
    for (const [x, s] of cases) expect(pythonFloatRepr(x)).toBe(s);
    expect(pythonStr([pyFloat(12), 12, 10n ** 20n])).toBe('[12.0, 12, 100000000000000000000]');
  });

  it('quotes and escapes strings in containers like CPython', () => {
    expect(pythonStr([`a'b"c`])).toBe(`['a\\'b"c']`);
    expect(pythonStr(['tab\there', 'nl\n', 'back\\slash', '\u0001', 'é中'])).toBe(
      `['tab\\there', 'nl\\n', 'back\\\\slash', '\\x01', 'é中']`,
    );
  });
});

describe('nonces', () => {
  const now = 1718000010000000000n;
  const base = { version: 10002000, nowNs: now, timeoutS: 12, storedNonce: null };
  it('applies the freshness window to a first nonce, strictly', () => {
    expect(isNonceAccepted({ ...base, nonce: 1717999994000000001n })).toBe(true);
    expect(isNonceAccepted({ ...base, nonce: 1717999994000000000n })).toBe(false);
    expect(isNonceAccepted({ ...base, timeoutS: 12.5, nonce: 1717999994000000000n })).toBe(true);
  });
  it('requires a later nonce once one is stored, with no window', () => {
    expect(isNonceAccepted({ ...base, nonce: 5n, storedNonce: 4n })).toBe(true);
    expect(isNonceAccepted({ ...base, nonce: 4n, storedNonce: 4n })).toBe(false);
  });
  it('gives pre-7.2 dendrites only the monotonic check', () => {
    expect(isNonceAccepted({ ...base, version: 7001999, nonce: 1n })).toBe(true);
    expect(isNonceAccepted({ ...base, version: 7002000, nonce: 1n })).toBe(false);
  });
});

describe('versions', () => {
  it('packs major.minor.patch', () => {
    expect(versionAsInt('10.2.0')).toBe(10002000);
    expect(versionAsInt('0.0.1')).toBe(1);
    for (const bad of ['10.2', '10.2.0rc1', '1.1000.0', ''])
      expect(() => versionAsInt(bad)).toThrow(expect.objectContaining({ code: 'InvalidInput' }));
  });
});

describe('headers', () => {
  it('writes only non-null terminal fields, placeholders per required field, and reads them back', () => {
    const h = synapseHeaders({
      name: 'Prompt',
      timeout: 12,
      axon: { ip: '1.2.3.4', port: 8091, hotkey: bob.ss58Address },
      dendrite: { version: 10002000, nonce: NONCE, uuid: 'u', hotkey: alice.ss58Address, processTime: 0.5 },
      requiredFields: [
        { name: 'messages', kind: 'list' },
        { name: 'n', kind: 'int' },
      ],
      headerSize: 0,
      totalSize: 0,
      computedBodyHash: EMPTY_BODY_HASH,
    });
    expect(h.timeout).toBe('12.0');
    expect(h.bt_header_dendrite_nonce).toBe('1718000000000000000');
    expect(h.bt_header_input_obj_messages).toBe('W10=');
    expect(h.bt_header_input_obj_n).toBe('MA==');
    expect(Object.keys(h)).not.toContain('bt_header_axon_signature');
    const upper = Object.fromEntries(Object.entries(h).map(([k, v]) => [k.toUpperCase(), v]));
    expect(terminalInfoFromHeaders(upper, 'dendrite')).toEqual({
      version: 10002000,
      nonce: NONCE,
      uuid: 'u',
      hotkey: alice.ss58Address,
      processTime: 0.5,
    });
    expect(terminalInfoFromHeaders(h, 'axon')).toEqual({ ip: '1.2.3.4', port: 8091, hotkey: bob.ss58Address });
    expect(() => terminalInfoFromHeaders({ bt_header_axon_port: 'x' }, 'axon')).toThrow(
      expect.objectContaining({ code: 'InvalidInput' }),
    );
  });
});
