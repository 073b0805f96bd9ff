import { describe, expect, it } from 'vitest';
import { dominates, epsilonEqual, type ParetoCandidate, paretoWeights } from '../src/mechanism/index.js';

const c = (hotkey: string, commit: number, ...scores: number[]): ParetoCandidate => ({
  hotkey,
  commit: BigInt(commit),
  scores,
});
const w = (r: ReturnType<typeof paretoWeights>, hotkey: string) => r.weights.get(hotkey) ?? Number.NaN;

describe('dominates', () => {
  it('needs no loss beyond ε anywhere and a gain beyond ε somewhere', () => {
    expect(dominates([0.9, 0.5], [0.5, 0.5], 0.02)).toBe(true);
    expect(dominates([0.9, 0.49], [0.5, 0.5], 0.02)).toBe(true); // a loss within ε is tolerated
    expect(dominates([0.9, 0.4], [0.5, 0.5], 0.02)).toBe(false);
    expect(dominates([0.51, 0.51], [0.5, 0.5], 0.02)).toBe(false); // gains within ε do not count
    expect(dominates([0.75, 0.5], [0.5, 0.5], 0.25)).toBe(false); // exactly ε is still a tie
    expect(dominates([0.5, 0.5], [0.5, 0.5], 0)).toBe(false);
    expect(dominates([0.9, 0.1], [0.1, 0.9], 0.02, [0])).toBe(true); // restricted to a subset
  });

  it('epsilonEqual is symmetric tolerance on every coordinate', () => {
    expect(epsilonEqual([0.5, 0.5], [0.51, 0.49], 0.02)).toBe(true);
    expect(epsilonEqual([0.5, 0.5], [0.53, 0.5], 0.02)).toBe(false);
  });
});

describe('paretoWeights', () => {
  it('ε-ties go to the earlier committer (the later one is shadowed)', () => {
    const r = paretoWeights([c('late', 2, 0.51, 0.49), c('early', 1, 0.5, 0.5)], { epsilon: 0.02 });
    expect(w(r, 'early')).toBe(1);
    expect(w(r, 'late')).toBe(0);
    expect(r.status.get('late')).toBe('shadowed');
    expect(r.shadowedBy.get('late')).toBe('early');
  });

  it('identical vectors: copies and sybils earn nothing, whatever their number', () => {
    const r = paretoWeights([c('orig', 1, 0.8, 0.6), c('s1', 2, 0.8, 0.6), c('s2', 3, 0.8, 0.6), c('s3', 4, 0.8, 0.6)]);
    expect(w(r, 'orig')).toBe(1);
    for (const s of ['s1', 's2', 's3']) expect(w(r, s)).toBe(0);
    // Same commit: the hotkey order breaks the tie, still only one of them earns.
    const same = paretoWeights([c('b', 1, 0.8, 0.6), c('a', 1, 0.8, 0.6)]);
    expect([w(same, 'a'), w(same, 'b')]).toEqual([1, 0]);
  });

  it('a sybil group alone is paid as one miner', () => {
    const r = paretoWeights([
      c('x1', 5, 0.7, 0.7),
      c('x2', 6, 0.7, 0.7),
      c('x3', 7, 0.7, 0.7),
      c('other', 1, 0.9, 0.2),
    ]);
    expect(w(r, 'x2') + w(r, 'x3')).toBe(0);
    expect(w(r, 'x1')).toBeGreaterThan(0);
    expect(w(r, 'x1') + w(r, 'other')).toBeCloseTo(1, 12);
  });

  it('a strictly dominated miner gets nothing, and depth counts the layers', () => {
    const r = paretoWeights([c('top', 1, 0.9, 0.9), c('mid', 2, 0.5, 0.5), c('low', 3, 0.2, 0.2)]);
    expect(w(r, 'top')).toBe(1);
    expect(w(r, 'mid')).toBe(0);
    expect(w(r, 'low')).toBe(0);
    expect([r.depth.get('top'), r.depth.get('mid'), r.depth.get('low')]).toEqual([0, 1, 2]);
    expect(r.status.get('mid')).toBe('dominated');
  });

  it('a later miner must dominate to win, and then it takes the frontier', () => {
    const r = paretoWeights([c('old', 1, 0.5, 0.5), c('new', 2, 0.6, 0.5)]);
    expect(w(r, 'new')).toBe(1);
    expect(w(r, 'old')).toBe(0);
    const tie = paretoWeights([c('old', 1, 0.5, 0.5), c('new', 2, 0.75, 0.5)], { epsilon: 0.25 });
    expect(w(tie, 'old')).toBe(1);
  });

  it('two mirror-image specialists share the frontier equally', () => {
    const r = paretoWeights([c('a', 1, 0.9, 0.1), c('b', 2, 0.1, 0.9)]);
    expect(w(r, 'a')).toBeCloseTo(0.5, 12);
    expect(w(r, 'b')).toBeCloseTo(0.5, 12);
  });

  it('breadth beats a narrow specialist, which still keeps its niche', () => {
    const r = paretoWeights([c('general', 1, 0.8, 0.8, 0.8, 0.8), c('decoy', 2, 0, 0, 0, 0.9)]);
    expect(r.status.get('decoy')).toBe('frontier');
    // 32 points in all (Σ|S| over the 15 subsets of 4 environments). The general miner alone wins
    // the 7 subsets without env 4 (12 points); the decoy alone wins {env 4} (1 point); they split
    // the other 7 subsets (19 points).
    expect(w(r, 'general')).toBeCloseTo(21.5 / 32, 12);
    expect(w(r, 'decoy')).toBeCloseTo(10.5 / 32, 12);
  });

  it('within a subset, an ε-tie goes to the earlier frontier miner', () => {
    const r = paretoWeights([c('a', 1, 0.9, 0.5, 0.1), c('b', 2, 0.9, 0.1, 0.5)]);
    expect(w(r, 'a')).toBeGreaterThan(w(r, 'b'));
    expect(w(r, 'a') + w(r, 'b')).toBeCloseTo(1, 12);
  });

  it('no signal, no weight', () => {
    const r = paretoWeights([c('z', 1, 0, 0), c('y', 2, 0.01, 0)], { epsilon: 0.02 });
    expect([...r.weights.values()]).toEqual([0, 0]);
    expect(r.status.get('z')).toBe('no-signal');
    expect(paretoWeights([]).weights.size).toBe(0);
  });

  it('an ε-dominance cycle falls back to plain dominance instead of an empty frontier', () => {
    const cycle = [c('x1', 1, 0.5, 0.5, 0.5), c('x2', 2, 0.61, 0.41, 0.41), c('x3', 3, 0.52, 0.52, 0.32)];
    const eps = 0.1;
    expect(dominates([0.61, 0.41, 0.41], [0.5, 0.5, 0.5], eps)).toBe(true);
    expect(dominates([0.52, 0.52, 0.32], [0.61, 0.41, 0.41], eps)).toBe(true);
    expect(dominates([0.5, 0.5, 0.5], [0.52, 0.52, 0.32], eps)).toBe(true);
    const r = paretoWeights(cycle, { epsilon: eps });
    expect([...r.weights.values()].reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
    expect(cycle.every((m) => r.status.get(m.hotkey) === 'frontier')).toBe(true);
  });

  it('refuses inconsistent input', () => {
    expect(() => paretoWeights([c('a', 1, 0.5), c('b', 2, 0.5, 0.5)])).toThrow(RangeError);
    expect(() => paretoWeights([c('a', 1, 0.5), c('a', 2, 0.6)])).toThrow(RangeError);
  });
});
