/**
 * Typed synapse fields. A field knows its Python type (which fixes the placeholder header and how
 * Python's `str()` renders it for the body hash), whether it is required (no default: it appears in
 * the JSON-schema `required` list), how to validate a value read from JSON, and how to write it back.
 *
 * Numbers are JS numbers: Python ints above 2⁵³ lose precision through `JSON.parse`, so a protocol
 * that carries such ints should carry them as strings. Nonces never go through here (they travel as
 * exact decimals in the headers).
 */
import { InvalidInput } from '../errors.js';
import type { FieldKind } from './reference-headers.js';
import { type PyValue, pyFloat } from './python-str.js';

/** A JSON value as `JSON.parse` produces it. */
export type JsonValue = null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/**
 * One declared synapse field of type `T`. `R` is `true` for a required field (no default), which
 * lets `defineSynapse` type the constructor's init object.
 */
export interface Field<T, R extends boolean = boolean> {
  /** Python type of the field, for the `bt_header_input_obj_*` placeholder. */
  readonly kind: FieldKind;
  /** True when the field has no default (JSON-schema `required`). */
  readonly required: R;
  /** A fresh default value (a copy each time, so two synapses never share a list). */
  makeDefault(): T;
  /**
   * Validates a value read from a JSON body.
   * @throws InvalidInput naming `path` when the value has the wrong type.
   */
  parse(value: unknown, path: string): T;
  /** The value as JSON-serialisable data. */
  toJson(value: T): JsonValue;
  /** The value as Python sees it after `model_dump()`, for `pythonStr` (body hash). */
  toPy(value: T): PyValue;
  /** The same field, nullable, defaulting to `null` (Python `Optional[T] = None`). */
  optional(): Field<T | null, false>;
  /** The same field with a default, so it is no longer required. */
  default(value: T): Field<T, false>;
}

interface FieldParts<T> {
  readonly kind: FieldKind;
  readonly parse: (value: unknown, path: string) => T;
  readonly toJson: (value: T) => JsonValue;
  readonly toPy: (value: T) => PyValue;
}

function makeField<T, R extends boolean>(parts: FieldParts<T>, required: R, makeDefault: () => T): Field<T, R> {
  return {
    kind: parts.kind,
    required,
    makeDefault,
    parse: parts.parse,
    toJson: parts.toJson,
    toPy: parts.toPy,
    optional(): Field<T | null, false> {
      return makeField<T | null, false>(
        {
          kind: parts.kind,
          parse: (v, path) => (v === null ? null : parts.parse(v, path)),
          toJson: (v) => (v === null ? null : parts.toJson(v)),
          toPy: (v) => (v === null ? null : parts.toPy(v)),
        },
        false,
        () => null,
      );
    },
    default(value: T): Field<T, false> {
      // structuredClone: a mutable default (a list) must not be shared between instances.
      return makeField<T, false>(parts, false, () => structuredClone(value));
    },
  };
}

function required<T>(parts: FieldParts<T>): Field<T, true> {
  return makeField<T, true>(parts, true, () => {
    throw new InvalidInput('A required synapse field has no default.');
  });
}

function fail(path: string, expected: string, got: unknown): never {
  const shown = got === null ? 'null' : Array.isArray(got) ? 'a list' : typeof got;
  throw new InvalidInput(`Field ${path} must be ${expected}, got ${shown}.`);
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function jsonToPy(v: unknown): PyValue {
  if (v === null || typeof v === 'boolean' || typeof v === 'number' || typeof v === 'string') return v;
  if (Array.isArray(v)) return v.map(jsonToPy);
  if (isPlainObject(v)) {
    const out: Record<string, PyValue> = {};
    for (const [k, x] of Object.entries(v)) out[k] = jsonToPy(x);
    return out;
  }
  throw new InvalidInput(`A ${typeof v} is not a JSON value.`);
}

function checkJson(v: unknown, path: string): JsonValue {
  if (v === null || typeof v === 'boolean' || typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : fail(path, 'a finite number', v);
  if (Array.isArray(v)) return v.map((x, i) => checkJson(x, `${path}[${i}]`));
  if (isPlainObject(v)) {
    const out: Record<string, JsonValue> = {};
    for (const [k, x] of Object.entries(v)) out[k] = checkJson(x, `${path}.${k}`);
    return out;
  }
  return fail(path, 'a JSON value', v);
}

/** Field builders, one per Python type a protocol uses. */
export const field = {
  /** Python `int` (a safe JS integer). */
  int(): Field<number, true> {
    return required<number>({
      kind: 'int',
      parse: (v, path) => (typeof v === 'number' && Number.isSafeInteger(v) ? v : fail(path, 'an integer', v)),
      toJson: (v) => v,
      toPy: (v) => v,
    });
  },
  /** Python `float`: hashed as a float even when integral (`1.0`, not `1`). */
  float(): Field<number, true> {
    return required<number>({
      kind: 'float',
      parse: (v, path) => (typeof v === 'number' && Number.isFinite(v) ? v : fail(path, 'a finite number', v)),
      toJson: (v) => v,
      toPy: (v) => pyFloat(v),
    });
  },
  /** Python `str`. */
  str(): Field<string, true> {
    return required<string>({
      kind: 'str',
      parse: (v, path) => (typeof v === 'string' ? v : fail(path, 'a string', v)),
      toJson: (v) => v,
      toPy: (v) => v,
    });
  },
  /** Python `bool`. */
  bool(): Field<boolean, true> {
    return required<boolean>({
      kind: 'bool',
      parse: (v, path) => (typeof v === 'boolean' ? v : fail(path, 'a boolean', v)),
      toJson: (v) => v,
      toPy: (v) => v,
    });
  },
  /** Python `list[T]`. */
  list<T>(item: Field<T>): Field<T[], true> {
    return required<T[]>({
      kind: 'list',
      parse: (v, path) =>
        Array.isArray(v) ? v.map((x, i) => item.parse(x, `${path}[${i}]`)) : fail(path, 'a list', v),
      toJson: (v) => v.map((x) => item.toJson(x)),
      toPy: (v) => v.map((x) => item.toPy(x)),
    });
  },
  /** Python `dict[str, T]` (insertion order kept, as Python keeps it). */
  dict<T>(value: Field<T>): Field<Record<string, T>, true> {
    const each = <A, B>(o: Record<string, A>, f: (x: A, k: string) => B): Record<string, B> => {
      const out: Record<string, B> = {};
      for (const [k, x] of Object.entries(o)) out[k] = f(x, k);
      return out;
    };
    return required<Record<string, T>>({
      kind: 'dict',
      parse: (v, path) =>
        isPlainObject(v) ? each(v, (x, k) => value.parse(x, `${path}.${k}`)) : fail(path, 'a dict', v),
      toJson: (v) => each(v, (x) => value.toJson(x)),
      toPy: (v) => each(v, (x) => value.toPy(x)),
    });
  },
  /**
   * A nested pydantic model: an object with its own typed fields, dumped (and hashed) as a dict
   * in declaration order.
   */
  object<M extends Readonly<Record<string, Field<unknown>>>>(shape: M): Field<FieldValues<M>, true> {
    const keys = Object.keys(shape);
    const map = (o: Record<string, unknown>, f: (fd: Field<unknown>, x: unknown, k: string) => unknown) => {
      const out: Record<string, unknown> = {};
      for (const k of keys) out[k] = f(shape[k] as Field<unknown>, o[k], k);
      return out;
    };
    return required<FieldValues<M>>({
      kind: 'dict',
      parse: (v, path) => {
        if (!isPlainObject(v)) return fail(path, 'an object', v);
        return map(v, (fd, x, k) => {
          if (x === undefined) {
            if (fd.required) throw new InvalidInput(`Field ${path}.${k} is required.`);
            return fd.makeDefault();
          }
          return fd.parse(x, `${path}.${k}`);
        }) as FieldValues<M>;
      },
      toJson: (v) => map(v as Record<string, unknown>, (fd, x) => fd.toJson(x)) as JsonValue,
      toPy: (v) => map(v as Record<string, unknown>, (fd, x) => fd.toPy(x)) as PyValue,
    });
  },
  /**
   * Any JSON (Python `Any`/`dict`). It hashes as parsed, so an integral float (`1.0`) hashes as
   * `1`; declare typed fields for anything in `hashFields` that holds floats.
   */
  json<T extends JsonValue = JsonValue>(): Field<T, true> {
    return required<T>({
      kind: 'dict',
      parse: (v, path) => checkJson(v, path) as T,
      toJson: (v) => v,
      toPy: (v) => jsonToPy(v),
    });
  },
};

/** The value type of a field. */
export type FieldValue<F> = F extends Field<infer T, boolean> ? T : never;

/** A set of named fields. */
export type FieldMap = Readonly<Record<string, Field<unknown>>>;

/** The values of a field map, as properties. */
export type FieldValues<M> = { -readonly [K in keyof M]: FieldValue<M[K]> };

type RequiredKeys<M> = { [K in keyof M]: M[K] extends Field<unknown, true> ? K : never }[keyof M];
type OptionalKeys<M> = Exclude<keyof M, RequiredKeys<M>>;

/** What a constructor needs: every required field, and any optional one. */
export type FieldInit<M> = { [K in RequiredKeys<M>]: FieldValue<M[K]> } & {
  [K in OptionalKeys<M>]?: FieldValue<M[K]>;
};
