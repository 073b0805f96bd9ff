/**
 * SCALE type descriptions: the one vocabulary from which both the metadata's type registry
 * (`type-registry.ts`) and the value codecs are derived, so a storage value is always encoded with
 * exactly the type the metadata announces.
 *
 * A named type (composite or variant with a path) is a value: declare it once as a constant and
 * refer to it, and the registry gives it one id. Anonymous shapes (sequences, tuples, arrays,
 * compacts, primitives) are interned by structure.
 */
import {
  Bytes,
  type Codec,
  compact,
  createCodec,
  Enum,
  Struct,
  Tuple,
  Vector,
  bool,
  i128,
  i16,
  i32,
  i64,
  i8,
  str,
  u128,
  u16,
  u32,
  u64,
  u8,
  _void,
} from 'scale-ts';
import { encodeScale } from './scale-writer.js';

export type Primitive =
  | 'bool'
  | 'char'
  | 'str'
  | 'u8'
  | 'u16'
  | 'u32'
  | 'u64'
  | 'u128'
  | 'u256'
  | 'i8'
  | 'i16'
  | 'i32'
  | 'i64'
  | 'i128'
  | 'i256';

export interface Field {
  readonly name?: string;
  readonly type: ScaleType;
  /** The Rust type name the metadata shows (informational; clients print it). */
  readonly typeName?: string;
  readonly docs?: readonly string[];
}

export interface VariantDef {
  readonly name: string;
  readonly index: number;
  readonly fields: readonly Field[];
  readonly docs?: readonly string[];
}

export interface TypeParam {
  readonly name: string;
  readonly type: ScaleType | null;
}

export type ScaleType =
  | { readonly kind: 'primitive'; readonly prim: Primitive }
  | { readonly kind: 'compact'; readonly of: ScaleType }
  | { readonly kind: 'sequence'; readonly of: ScaleType }
  | { readonly kind: 'array'; readonly len: number; readonly of: ScaleType }
  | { readonly kind: 'tuple'; readonly items: readonly ScaleType[] }
  | {
      readonly kind: 'composite';
      readonly path: readonly string[];
      readonly params: readonly TypeParam[];
      readonly fields: readonly Field[];
      readonly docs: readonly string[];
    }
  | {
      readonly kind: 'variant';
      readonly path: readonly string[];
      readonly params: readonly TypeParam[];
      /** Lazy so that recursive types (a call that holds calls) can be declared. */
      readonly variants: () => readonly VariantDef[];
      readonly docs: readonly string[];
    };

const prims = new Map<Primitive, ScaleType>();
export function prim(p: Primitive): ScaleType {
  let t = prims.get(p);
  if (t === undefined) {
    t = { kind: 'primitive', prim: p };
    prims.set(p, t);
  }
  return t;
}

export const T = {
  bool: prim('bool'),
  str: prim('str'),
  u8: prim('u8'),
  u16: prim('u16'),
  u32: prim('u32'),
  u64: prim('u64'),
  u128: prim('u128'),
  i16: prim('i16'),
  i32: prim('i32'),
  i64: prim('i64'),
  i128: prim('i128'),
  compact: (of: ScaleType): ScaleType => ({ kind: 'compact', of }),
  vec: (of: ScaleType): ScaleType => ({ kind: 'sequence', of }),
  array: (len: number, of: ScaleType): ScaleType => ({ kind: 'array', len, of }),
  tuple: (...items: ScaleType[]): ScaleType => ({ kind: 'tuple', items }),
  composite: (
    path: string,
    fields: readonly Field[],
    params: readonly TypeParam[] = [],
    docs: readonly string[] = [],
  ): ScaleType => ({ kind: 'composite', path: path.split('::'), params, fields, docs }),
  variant: (
    path: string,
    variants: readonly VariantDef[] | (() => readonly VariantDef[]),
    params: readonly TypeParam[] = [],
    docs: readonly string[] = [],
  ): ScaleType => ({
    kind: 'variant',
    path: path.split('::'),
    params,
    variants: typeof variants === 'function' ? variants : () => variants,
    docs,
  }),
};

/** Fields from a record, in declaration order: `{ netuid: NetUid }` → named fields. */
export function fields(record: Readonly<Record<string, ScaleType>>): Field[] {
  return Object.entries(record).map(([name, type]) => ({ name, type }));
}

/** Unnamed fields, for tuple-like variants (`NetworkAdded(u16, u16)`). */
export function unnamed(...types: ScaleType[]): Field[] {
  return types.map((type) => ({ type }));
}

/** The empty tuple `()`. */
export const UNIT: ScaleType = T.tuple();

// ---- codecs --------------------------------------------------------------------------------

const PRIMITIVE_CODECS: Partial<Record<Primitive, Codec<unknown>>> = {
  bool: bool as Codec<unknown>,
  str: str as Codec<unknown>,
  u8: u8 as Codec<unknown>,
  u16: u16 as Codec<unknown>,
  u32: u32 as Codec<unknown>,
  u64: u64 as Codec<unknown>,
  u128: u128 as Codec<unknown>,
  i8: i8 as Codec<unknown>,
  i16: i16 as Codec<unknown>,
  i32: i32 as Codec<unknown>,
  i64: i64 as Codec<unknown>,
  i128: i128 as Codec<unknown>,
};

const codecs = new WeakMap<ScaleType, Codec<unknown>>();

/**
 * The codec of a type. Values: numbers for u8–u32 and i8–i32, bigints above; `Uint8Array` for
 * byte arrays and `Vec<u8>`; arrays for sequences and tuples; objects for composites with named
 * fields (a single unnamed field is the value itself, several are an array); `{ tag, value }` for
 * variants.
 */
export function codecOf(t: ScaleType): Codec<unknown> {
  const cached = codecs.get(t);
  if (cached !== undefined) return cached;
  let c: Codec<unknown>;
  switch (t.kind) {
    case 'primitive': {
      const p = PRIMITIVE_CODECS[t.prim];
      if (p === undefined) throw new Error(`no codec for primitive ${t.prim}`);
      c = p;
      break;
    }
    case 'compact':
      c = compact as Codec<unknown>;
      break;
    case 'sequence':
      c = isU8(t.of) ? (Bytes() as Codec<unknown>) : (Vector(codecOf(t.of)) as Codec<unknown>);
      break;
    case 'array':
      c = isU8(t.of) ? fixedBytes(t.len) : (Vector(codecOf(t.of), t.len) as Codec<unknown>);
      break;
    case 'tuple':
      c =
        t.items.length === 0
          ? (_void as Codec<unknown>)
          : (Tuple(...(t.items.map(codecOf) as [Codec<unknown>])) as Codec<unknown>);
      break;
    case 'composite':
      c = fieldsCodec(t.fields);
      break;
    case 'variant': {
      // Resolved on first use, so that a variant may (indirectly) contain itself.
      let inner: Codec<unknown> | null = null;
      const get = (): Codec<unknown> => {
        if (inner === null) {
          const vs = t.variants();
          const byName: Record<string, Codec<unknown>> = {};
          for (const v of vs) byName[v.name] = fieldsCodec(v.fields);
          inner = Enum(byName as never, vs.map((v) => v.index) as never) as unknown as Codec<unknown>;
        }
        return inner;
      };
      c = createCodec(
        (v: unknown) => get().enc(v),
        (b) => get().dec(b),
      ) as Codec<unknown>;
      break;
    }
  }
  // Encoding goes through one buffer (scale-writer.ts); decoding stays with scale-ts.
  const dec = c.dec;
  c = createCodec((v: unknown) => encodeScale(t, v), dec) as Codec<unknown>;
  codecs.set(t, c);
  return c;
}

/** `[u8; len]`, refusing input that runs out early (scale-ts' Bytes(n) would return fewer bytes). */
function fixedBytes(len: number): Codec<unknown> {
  const inner = Bytes(len);
  return createCodec(
    (v: unknown) => {
      if (!(v instanceof Uint8Array) || v.length !== len) throw new RangeError(`expected ${len} bytes`);
      return inner.enc(v);
    },
    (b) => {
      const v = inner.dec(b);
      if (v.length !== len) throw new RangeError(`expected ${len} bytes, the input ends after ${v.length}`);
      return v;
    },
  ) as Codec<unknown>;
}

function isU8(t: ScaleType): boolean {
  return t.kind === 'primitive' && t.prim === 'u8';
}

function fieldsCodec(fs: readonly Field[]): Codec<unknown> {
  if (fs.length === 0) return _void as Codec<unknown>;
  if (fs.every((f) => f.name !== undefined)) {
    const rec: Record<string, Codec<unknown>> = {};
    for (const f of fs) rec[f.name as string] = codecOf(f.type);
    return Struct(rec as never) as unknown as Codec<unknown>;
  }
  if (fs.length === 1) return codecOf((fs[0] as Field).type);
  return Tuple(...(fs.map((f) => codecOf(f.type)) as [Codec<unknown>])) as Codec<unknown>;
}
