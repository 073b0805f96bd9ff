/**
 * Python's `str()` of JSON-like values, because body hashes hash exactly that text: `True`/`None`,
 * floats in shortest repr with Python's exponent rules (`1e-05`, `12.0`), strings in containers
 * quoted per element (`['hi', "it's"]`), dicts as `{'k': v}`.
 */

/** A float that must render as a Python float even when integral (`12` → `12.0`). */
export class PyFloat {
  /** The float's value. */
  readonly value: number;
  constructor(value: number) {
    this.value = value;
  }
}

/** Marks a number as a Python float. */
export const pyFloat = (x: number): PyFloat => new PyFloat(x);

/** Values `pythonStr` renders; integral `number`s and `bigint`s are ints, other numbers floats. */
export type PyValue =
  | null
  | boolean
  | number
  | bigint
  | string
  | PyFloat
  | readonly PyValue[]
  | { readonly [key: string]: PyValue };

/** Python `repr(float)`: shortest round-trip digits; scientific below 1e-4 or from 1e16 on. */
export function pythonFloatRepr(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const [mant = '', expText = '0'] = x.toExponential().split('e');
  const exp = Number(expText);
  const sign = mant.startsWith('-') ? '-' : '';
  const digits = mant.replace('-', '').replace('.', '');
  if (exp < -4 || exp >= 16) {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    return `${sign}${m}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  if (exp < 0) return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
  const intPart = digits.slice(0, exp + 1).padEnd(exp + 1, '0');
  const frac = digits.slice(exp + 1);
  return `${sign}${intPart}.${frac === '' ? '0' : frac}`;
}

// Python's str.isprintable() is false for these categories (the plain space excepted).
const NON_PRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;

/** Python `repr(str)`: single quotes unless the text has `'` and no `"`; escapes as CPython writes them. */
export function pythonStrRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    const cp = ch.codePointAt(0) as number;
    if (ch === quote || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch !== ' ' && NON_PRINTABLE.test(ch)) {
      if (cp < 0x100) out += `\\x${cp.toString(16).padStart(2, '0')}`;
      else if (cp < 0x10000) out += `\\u${cp.toString(16).padStart(4, '0')}`;
      else out += `\\U${cp.toString(16).padStart(8, '0')}`;
    } else out += ch;
  }
  return out + quote;
}

function repr(v: PyValue): string {
  if (v === null) return 'None';
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'number') return Number.isInteger(v) ? BigInt(v).toString() : pythonFloatRepr(v);
  if (typeof v === 'string') return pythonStrRepr(v);
  if (v instanceof PyFloat) return pythonFloatRepr(v.value);
  if (Array.isArray(v)) return `[${v.map(repr).join(', ')}]`;
  const o = v as { readonly [key: string]: PyValue };
  return `{${Object.keys(o)
    .map((k) => `${pythonStrRepr(k)}: ${repr(o[k] as PyValue)}`)
    .join(', ')}}`;
}

/** Python `str(value)`: a top-level string is itself; everything else is its repr. */
export function pythonStr(value: PyValue): string {
  return typeof value === 'string' ? value : repr(value);
}
