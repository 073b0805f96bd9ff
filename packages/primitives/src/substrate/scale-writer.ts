/**
 * SCALE encoding of a described type into one growing buffer. scale-ts allocates and merges a
 * new array for every value it encodes, which made a 256-uid Metagraph (45 kB, ~10k compacts) take
 * several milliseconds; this writes the same bytes in one pass. Decoding stays with scale-ts.
 * The value conventions are those of `codecOf` (see scale-type.ts).
 */
import type { Field, Primitive, ScaleType } from './scale-type.js';

class Writer {
  buf = new Uint8Array(256);
  view = new DataView(this.buf.buffer);
  at = 0;

  reserve(n: number): void {
    if (this.at + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.at + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.at));
    this.buf = next;
    this.view = new DataView(next.buffer);
  }

  bytes(b: Uint8Array): void {
    this.reserve(b.length);
    this.buf.set(b, this.at);
    this.at += b.length;
  }

  compact(v: number | bigint): void {
    if (typeof v !== 'bigint' && !Number.isInteger(v)) throw new TypeError(`expected an integer, got ${String(v)}`);
    if (v < 0) throw new RangeError(`compact of a negative number (${v})`);
    this.reserve(17);
    const n = typeof v === 'number' ? v : v <= 0xffffffffn ? Number(v) : -1;
    if (n >= 0 && n < 1 << 6) this.buf[this.at++] = n << 2;
    else if (n >= 0 && n < 1 << 14) {
      this.view.setUint16(this.at, (n << 2) | 1, true);
      this.at += 2;
    } else if (n >= 0 && n < 1 << 30) {
      this.view.setUint32(this.at, ((n << 2) | 2) >>> 0, true);
      this.at += 4;
    } else {
      let big = BigInt(v);
      const start = this.at++;
      let len = 0;
      while (big > 0n) {
        this.buf[this.at++] = Number(big & 0xffn);
        big >>= 8n;
        len++;
      }
      for (; len < 4; len++) this.buf[this.at++] = 0;
      this.buf[start] = ((len - 4) << 2) | 3;
    }
  }

  int(v: unknown, bytes: number, signed: boolean): void {
    if (typeof v !== 'bigint' && !Number.isInteger(v)) throw new TypeError(`expected an integer, got ${String(v)}`);
    this.reserve(bytes);
    if (bytes <= 4) {
      const n = Number(v);
      if (bytes === 1) this.view[signed ? 'setInt8' : 'setUint8'](this.at, n);
      else if (bytes === 2) this.view[signed ? 'setInt16' : 'setUint16'](this.at, n, true);
      else this.view[signed ? 'setInt32' : 'setUint32'](this.at, n, true);
    } else {
      let big = BigInt(v as bigint);
      const bits = BigInt(bytes * 8);
      if (signed && big < 0n) big += 1n << bits;
      if (big < 0n || big >= 1n << bits) throw new RangeError(`${v} does not fit in ${bytes * 8} bits`);
      for (let i = 0; i < bytes; i += 8) {
        this.view.setBigUint64(this.at + i, big & 0xffffffffffffffffn, true);
        big >>= 64n;
      }
    }
    this.at += bytes;
  }
}

const INT: Partial<Record<Primitive, [number, boolean]>> = {
  u8: [1, false],
  u16: [2, false],
  u32: [4, false],
  u64: [8, false],
  u128: [16, false],
  i8: [1, true],
  i16: [2, true],
  i32: [4, true],
  i64: [8, true],
  i128: [16, true],
};

type Enc = (w: Writer, v: unknown) => void;
const encoders = new WeakMap<ScaleType, Enc>();
const utf8 = new TextEncoder();

const isU8 = (t: ScaleType) => t.kind === 'primitive' && t.prim === 'u8';

function fieldsEncoder(fs: readonly Field[]): Enc {
  if (fs.length === 0) return () => {};
  if (fs.every((f) => f.name !== undefined)) {
    const parts = fs.map((f) => [f.name as string, encoderOf(f.type)] as const);
    return (w, v) => {
      const rec = v as Record<string, unknown>;
      for (const [name, enc] of parts) enc(w, rec[name]);
    };
  }
  if (fs.length === 1) return encoderOf((fs[0] as Field).type);
  const encs = fs.map((f) => encoderOf(f.type));
  return (w, v) => {
    const a = v as unknown[];
    for (let i = 0; i < encs.length; i++) (encs[i] as Enc)(w, a[i]);
  };
}

function encoderOf(t: ScaleType): Enc {
  const cached = encoders.get(t);
  if (cached !== undefined) return cached;
  let e: Enc;
  switch (t.kind) {
    case 'primitive': {
      const int = INT[t.prim];
      if (int !== undefined) {
        const [n, signed] = int;
        e = (w, v) => w.int(v, n, signed);
      } else if (t.prim === 'bool')
        e = (w, v) => {
          if (typeof v !== 'boolean') throw new TypeError(`expected a boolean, got ${String(v)}`);
          w.int(v ? 1 : 0, 1, false);
        };
      else if (t.prim === 'str')
        e = (w, v) => {
          const b = utf8.encode(v as string);
          w.compact(b.length);
          w.bytes(b);
        };
      else throw new Error(`no encoder for primitive ${t.prim}`);
      break;
    }
    case 'compact':
      e = (w, v) => w.compact(v as number | bigint);
      break;
    case 'sequence':
      if (isU8(t.of))
        e = (w, v) => {
          const b = v as Uint8Array;
          w.compact(b.length);
          w.bytes(b);
        };
      else {
        let inner: Enc | null = null;
        e = (w, v) => {
          inner ??= encoderOf(t.of);
          const a = v as unknown[];
          w.compact(a.length);
          for (const x of a) inner(w, x);
        };
      }
      break;
    case 'array':
      if (isU8(t.of))
        e = (w, v) => {
          if (!(v instanceof Uint8Array) || v.length !== t.len) throw new RangeError(`expected ${t.len} bytes`);
          w.bytes(v);
        };
      else {
        const inner = encoderOf(t.of);
        e = (w, v) => {
          const a = v as unknown[];
          if (a.length !== t.len) throw new RangeError(`expected ${t.len} items, got ${a.length}`);
          for (const x of a) inner(w, x);
        };
      }
      break;
    case 'tuple': {
      const encs = t.items.map(encoderOf);
      e = (w, v) => {
        const a = v as unknown[];
        for (let i = 0; i < encs.length; i++) (encs[i] as Enc)(w, a[i]);
      };
      break;
    }
    case 'composite':
      e = fieldsEncoder(t.fields);
      break;
    case 'variant': {
      // Resolved on first use, so that a variant may (indirectly) contain itself.
      let byTag: Map<string, [number, Enc]> | null = null;
      e = (w, v) => {
        byTag ??= new Map(t.variants().map((x) => [x.name, [x.index, fieldsEncoder(x.fields)]]));
        const { tag, value } = v as { tag: string; value: unknown };
        const found = byTag.get(tag);
        if (found === undefined) throw new RangeError(`unknown variant ${tag}`);
        w.int(found[0], 1, false);
        found[1](w, value);
      };
      break;
    }
  }
  encoders.set(t, e);
  return e;
}

/** The SCALE bytes of `v` as a value of type `t`. */
export function encodeScale(t: ScaleType, v: unknown): Uint8Array {
  const w = new Writer();
  encoderOf(t)(w, v);
  return w.buf.slice(0, w.at);
}
