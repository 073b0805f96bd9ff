/**
 * The synapse model against the research vectors (sdk-wallet-wire.md §2.8, §3.3): request headers
 * and body of the `Dummy` example from a real synapse.py run, body hashes of declared protocols,
 * and the wasm sr25519 path against the @scure oracle.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromHex, utf8 } from '../src/bytes.js';
import { keypairFromUri } from '../src/keys/uri.js';
import { sr25519Verify } from '../src/keys/sr25519.js';
import { ss58Decode } from '../src/keys/ss58.js';
import { defineSynapse } from '../src/synapse/define-synapse.js';
import { initFastSr25519, makeSigner, verifySr25519, verifySr25519Wallet } from '../src/synapse/fast-sr25519.js';
import { field } from '../src/synapse/fields.js';
import { bodyHash } from '../src/synapse/body-hash.js';
import { synapseHeaders } from '../src/synapse/reference-headers.js';
import { dendriteMessage } from '../src/synapse/messages.js';
import { pythonStr } from '../src/synapse/python-str.js';
import { Synapse } from '../src/synapse/synapse.js';
import {
  fieldsFragment,
  parseSynapseFields,
  synapseBody,
  synapseBodyHash,
  synapseFromHeaders,
  synapseToHeaders,
} from '../src/synapse/wire.js';

// §2.8: the template's Dummy(dummy_input: int, dummy_output: Optional[int] = None).
const Dummy = defineSynapse({
  name: 'Dummy',
  request: { dummy_input: field.int() },
  response: { dummy_output: field.int().optional() },
  deserialize: (s) => s.dummy_output,
});

const VECTOR_HEADERS = {
  name: 'Dummy',
  timeout: '12.0',
  bt_header_axon_ip: '198.51.100.20',
  bt_header_axon_port: '8091',
  bt_header_axon_hotkey: '5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty',
  bt_header_dendrite_ip: '203.0.113.7',
  bt_header_dendrite_version: '10002000',
  bt_header_dendrite_nonce: '1718000000000000000',
  bt_header_dendrite_uuid: '8f0e7a2c-1d2b-11ef-9c1a-0242ac120002',
  bt_header_dendrite_hotkey: '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY',
  bt_header_dendrite_signature:
    '0x4aeae988f62cad4b8cf0180daa83753b19aea211ed0f783811af35faeb104462cb807070b27c03478548ddab3e0081a793698fda5109fcd3ca2f4d60456b4680',
  bt_header_input_obj_dummy_input: 'MA==',
  header_size: '464',
  total_size: '3017',
  computed_body_hash: 'a7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a',
};
const SIGNED_MESSAGE =
  '1718000000000000000.5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY.5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty.8f0e7a2c-1d2b-11ef-9c1a-0242ac120002.a7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a';

function researchRequest() {
  const s = new Dummy({ dummy_input: 5 });
  s.axon = { ip: '198.51.100.20', port: 8091, hotkey: VECTOR_HEADERS.bt_header_axon_hotkey };
  s.dendrite = {
    ip: '203.0.113.7',
    version: 10002000,
    nonce: 1718000000000000000n,
    uuid: VECTOR_HEADERS.bt_header_dendrite_uuid,
    hotkey: VECTOR_HEADERS.bt_header_dendrite_hotkey,
    signature: VECTOR_HEADERS.bt_header_dendrite_signature,
  };
  return s;
}

describe('the §2.8 request', () => {
  it('has the headers synapse.py produces (sizes are informational)', () => {
    const s = researchRequest();
    const fragment = fieldsFragment(s);
    const h = synapseToHeaders(s, synapseBodyHash(s), fragment.length);
    const { header_size, total_size, ...rest } = VECTOR_HEADERS;
    expect(Object.keys(h).sort()).toEqual(Object.keys(VECTOR_HEADERS).sort());
    for (const [k, v] of Object.entries(rest)) expect(h[k], k).toBe(v);
    expect(Number(h.header_size)).toBeGreaterThan(0);
    expect(Number(h.total_size)).toBeGreaterThanOrEqual(Number(h.header_size));
    void header_size;
    void total_size;
  });

  it('signs the vector message, and the vector signature verifies (wasm and @scure)', async () => {
    const s = researchRequest();
    const message = dendriteMessage({
      nonce: s.dendrite.nonce ?? 0n,
      dendriteHotkey: s.dendrite.hotkey ?? '',
      axonHotkey: s.axon.hotkey ?? '',
      uuid: s.dendrite.uuid ?? '',
      bodyHash: synapseBodyHash(s),
    });
    expect(message).toBe(SIGNED_MESSAGE);
    const pk = ss58Decode(VECTOR_HEADERS.bt_header_dendrite_hotkey).publicKey;
    const sig = fromHex(VECTOR_HEADERS.bt_header_dendrite_signature);
    expect(sr25519Verify(utf8(message), sig, pk)).toBe(true);
    expect(await initFastSr25519()).toBe(true);
    expect(verifySr25519(utf8(message), sig, pk)).toBe(true);
    expect(verifySr25519(utf8(`${message}x`), sig, pk)).toBe(false);
  });

  it('has the body model_dump() gives, with an exact nonce', () => {
    const s = researchRequest();
    const body = synapseBody(s);
    expect(body).toContain('"nonce":1718000000000000000');
    const json = JSON.parse(body) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual([
      'name',
      'timeout',
      'total_size',
      'header_size',
      'dendrite',
      'axon',
      'computed_body_hash',
      'dummy_input',
      'dummy_output',
    ]);
    expect(json.computed_body_hash).toBe('');
    expect(json.dummy_input).toBe(5);
    expect(json.dummy_output).toBeNull();
    expect(Object.keys(json.axon as object)).toEqual([
      'status_code',
      'status_message',
      'process_time',
      'ip',
      'port',
      'version',
      'nonce',
      'uuid',
      'hotkey',
      'signature',
    ]);
    expect((json.axon as Record<string, unknown>).status_code).toBeNull();
    expect(body).toContain('"timeout":12.0');
  });

  it('reads the headers back', () => {
    const h = synapseFromHeaders(VECTOR_HEADERS);
    expect(h.name).toBe('Dummy');
    expect(h.timeout).toBe(12);
    expect(h.dendrite.nonce).toBe(1718000000000000000n);
    expect(h.dendrite.version).toBe(10002000);
    expect(h.axon.port).toBe(8091);
    expect(h.computedBodyHash).toBe(VECTOR_HEADERS.computed_body_hash);
  });
});

describe('fast paths agree with the reference code', () => {
  it('synapseToHeaders matches synapseHeaders field for field (sizes aside)', () => {
    const s = researchRequest();
    s.axon = {
      ...s.axon,
      statusCode: 200,
      statusMessage: 'Success',
      processTime: 0.00123,
      version: 7,
      nonce: 5n,
      uuid: 'a',
    };
    s.dendrite = { ...s.dendrite, statusCode: 408, statusMessage: 'x', processTime: 12, port: 5 };
    s.timeout = 0.5;
    const fast = synapseToHeaders(s, 'ab', 0);
    const ref = synapseHeaders({
      name: s.name,
      timeout: s.timeout,
      axon: s.axon,
      dendrite: s.dendrite,
      requiredFields: Dummy.spec.requiredFields,
      headerSize: s.headerSize,
      totalSize: s.totalSize,
      computedBodyHash: 'ab',
    });
    expect(Object.keys(fast)).toEqual(Object.keys(ref));
    expect(fast).toEqual(ref);
  });

  it('an answer carries the axon terminal only', () => {
    const s = researchRequest();
    s.axon.statusCode = 200;
    const h = synapseToHeaders(s, 'ab', 0, true);
    expect(h.bt_header_axon_status_code).toBe('200');
    expect(
      Object.keys(h).some((k) => k.startsWith('bt_header_dendrite_') || k.startsWith('bt_header_input_obj_')),
    ).toBe(false);
  });

  it('the OpenSSL SHA3 body hash equals the @noble reference for any text', () => {
    const T = defineSynapse({
      name: 'T',
      request: { a: field.str(), b: field.list(field.str()) },
      response: {},
      hashFields: ['b', 'a'],
    });
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme' }),
        fc.array(fc.string({ unit: 'binary' }), { maxLength: 4 }),
        (a, b) => {
          const expected = bodyHash([pythonStr(b), pythonStr(a)]).bodyHash;
          expect(synapseBodyHash(new T({ a, b }))).toBe(expected);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('body hash of declared protocols (§3.3)', () => {
  it('HashedSynapse: a, b, d hashed; c ignored', () => {
    const Hashed = defineSynapse({
      name: 'HashedSynapse',
      request: { a: field.int(), b: field.int() },
      response: { c: field.int().optional(), d: field.list(field.str()).optional() },
      hashFields: ['a', 'b', 'd'],
    });
    const s = new Hashed({ a: 1, b: 2, d: ['foobar'] });
    expect(synapseBodyHash(s)).toBe('ae06397d08f30f75c91395c59f05c62ac3b62b88250eb78b109213258e6ced0c');
    s.c = 3;
    expect(synapseBodyHash(s)).toBe('ae06397d08f30f75c91395c59f05c62ac3b62b88250eb78b109213258e6ced0c');
  });

  it('Prompt: Python repr of lists, floats and dicts', () => {
    const Prompt = defineSynapse({
      name: 'Prompt',
      request: { messages: field.list(field.str()), temperature: field.float(), meta: field.json() },
      response: {},
      hashFields: ['messages', 'temperature', 'meta'],
    });
    const s = new Prompt({ messages: ['hi', "it's"], temperature: 0.5, meta: { k: true, n: null } });
    expect(synapseBodyHash(s)).toBe('88beab33fac7d48038704a9f89f4439e728fecc3230424448ca74dc9711027f8');
    // Through the wire and back, the hash is unchanged (what the axon recomputes).
    const back = new Prompt(parseSynapseFields(Prompt.spec, JSON.parse(synapseBody(s))) as never);
    expect(synapseBodyHash(back)).toBe(synapseBodyHash(s));
  });

  it('hashes an integral float as a Python float', () => {
    const F = defineSynapse({ name: 'F', request: { x: field.float() }, response: {}, hashFields: ['x'] });
    const G = defineSynapse({ name: 'G', request: { x: field.int() }, response: {}, hashFields: ['x'] });
    expect(synapseBodyHash(new F({ x: 1 }))).not.toBe(synapseBodyHash(new G({ x: 1 })));
  });

  it('the base synapse hashes to SHA3-256("")', () => {
    expect(synapseBodyHash(new Synapse())).toBe('a7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a');
  });
});

describe('defineSynapse', () => {
  it('types and defaults fields, and deserializes', () => {
    const s = new Dummy({ dummy_input: 3 });
    expect(s.dummy_output).toBeNull();
    expect(s.name).toBe('Dummy');
    expect(s.constructor.name).toBe('Dummy');
    s.dummy_output = 6;
    const d: number | null = s.deserialize();
    expect(d).toBe(6);
    expect(Dummy.spec.requiredFields).toEqual([{ name: 'dummy_input', kind: 'int' }]);
  });

  it('refuses base field names, duplicates and undeclared hash fields', () => {
    expect(() => defineSynapse({ name: 'X', request: { timeout: field.int() }, response: {} })).toThrow(/base synapse/);
    expect(() => defineSynapse({ name: 'X', request: { a: field.int() }, response: { a: field.int() } })).toThrow(
      /twice/,
    );
    expect(() => defineSynapse({ name: 'X', request: {}, response: {}, hashFields: ['zz' as never] })).toThrow(
      /not a declared field/,
    );
    expect(() => defineSynapse({ name: 'has space', request: {}, response: {} })).toThrow(/valid class name/);
  });

  it('gives each instance its own default lists', () => {
    const L = defineSynapse({ name: 'L', request: {}, response: { xs: field.list(field.int()).default([]) } });
    const a = new L({});
    const b = new L({});
    a.xs.push(1);
    expect(b.xs).toEqual([]);
  });

  it('validates parsed bodies', () => {
    expect(() => parseSynapseFields(Dummy.spec, { dummy_input: 'x' })).toThrow(/dummy_input must be an integer/);
    expect(() => parseSynapseFields(Dummy.spec, {})).toThrow(/dummy_input is required/);
    expect(parseSynapseFields(Dummy.spec, { dummy_output: 4 }, 'response')).toEqual({ dummy_output: 4 });
  });

  it('clones deeply', () => {
    const s = new Dummy({ dummy_input: 1 });
    s.dendrite.nonce = 5n;
    const c = s.clone();
    c.dendrite.nonce = 6n;
    c.dummy_input = 2;
    expect(s.dendrite.nonce).toBe(5n);
    expect(s.dummy_input).toBe(1);
    expect(c).toBeInstanceOf(Dummy);
  });
});

describe('wasm sr25519 against the @scure oracle', () => {
  it('signatures made on the fast path verify with @scure, and the <Bytes> form is accepted', async () => {
    await initFastSr25519();
    const kp = keypairFromUri('//Alice');
    const sign = makeSigner(kp);
    for (const text of ['', 'hello', SIGNED_MESSAGE]) {
      const m = utf8(text);
      const sig = sign(m);
      expect(sr25519Verify(m, sig, kp.publicKey)).toBe(true);
      expect(verifySr25519(m, kp.sign(m), kp.publicKey)).toBe(true);
    }
    const wrapped = kp.sign(utf8(`<Bytes>${SIGNED_MESSAGE}</Bytes>`));
    expect(verifySr25519(utf8(SIGNED_MESSAGE), wrapped, kp.publicKey)).toBe(false);
    expect(verifySr25519Wallet(utf8(SIGNED_MESSAGE), wrapped, kp.publicKey)).toBe(true);
    expect(verifySr25519(utf8('x'), new Uint8Array(64), kp.publicKey)).toBe(false);
  });
});
