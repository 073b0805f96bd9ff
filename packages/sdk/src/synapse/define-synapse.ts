/**
 * `defineSynapse`: declare a protocol in a few lines, the TypeScript counterpart of a Python
 * `Synapse` subclass. Request fields are the inputs (usually required); response fields are the
 * outputs (usually `.optional()`, i.e. `Optional[T] = None`).
 *
 * ```ts
 * const Dummy = defineSynapse({
 *   name: 'Dummy',
 *   request: { dummy_input: field.int() },
 *   response: { dummy_output: field.int().optional() },
 *   deserialize: (s) => s.dummy_output,
 * });
 * const q = new Dummy({ dummy_input: 5 }); // q.dummy_output: number | null
 * ```
 */
import { InvalidInput } from '../errors.js';
import type { FieldInit, FieldMap, FieldValues } from './fields.js';
import { type FieldEntry, RESERVED_FIELD_NAMES, Synapse, type SynapseSpec } from './synapse.js';

/** An instance of a declared protocol: the base synapse plus typed request and response fields. */
export type SynapseOf<Req extends FieldMap, Res extends FieldMap, D = unknown> = Synapse<D> &
  FieldValues<Req> &
  FieldValues<Res>;

/** How a protocol is declared. */
export interface SynapseDefinition<Req extends FieldMap, Res extends FieldMap, D> {
  /** The class name: the route, exactly as the Python class is named (case-sensitive). */
  readonly name: string;
  /** Input fields, set by the caller. */
  readonly request: Req;
  /** Output fields, set by the axon's handler; the dendrite copies only these from the answer. */
  readonly response: Res;
  /** Fields that feed the body hash (Python `required_hash_fields`), in hashing order. */
  readonly hashFields?: readonly ((keyof Req | keyof Res) & string)[];
  /** What `deserialize()` returns (Python's overridable hook); the synapse itself when omitted. */
  readonly deserialize?: (synapse: SynapseOf<Req, Res>) => D;
}

/** The class `defineSynapse` returns. */
export interface SynapseClass<Req extends FieldMap, Res extends FieldMap, D> {
  /** A synapse with the given inputs (and, rarely, preset outputs); other fields take defaults. */
  new (init: FieldInit<Req> & FieldInit<Res>): SynapseOf<Req, Res, D>;
  readonly spec: SynapseSpec;
  readonly prototype: SynapseOf<Req, Res, D>;
}

const NAME_RE = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Declares a protocol.
 * @throws InvalidInput for a name that is not a Python identifier, a field that reuses a base
 * field name or appears on both sides, or a hash field that is not declared.
 */
export function defineSynapse<Req extends FieldMap, Res extends FieldMap, D = SynapseOf<Req, Res>>(
  def: SynapseDefinition<Req, Res, D>,
): SynapseClass<Req, Res, D> {
  if (!NAME_RE.test(def.name)) throw new InvalidInput(`Synapse name "${def.name}" is not a valid class name.`);
  const fields: FieldEntry[] = [];
  for (const [side, map] of [
    ['request', def.request],
    ['response', def.response],
  ] as const) {
    for (const [key, f] of Object.entries(map)) {
      if (RESERVED_FIELD_NAMES.has(key)) throw new InvalidInput(`Field "${key}" is a base synapse field.`);
      if (!NAME_RE.test(key)) throw new InvalidInput(`Field name "${key}" is not a valid identifier.`);
      if (fields.some((e) => e.key === key)) throw new InvalidInput(`Field "${key}" is declared twice.`);
      fields.push({ key, field: f, side });
    }
  }
  const hashFields = [...(def.hashFields ?? [])];
  for (const h of hashFields)
    if (!fields.some((e) => e.key === h)) throw new InvalidInput(`Hash field "${h}" is not a declared field.`);
  const spec: SynapseSpec = Object.freeze({
    name: def.name,
    fields: Object.freeze(fields),
    hashFields: Object.freeze(hashFields),
    requiredFields: Object.freeze(
      fields.filter((e) => e.field.required).map((e) => ({ name: e.key, kind: e.field.kind })),
    ),
  });
  const deserialize = def.deserialize;

  class Declared extends Synapse {
    static override readonly spec = spec;

    constructor(init: Record<string, unknown>) {
      super();
      const self = this as unknown as Record<string, unknown>;
      for (const { key, field } of fields) {
        const v = init[key];
        if (v !== undefined) self[key] = v;
        else if (field.required) throw new InvalidInput(`${def.name}: field "${key}" is required.`);
        else self[key] = field.makeDefault();
      }
    }

    override deserialize(): unknown {
      return deserialize === undefined ? this : deserialize(this as unknown as SynapseOf<Req, Res>);
    }
  }
  // The class name shows in stack traces and `constructor.name`, as the Python class name would.
  Object.defineProperty(Declared, 'name', { value: def.name });
  return Declared as unknown as SynapseClass<Req, Res, D>;
}
