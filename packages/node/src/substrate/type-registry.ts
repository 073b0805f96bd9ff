/**
 * The metadata's portable type registry: every `ScaleType` reached from the runtime description
 * gets one id, in first-reached order. Named types are interned by identity (declare each once),
 * anonymous shapes by structure. V14 and V15 share one registry, so their ids agree.
 */
import type { V14Lookup } from '@polkadot-api/substrate-bindings';
import type { Field, ScaleType } from './scale-type.js';

type LookupEntry = V14Lookup[number];
type LookupField = { name: string | undefined; type: number; typeName: string | undefined; docs: string[] };

export class TypeRegistry {
  private readonly byIdentity = new Map<ScaleType, number>();
  private readonly byShape = new Map<string, number>();
  private readonly entries: (LookupEntry | null)[] = [];

  /** The id of a type, registering it (and everything it refers to) on first sight. */
  id(t: ScaleType): number {
    const known = this.byIdentity.get(t);
    if (known !== undefined) return known;
    const shape = this.shapeKey(t);
    if (shape !== null) {
      const s = this.byShape.get(shape);
      if (s !== undefined) {
        this.byIdentity.set(t, s);
        return s;
      }
    }
    // Reserve the id first: a recursive type refers to itself while being described.
    const id = this.entries.length;
    this.entries.push(null);
    this.byIdentity.set(t, id);
    if (shape !== null) this.byShape.set(shape, id);
    this.entries[id] = this.describe(id, t);
    return id;
  }

  lookup(): LookupEntry[] {
    return this.entries.map((e, i) => {
      if (e === null) throw new Error(`type ${i} was reserved but never described`);
      return e;
    });
  }

  private shapeKey(t: ScaleType): string | null {
    switch (t.kind) {
      case 'primitive':
        return `p:${t.prim}`;
      case 'compact':
        return `c:${this.id(t.of)}`;
      case 'sequence':
        return `s:${this.id(t.of)}`;
      case 'array':
        return `a:${t.len}:${this.id(t.of)}`;
      case 'tuple':
        return `t:${t.items.map((x) => this.id(x)).join(',')}`;
      default:
        return null;
    }
  }

  private fields(fs: readonly Field[]): LookupField[] {
    return fs.map((f) => ({
      name: f.name,
      type: this.id(f.type),
      typeName: f.typeName ?? typeNameOf(f.type),
      docs: [...(f.docs ?? [])],
    }));
  }

  private describe(id: number, t: ScaleType): LookupEntry {
    const base = { id, path: [] as string[], params: [] as { name: string; type: number | undefined }[], docs: [] };
    switch (t.kind) {
      case 'primitive':
        return { ...base, def: { tag: 'primitive', value: { tag: t.prim, value: undefined } } } as LookupEntry;
      case 'compact':
        return { ...base, def: { tag: 'compact', value: this.id(t.of) } };
      case 'sequence':
        return { ...base, def: { tag: 'sequence', value: this.id(t.of) } };
      case 'array':
        return { ...base, def: { tag: 'array', value: { len: t.len, type: this.id(t.of) } } };
      case 'tuple':
        return { ...base, def: { tag: 'tuple', value: t.items.map((x) => this.id(x)) } };
      case 'composite':
        return {
          id,
          path: [...t.path],
          params: t.params.map((p) => ({ name: p.name, type: p.type === null ? undefined : this.id(p.type) })),
          def: { tag: 'composite', value: this.fields(t.fields) },
          docs: [...t.docs],
        };
      case 'variant':
        return {
          id,
          path: [...t.path],
          params: t.params.map((p) => ({ name: p.name, type: p.type === null ? undefined : this.id(p.type) })),
          def: {
            tag: 'variant',
            value: t.variants().map((v) => ({
              name: v.name,
              index: v.index,
              fields: this.fields(v.fields),
              docs: [...(v.docs ?? [])],
            })),
          },
          docs: [...t.docs],
        };
    }
  }
}

/**
 * The Rust-style name of a field's type, for fields declared without one. scale-info always
 * names call arguments, and scalecodec (the Python clients) converts that name while decoding a
 * call: an unnamed argument makes every block holding such a call undecodable.
 */
export function typeNameOf(t: ScaleType): string {
  switch (t.kind) {
    case 'primitive':
      return t.prim === 'str' ? 'String' : t.prim;
    case 'compact':
      return `Compact<${typeNameOf(t.of)}>`;
    case 'sequence':
      return `Vec<${typeNameOf(t.of)}>`;
    case 'array':
      return `[${typeNameOf(t.of)}; ${t.len}]`;
    case 'tuple':
      return `(${t.items.map(typeNameOf).join(', ')})`;
    default:
      return t.path[t.path.length - 1] ?? 'Unknown';
  }
}
