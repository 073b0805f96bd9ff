/**
 * The one-buffer SCALE encoder against scale-ts, byte for byte: compact boundaries, signed and
 * wide integers, strings, byte vectors and arrays, tuples, structs, options and enums, and values
 * it must refuse.
 */
import {
  Bytes,
  compact,
  Enum,
  i8,
  i64,
  i128,
  Option,
  str,
  Struct,
  Tuple,
  u16,
  u64,
  u128,
  Vector,
  bool,
} from 'scale-ts';
import { describe, expect, it } from 'vitest';
import { fields, T, unnamed } from '../src/substrate/scale-type.js';
import { encodeScale } from '../src/substrate/scale-writer.js';
import { AccountId32, option } from '../src/substrate/types.js';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

describe('encodeScale', () => {
  it('compacts at every mode boundary, from numbers and bigints', () => {
    const values = [0, 1, 63, 64, 16383, 16384, 2 ** 30 - 1, 2 ** 30, 2 ** 32 - 1, 2 ** 32, 2 ** 53 - 1];
    for (const v of values) {
      expect(hex(encodeScale(T.compact(T.u64), v)), String(v)).toBe(hex(compact.enc(v)));
      expect(hex(encodeScale(T.compact(T.u64), BigInt(v))), `${v}n`).toBe(hex(compact.enc(BigInt(v))));
    }
    for (const v of [(1n << 64n) - 1n, 1n << 64n, (1n << 128n) - 1n])
      expect(hex(encodeScale(T.compact(T.u128), v))).toBe(hex(compact.enc(v)));
  });

  it('integers of every width, signed ones negative too', () => {
    expect(hex(encodeScale(T.u16, 0xbeef))).toBe(hex(u16.enc(0xbeef)));
    expect(hex(encodeScale(T.u64, (1n << 64n) - 2n))).toBe(hex(u64.enc((1n << 64n) - 2n)));
    expect(hex(encodeScale(T.u128, (1n << 127n) + 5n))).toBe(hex(u128.enc((1n << 127n) + 5n)));
    expect(hex(encodeScale(T.i64, -5n))).toBe(hex(i64.enc(-5n)));
    expect(hex(encodeScale(T.i128, -(1n << 100n)))).toBe(hex(i128.enc(-(1n << 100n))));
    expect(hex(encodeScale(T.i16, -2))).toBe('feff');
    expect(hex(encodeScale({ kind: 'primitive', prim: 'i8' }, -1))).toBe(hex(i8.enc(-1)));
  });

  it('strings, byte vectors, fixed byte arrays, vectors, tuples, structs, options and enums', () => {
    expect(hex(encodeScale(T.str, 'τ subnet'))).toBe(hex(str.enc('τ subnet')));
    const b = new Uint8Array([1, 2, 3]);
    expect(hex(encodeScale(T.vec(T.u8), b))).toBe(hex(Bytes().enc(b)));
    const acct = new Uint8Array(32).fill(7);
    expect(hex(encodeScale(AccountId32, acct))).toBe(hex(acct));
    const vt = T.vec(T.tuple(AccountId32, T.compact(T.u64)));
    const v = [
      [acct, 5n],
      [acct, 1n << 40n],
    ];
    expect(hex(encodeScale(vt, v))).toBe(hex(Vector(Tuple(Bytes(32), compact)).enc(v as never)));
    const st = T.composite('x::S', fields({ a: T.bool, b: T.vec(T.compact(T.u16)), c: option(T.u64) }));
    const ref = Struct({ a: bool, b: Vector(compact), c: Option(u64) });
    expect(hex(encodeScale(st, { a: true, b: [1, 300, 70000], c: { tag: 'Some', value: 9n } }))).toBe(
      hex(ref.enc({ a: true, b: [1, 300, 70000], c: 9n })),
    );
    expect(hex(encodeScale(st, { a: false, b: [], c: { tag: 'None', value: undefined } }))).toBe(
      hex(ref.enc({ a: false, b: [], c: undefined })),
    );
    const en = T.variant('x::E', [
      { name: 'A', index: 0, fields: [] },
      { name: 'B', index: 3, fields: unnamed(T.u16) },
      { name: 'C', index: 7, fields: unnamed(T.u8, T.bool) },
    ]);
    const enRef = Enum({ A: Tuple(), B: u16, C: Tuple(u16, bool) }, [0, 3, 7] as never);
    expect(hex(encodeScale(en, { tag: 'B', value: 513 }))).toBe(hex(enRef.enc({ tag: 'B', value: 513 } as never)));
    expect(hex(encodeScale(en, { tag: 'C', value: [4, true] }))).toBe('070401');
  });

  it('refuses what scale-ts would have refused or silently mangled', () => {
    expect(() => encodeScale(AccountId32, new Uint8Array(31))).toThrow(RangeError);
    expect(() => encodeScale(T.compact(T.u64), -1)).toThrow(RangeError);
    expect(() => encodeScale(T.u16, undefined)).toThrow(TypeError);
    expect(() => encodeScale(T.bool, 1)).toThrow(TypeError);
    expect(() => encodeScale(T.u64, 1n << 64n)).toThrow(RangeError);
    expect(() => encodeScale(option(T.u8), { tag: 'Maybe', value: 1 })).toThrow(RangeError);
  });
});
