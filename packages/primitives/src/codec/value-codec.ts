/**
 * A canonical binary encoding for plain state values, so every node derives the same bytes (and
 * so the same state root) from the same state. One value has exactly one encoding: object keys
 * are sorted, integers use the shortest form, and no floats exist (a non-integer number throws).
 *
 * Supported: null, booleans, safe integers, bigints, strings, Uint8Array, Uint16Array,
 * Uint32Array, BigInt64Array, arrays and plain objects whose values are supported (an undefined
 * property is skipped, as if absent).
 */
enum Tag {
  Null = 0,
  False = 1,
  True = 2,
  Int = 3,
  BigInt = 4,
  Str = 5,
  Bytes = 6,
  U16s = 7,
  U32s = 8,
  I64s = 9,
  List = 10,
  Obj = 11,
}

export class CodecError extends Error {
  override readonly name = 'CodecError';
}

class Writer {
  buf = new Uint8Array(256);
  len = 0;
  ensure(n: number): void {
    if (this.len + n <= this.buf.length) return;
    let cap = this.buf.length * 2;
    while (cap < this.len + n) cap *= 2;
    const b = new Uint8Array(cap);
    b.set(this.buf.subarray(0, this.len));
    this.buf = b;
  }
  byte(b: number): void {
    this.ensure(1);
    this.buf[this.len++] = b;
  }
  bytes(b: Uint8Array): void {
    this.ensure(b.length);
    this.buf.set(b, this.len);
    this.len += b.length;
  }
  /** Unsigned LEB128. */
  uvar(n: bigint): void {
    let v = n;
    do {
      let b = Number(v & 0x7fn);
      v >>= 7n;
      if (v !== 0n) b |= 0x80;
      this.byte(b);
    } while (v !== 0n);
  }
  /** Zig-zag signed varint. */
  svar(n: bigint): void {
    this.uvar(n >= 0n ? n << 1n : (-n << 1n) - 1n);
  }
}

const utf8 = new TextEncoder();
const utf8d = new TextDecoder('utf-8', { fatal: true });

function write(w: Writer, v: unknown): void {
  if (v === null) {
    w.byte(Tag.Null);
    return;
  }
  switch (typeof v) {
    case 'boolean':
      w.byte(v ? Tag.True : Tag.False);
      return;
    case 'number':
      if (!Number.isSafeInteger(v)) throw new CodecError(`cannot encode non-integer number ${v}`);
      w.byte(Tag.Int);
      w.svar(BigInt(v));
      return;
    case 'bigint':
      w.byte(Tag.BigInt);
      w.svar(v);
      return;
    case 'string': {
      const b = utf8.encode(v);
      w.byte(Tag.Str);
      w.uvar(BigInt(b.length));
      w.bytes(b);
      return;
    }
    case 'object':
      break;
    default:
      throw new CodecError(`cannot encode a ${typeof v}`);
  }
  if (v instanceof Uint8Array) {
    w.byte(Tag.Bytes);
    w.uvar(BigInt(v.length));
    w.bytes(v);
    return;
  }
  if (v instanceof Uint16Array || v instanceof Uint32Array) {
    w.byte(v instanceof Uint16Array ? Tag.U16s : Tag.U32s);
    w.uvar(BigInt(v.length));
    for (const x of v) w.uvar(BigInt(x));
    return;
  }
  if (v instanceof BigInt64Array) {
    w.byte(Tag.I64s);
    w.uvar(BigInt(v.length));
    for (const x of v) w.svar(x);
    return;
  }
  if (Array.isArray(v)) {
    w.byte(Tag.List);
    w.uvar(BigInt(v.length));
    for (const x of v) write(w, x);
    return;
  }
  const proto = Object.getPrototypeOf(v);
  if (proto !== Object.prototype && proto !== null) throw new CodecError('cannot encode a class instance');
  const keys = Object.keys(v as object)
    .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
    .sort();
  w.byte(Tag.Obj);
  w.uvar(BigInt(keys.length));
  for (const k of keys) {
    write(w, k);
    write(w, (v as Record<string, unknown>)[k]);
  }
}

export function encodeValue(v: unknown): Uint8Array {
  const w = new Writer();
  write(w, v);
  return w.buf.slice(0, w.len);
}

class Reader {
  pos = 0;
  constructor(readonly b: Uint8Array) {}
  byte(): number {
    const x = this.b[this.pos++];
    if (x === undefined) throw new CodecError('unexpected end of input');
    return x;
  }
  uvar(): bigint {
    let r = 0n;
    let shift = 0n;
    for (;;) {
      const b = this.byte();
      r |= BigInt(b & 0x7f) << shift;
      if ((b & 0x80) === 0) return r;
      shift += 7n;
      if (shift > 1024n) throw new CodecError('varint too long');
    }
  }
  svar(): bigint {
    const z = this.uvar();
    return z & 1n ? -((z + 1n) >> 1n) : z >> 1n;
  }
  len(): number {
    const n = this.uvar();
    if (n > BigInt(this.b.length - this.pos)) throw new CodecError('length exceeds input');
    return Number(n);
  }
  take(n: number): Uint8Array {
    const out = this.b.slice(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }
}

function read(r: Reader, depth: number): unknown {
  if (depth > 64) throw new CodecError('nesting too deep');
  const tag = r.byte();
  switch (tag) {
    case Tag.Null:
      return null;
    case Tag.False:
      return false;
    case Tag.True:
      return true;
    case Tag.Int:
      return Number(r.svar());
    case Tag.BigInt:
      return r.svar();
    case Tag.Str:
      return utf8d.decode(r.take(r.len()));
    case Tag.Bytes:
      return r.take(r.len());
    case Tag.U16s:
    case Tag.U32s: {
      const n = r.len();
      const out = tag === Tag.U16s ? new Uint16Array(n) : new Uint32Array(n);
      for (let i = 0; i < n; i++) out[i] = Number(r.uvar());
      return out;
    }
    case Tag.I64s: {
      const n = r.len();
      const out = new BigInt64Array(n);
      for (let i = 0; i < n; i++) out[i] = r.svar();
      return out;
    }
    case Tag.List: {
      const n = r.len();
      const out: unknown[] = [];
      for (let i = 0; i < n; i++) out.push(read(r, depth + 1));
      return out;
    }
    case Tag.Obj: {
      const n = r.len();
      const out: Record<string, unknown> = {};
      for (let i = 0; i < n; i++) {
        const k = read(r, depth + 1);
        if (typeof k !== 'string') throw new CodecError('object key is not a string');
        out[k] = read(r, depth + 1);
      }
      return out;
    }
    default:
      throw new CodecError(`unknown tag ${tag}`);
  }
}

export function decodeValue(bytes: Uint8Array): unknown {
  const r = new Reader(bytes);
  const v = read(r, 0);
  if (r.pos !== bytes.length) throw new CodecError('trailing bytes');
  return v;
}
