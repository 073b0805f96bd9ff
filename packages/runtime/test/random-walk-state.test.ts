/**
 * The journaled State against a plain model (a Map per item, snapshots for frames), under a seeded
 * random sequence of writes, removals, prefix removals, nested checkpoints, commits and reverts:
 * same contents, same key order from `entries`/`entriesWithPrefix`/`allEntries`, and `takeDirty`
 * lists every written key in (item, key) order. The sorted-key caches and the flat journal must be
 * invisible.
 */
import { describe, expect, it } from 'vitest';
import { State, storageMap } from '../src/index.js';
import { Rng } from './sim/random-walk.js';

const A = storageMap<string, bigint>(
  'test.stateA',
  (k) => k,
  () => 0n,
);
const B = storageMap<string, string | null>(
  'test.stateB',
  (k) => k,
  () => null,
);
type Model = Map<string, Map<string, unknown>>;

const copy = (m: Model): Model => new Map([...m].map(([k, v]) => [k, new Map(v)]));
const sorted = (xs: Iterable<string>): string[] => [...xs].sort();

function modelEntries(m: Model, item: string): [string, unknown][] {
  const t = m.get(item) ?? new Map<string, unknown>();
  return sorted(t.keys()).map((k) => [k, t.get(k)]);
}

describe('State', () => {
  it('matches a plain model under random journaled writes', () => {
    const r = new Rng(99);
    const s = new State();
    let model: Model = new Map([
      [A.name, new Map()],
      [B.name, new Map()],
    ]);
    const frames: Model[] = [];
    let written = new Set<string>();
    const key = (): string => `${['x', 'y', 'xy', 'y/z', ''][r.int(5)]}${r.int(40)}`;
    for (let step = 0; step < 6000; step++) {
      const op = r.int(20);
      const k = key();
      if (op < 8) {
        const v = BigInt(r.int(4)); // 0n is the default: stored as absent
        s.set(A, k, v);
        if (v === 0n) model.get(A.name)?.delete(k);
        else model.get(A.name)?.set(k, v);
        written.add(`${A.name}\u0000${k}`);
      } else if (op < 11) {
        const v = r.int(3) === 0 ? null : `v${r.int(9)}`;
        s.set(B, k, v);
        if (v === null) model.get(B.name)?.delete(k);
        else model.get(B.name)?.set(k, v);
        written.add(`${B.name}\u0000${k}`);
      } else if (op < 13) {
        if (model.get(A.name)?.has(k)) written.add(`${A.name}\u0000${k}`);
        s.remove(A, k);
        model.get(A.name)?.delete(k);
      } else if (op === 13) {
        const prefix = ['x', 'y', 'y/', 'xy1'][r.int(4)] as string;
        for (const kk of model.get(B.name)?.keys() ?? [])
          if (kk.startsWith(prefix)) written.add(`${B.name}\u0000${kk}`);
        s.removePrefix(B, prefix);
        for (const kk of [...(model.get(B.name)?.keys() ?? [])])
          if (kk.startsWith(prefix)) model.get(B.name)?.delete(kk);
      } else if (op === 14 && frames.length < 4) {
        s.checkpoint();
        frames.push(copy(model));
      } else if (op === 15 && frames.length > 0) {
        s.commit();
        frames.pop();
      } else if (op === 16 && frames.length > 0) {
        s.revert();
        model = frames.pop() as Model;
      } else if (op === 17 && frames.length === 0) {
        const dirty = s.takeDirty();
        expect(dirty.map((d) => `${d.item}\u0000${d.key}`)).toEqual(sorted(written));
        written = new Set();
      }
      if (step % 50 === 0 || op >= 13) {
        expect(s.entries(A)).toEqual(modelEntries(model, A.name));
        expect(s.entries(B)).toEqual(modelEntries(model, B.name));
        const prefix = ['x1', 'y/', 'xy', ''][r.int(4)] as string;
        expect(s.entriesWithPrefix(A, prefix)).toEqual(
          modelEntries(model, A.name).filter(([kk]) => kk.startsWith(prefix)),
        );
        expect(s.get(A, k)).toBe((model.get(A.name)?.get(k) as bigint | undefined) ?? 0n);
      }
    }
    while (frames.length > 0) {
      s.commit();
      frames.pop();
    }
    const all = [...s.allEntries()];
    const expected = sorted(model.keys()).flatMap((item) => modelEntries(model, item).map(([k, v]) => [item, k, v]));
    expect(all).toEqual(expected);
    const c = s.clone();
    s.set(A, 'x1', 99n);
    expect(c.get(A, 'x1')).toBe((model.get(A.name)?.get('x1') as bigint | undefined) ?? 0n);
    expect([...c.allEntries()]).toEqual(expected);
  });
});
