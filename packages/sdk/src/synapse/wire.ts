/**
 * A synapse on the wire: the JSON body (Python `model_dump()`: base fields first, then the
 * protocol's fields in declaration order, every terminal field present with nulls), the headers
 * (`to_headers()`), the body hash over the declared hash fields (§3.3), and the reverse of each.
 *
 * The body is written by hand around `JSON.stringify` of the protocol fields because terminal
 * nonces exceed 2⁵³: they must be exact bare JSON numbers, which `JSON.stringify` cannot write.
 * Reading goes the other way round: terminal info comes from the headers (exact strings, and what
 * the signature covers), never from the body, so a plain `JSON.parse` is enough.
 */
import { InvalidInput } from '../errors.js';
import { hash } from 'node:crypto';
import { EMPTY_BODY_HASH } from './body-hash.js';
import type { JsonValue } from './fields.js';
import type { FieldKind } from './reference-headers.js';
import { pythonFloatRepr, pythonStr } from './python-str.js';
import { type Synapse, type SynapseSpec, type Terminal, fieldRecord } from './synapse.js';

// SHA3-256 hex through OpenSSL: the axon hashes every request and the pure-JS Keccak (body-hash.ts,
// which stays the reference) cost ~15 µs per call, a fifth of the pipeline besides the signature.
const sha3 = (text: string): string => hash('sha3-256', text, 'hex');

/** The body hash of a synapse: over its declared hash fields, exactly as Python computes it (§3.3). */
export function synapseBodyHash(s: Synapse): string {
  const { hashFields, fields } = s.spec;
  if (hashFields.length === 0) return EMPTY_BODY_HASH;
  const values = fieldRecord(s);
  let parts = '';
  for (const key of hashFields) {
    const entry = fields.find((e) => e.key === key);
    if (entry === undefined) throw new InvalidInput(`Hash field "${key}" is not declared.`);
    parts += sha3(pythonStr(entry.field.toPy(values[key])));
  }
  return sha3(parts);
}

/**
 * The protocol fields as a JSON fragment `,"k":v,…` (empty for none), to splice into the body.
 * A dendrite computes it once per fan-out: it is the same for every axon.
 */
export function fieldsFragment(s: Synapse): string {
  const values = fieldRecord(s);
  let out = '';
  for (const { key, field } of s.spec.fields)
    out += `,${JSON.stringify(key)}:${JSON.stringify(field.toJson(values[key]))}`;
  return out;
}

// Python float repr, memoised: the same few timeouts are written for every request.
const reprMemo = new Map<number, string>();
function floatRepr(x: number): string {
  let r = reprMemo.get(x);
  if (r === undefined) {
    r = pythonFloatRepr(x);
    if (reprMemo.size >= 256) reprMemo.clear();
    reprMemo.set(x, r);
  }
  return r;
}

// JSON of a Python float: `12.0` rather than `12`; non-finite values have no JSON form. Only
// timeouts go through the memo (process times are all different).
function floatJson(x: number | undefined, memo = false): string {
  if (x === undefined || !Number.isFinite(x)) return 'null';
  return memo ? floatRepr(x) : pythonFloatRepr(x);
}

const intJson = (x: number | undefined): string => (x === undefined ? 'null' : String(Math.trunc(x)));
const strJson = (x: string | undefined): string => (x === undefined ? 'null' : JSON.stringify(x));

/** A terminal as the body carries it: all ten fields, null when unset, the nonce exact. */
export function terminalJson(t: Terminal): string {
  return (
    `{"status_code":${intJson(t.statusCode)},"status_message":${strJson(t.statusMessage)},` +
    `"process_time":${floatJson(t.processTime)},"ip":${strJson(t.ip)},"port":${intJson(t.port)},` +
    `"version":${intJson(t.version)},"nonce":${t.nonce === undefined ? 'null' : t.nonce.toString()},` +
    `"uuid":${strJson(t.uuid)},"hotkey":${strJson(t.hotkey)},"signature":${strJson(t.signature)}}`
  );
}

/**
 * The JSON body of a synapse (`model_dump()`), with `fragment` from `fieldsFragment` when the
 * caller already has it. `computed_body_hash` is the model field (normally `""`): the real hash
 * travels only in the header, as in Python.
 */
export function synapseBody(s: Synapse, fragment: string = fieldsFragment(s)): string {
  return (
    `{"name":${JSON.stringify(s.name)},"timeout":${floatJson(s.timeout, true)},"total_size":${intJson(s.totalSize)},` +
    `"header_size":${intJson(s.headerSize)},"dendrite":${terminalJson(s.dendrite)},"axon":${terminalJson(s.axon)},` +
    `"computed_body_hash":${JSON.stringify(s.computedBodyHash)}${fragment}}`
  );
}

// Terminal fields in header order, with their wire names per side precomputed (this runs per request).
const TERMINAL_FIELDS = [
  ['statusCode', 'status_code'],
  ['statusMessage', 'status_message'],
  ['processTime', 'process_time'],
  ['ip', 'ip'],
  ['port', 'port'],
  ['version', 'version'],
  ['nonce', 'nonce'],
  ['uuid', 'uuid'],
  ['hotkey', 'hotkey'],
  ['signature', 'signature'],
] as const;
type TerminalKey = (typeof TERMINAL_FIELDS)[number][0];
const HEADER_NAMES = {
  axon: TERMINAL_FIELDS.map(([k, w]) => [k, `bt_header_axon_${w}`] as const),
  dendrite: TERMINAL_FIELDS.map(([k, w]) => [k, `bt_header_dendrite_${w}`] as const),
};

// JSON of the empty value of each Python type, base64: the `bt_header_input_obj_*` placeholder.
const PLACEHOLDER: Record<FieldKind, string> = {
  int: 'MA==',
  float: 'MC4w',
  str: 'IiI=',
  bool: 'ZmFsc2U=',
  list: 'W10=',
  dict: 'e30=',
};

// Header values must be Latin-1 without control characters (Node refuses others, and proxies mangle them).
const latin1 = (v: string): string =>
  /^[\x20-\x7e\xa0-\xff]*$/.test(v) ? v : v.replace(/[^\x20-\x7e\xa0-\xff]/g, '?');

function terminalHeaders(h: Record<string, string>, side: 'axon' | 'dendrite', t: Terminal): void {
  for (const [key, name] of HEADER_NAMES[side]) {
    const v = t[key];
    if (v === undefined) continue;
    if (key === 'processTime') h[name] = pythonFloatRepr(v as number);
    else if (key === 'statusMessage') h[name] = latin1(v as string);
    else h[name] = String(v);
  }
}

/**
 * The headers of a synapse (`to_headers()`; the same as `synapseHeaders`, written directly because
 * it runs for every request and answer), with the given body hash. Also sets the informational
 * `headerSize`/`totalSize` on the synapse (Python does this as a side effect), `bodyBytes` being the
 * length of the protocol fields in the body.
 *
 * With `answer`, the headers of an axon's answer: the axon's terminal only. Python echoes the
 * caller's own terminal and the input placeholders back too, but its dendrite only merges what is
 * present, and a dozen fewer headers per answer is a measurable share of an axon's time.
 */
export function synapseToHeaders(
  s: Synapse,
  computedBodyHash: string,
  bodyBytes = 0,
  answer = false,
): Record<string, string> {
  const h: Record<string, string> = { name: s.name, timeout: floatRepr(s.timeout) };
  terminalHeaders(h, 'axon', s.axon);
  if (!answer) {
    terminalHeaders(h, 'dendrite', s.dendrite);
    for (const f of s.spec.requiredFields) h[`bt_header_input_obj_${f.name}`] = PLACEHOLDER[f.kind];
  }
  let size = 0;
  for (const k in h) size += k.length + (h[k] as string).length + 4;
  size += 64 + computedBodyHash.length; // the three headers below
  s.headerSize = size;
  s.totalSize = size + bodyBytes;
  h.header_size = String(s.headerSize);
  h.total_size = String(s.totalSize);
  h.computed_body_hash = computedBodyHash;
  return h;
}

/** A header map as Node gives it (names lower-case; a value may be a list). */
export type IncomingHeaders = Readonly<Record<string, string | readonly string[] | undefined>>;

const headerValue = (headers: IncomingHeaders, name: string): string | undefined => {
  const v = headers[name];
  return typeof v === 'string' ? v : v?.[0];
};

function terminalFromHeaders(headers: IncomingHeaders, side: 'axon' | 'dendrite'): Terminal {
  const out: Terminal = {};
  for (const [key, name] of HEADER_NAMES[side]) {
    const v = headerValue(headers, name);
    if (v === undefined) continue;
    setTerminal(out, key, v, name);
  }
  return out;
}

// Parses one terminal header the way Python's `int()`/`float()` would accept it (§2.3).
function setTerminal(out: Terminal, key: TerminalKey, v: string, name: string): void {
  switch (key) {
    case 'nonce':
      if (!/^\d+$/.test(v)) throw new InvalidInput(`Header ${name} is not a non-negative integer.`);
      out.nonce = BigInt(v);
      return;
    case 'processTime': {
      const t = Number(v);
      if (v.trim() === '' || !Number.isFinite(t)) throw new InvalidInput(`Header ${name} is not a number.`);
      out.processTime = t;
      return;
    }
    case 'statusCode':
    case 'port':
    case 'version':
      if (!/^-?\d+$/.test(v)) throw new InvalidInput(`Header ${name} is not an integer.`);
      out[key] = Number(v);
      return;
    default:
      out[key] = v;
  }
}

/** What headers say about a synapse: both terminals, the timeout and the body hash. */
export interface HeaderSynapse {
  readonly name: string | undefined;
  readonly timeout: number | undefined;
  readonly axon: Terminal;
  readonly dendrite: Terminal;
  readonly computedBodyHash: string | undefined;
}

/**
 * Reads `Synapse.from_headers()`'s part of the headers (names lower-case, as Node and Python give
 * them): terminals (numbers parsed), the timeout and the body hash. Unknown headers are ignored.
 * @throws InvalidInput when a terminal number or the timeout does not parse.
 */
export function synapseFromHeaders(headers: IncomingHeaders): HeaderSynapse {
  const t = headerValue(headers, 'timeout');
  let timeout: number | undefined;
  if (t !== undefined) {
    timeout = Number(t);
    if (t.trim() === '' || !Number.isFinite(timeout) || timeout <= 0)
      throw new InvalidInput('Header timeout is not a positive number.');
  }
  return {
    name: headerValue(headers, 'name'),
    timeout,
    axon: terminalFromHeaders(headers, 'axon'),
    dendrite: terminalFromHeaders(headers, 'dendrite'),
    computedBodyHash: headerValue(headers, 'computed_body_hash'),
  };
}

/**
 * Validates a parsed JSON body against a protocol and returns its field values. `only` limits the
 * read to one side (a dendrite takes only response fields from an answer); fields outside it are
 * left out.
 * @throws InvalidInput when the body is not an object, a required field is missing, or a value
 * has the wrong type.
 */
export function parseSynapseFields(
  spec: SynapseSpec,
  body: unknown,
  only?: 'request' | 'response',
): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new InvalidInput('The body is not a JSON object.');
  const obj = body as Record<string, JsonValue | undefined>;
  const out: Record<string, unknown> = {};
  for (const { key, field, side } of spec.fields) {
    if (only !== undefined && side !== only) continue;
    const v = obj[key];
    if (v === undefined) {
      if (field.required) throw new InvalidInput(`Field ${key} is required.`);
      out[key] = field.makeDefault();
    } else out[key] = field.parse(v, key);
  }
  return out;
}
