/**
 * The reference model of the synapse HTTP headers (`Synapse.to_headers()` and back): lower-case
 * names, string values, one `bt_header_<side>_<field>` per non-null terminal field, a base64-JSON
 * placeholder per required input field (the real values travel in the body), sizes, and the
 * computed body hash. The shared vectors check this copy; the axon and dendrite use the faster
 * `wire.ts`, which a test holds to the same output.
 */
import { InvalidInput } from '../errors.js';
import { pythonFloatRepr } from './python-str.js';

/** One side's terminal info (all optional, as in the Python model). */
export interface TerminalInfo {
  readonly statusCode?: number;
  readonly statusMessage?: string;
  /** Seconds (a Python float). */
  readonly processTime?: number;
  readonly ip?: string;
  readonly port?: number;
  readonly version?: number;
  /** Nanoseconds. */
  readonly nonce?: bigint;
  readonly uuid?: string;
  /** SS58 hotkey. */
  readonly hotkey?: string;
  /** `0x`-hex signature. */
  readonly signature?: string;
}

/** Python type of a required synapse input field, which fixes its placeholder header. */
export type FieldKind = 'int' | 'float' | 'str' | 'bool' | 'list' | 'dict';

/** Everything `synapseHeaders` needs. */
export interface SynapseHeaderInput {
  /** The synapse class name (also the route). */
  readonly name: string;
  /** Seconds. */
  readonly timeout: number;
  readonly axon: TerminalInfo;
  readonly dendrite: TerminalInfo;
  /** JSON-schema `required` fields, in class order. */
  readonly requiredFields: readonly { readonly name: string; readonly kind: FieldKind }[];
  /** Informational sizes (CPython `getsizeof` values upstream; any integer is accepted). */
  readonly headerSize: number;
  readonly totalSize: number;
  /** SHA3-256 hex, no `0x`. */
  readonly computedBodyHash: string;
}

// Header order and Python rendering of each TerminalInfo field.
const TERMINAL_FIELDS: readonly [keyof TerminalInfo, string][] = [
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
];

// JSON of the empty value of each type, base64-encoded, as the placeholder header carries it.
const PLACEHOLDER: Record<FieldKind, string> = {
  int: Buffer.from('0').toString('base64'),
  float: Buffer.from('0.0').toString('base64'),
  str: Buffer.from('""').toString('base64'),
  bool: Buffer.from('false').toString('base64'),
  list: Buffer.from('[]').toString('base64'),
  dict: Buffer.from('{}').toString('base64'),
};

function terminalValue(key: keyof TerminalInfo, v: string | number | bigint): string {
  if (key === 'processTime') return pythonFloatRepr(Number(v));
  return String(v);
}

/** The request or response headers of a synapse. */
export function synapseHeaders(s: SynapseHeaderInput): Record<string, string> {
  const h: Record<string, string> = { name: s.name, timeout: pythonFloatRepr(s.timeout) };
  for (const [side, info] of [
    ['axon', s.axon],
    ['dendrite', s.dendrite],
  ] as const) {
    for (const [key, wire] of TERMINAL_FIELDS) {
      const v = info[key];
      if (v !== undefined) h[`bt_header_${side}_${wire}`] = terminalValue(key, v);
    }
  }
  for (const f of s.requiredFields) h[`bt_header_input_obj_${f.name}`] = PLACEHOLDER[f.kind];
  h.header_size = String(s.headerSize);
  h.total_size = String(s.totalSize);
  h.computed_body_hash = s.computedBodyHash;
  return h;
}

function intOf(v: string, name: string): number {
  if (!/^-?\d+$/.test(v)) throw new InvalidInput(`Header ${name} is not an integer.`);
  return Number(v);
}

/**
 * One side's terminal info read back from headers (names case-insensitive, unknown headers ignored).
 * @throws InvalidInput when a numeric field does not parse.
 */
export function terminalInfoFromHeaders(
  headers: Readonly<Record<string, string | undefined>>,
  side: 'axon' | 'dendrite',
): TerminalInfo {
  const lower = new Map(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  const out: Record<string, string | number | bigint> = {};
  for (const [key, wire] of TERMINAL_FIELDS) {
    const name = `bt_header_${side}_${wire}`;
    const v = lower.get(name);
    if (v === undefined) continue;
    if (key === 'nonce') {
      if (!/^\d+$/.test(v)) throw new InvalidInput(`Header ${name} is not a non-negative integer.`);
      out[key] = BigInt(v);
    } else if (key === 'processTime') {
      const t = Number(v);
      if (v.trim() === '' || !Number.isFinite(t)) throw new InvalidInput(`Header ${name} is not a number.`);
      out[key] = t;
    } else if (key === 'statusCode' || key === 'port' || key === 'version') out[key] = intOf(v, name);
    else out[key] = v;
  }
  return out as TerminalInfo;
}
