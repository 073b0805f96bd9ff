import { describe, expect, it } from 'vitest';
import { CHEATERS, HONEST, NAIVE, runTournament } from './tournament.js';

describe('a seeded tournament: honest, lazy and cheating miners over 40 rounds', () => {
  for (const seed of [2024, 7]) {
    it(`seed ${seed}: every cheating hotkey earns at most 10% of the mean honest weight`, () => {
      const result = runTournament(seed, 40);
      const weight = (h: string) => result.weights[result.hotkeys.indexOf(h)] as number;
      const honestMean = HONEST.reduce((a, h) => a + weight(h), 0) / HONEST.length;

      expect(result.weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
      // The on-chain requirement this mirrors: a cheater's emission ≤ 10% of the mean honest one.
      for (const h of CHEATERS) expect(weight(h)).toBeLessThanOrEqual(0.1 * honestMean);
      // Copies, sybil hotkeys and the late peeker are not merely small: they earn nothing at all,
      // so honest-2's operator gains nothing from its three extra hotkeys.
      for (const h of ['copier', 'sybil-1', 'sybil-2', 'sybil-3', 'peeker']) expect(weight(h)).toBe(0);
      expect(result.statuses.get('copier')).toEqual({ duplicate: 40 });
      expect(result.statuses.get('sybil-2')).toEqual({ duplicate: 40 });
      expect(result.statuses.get('peeker')).toEqual({ late: 40 });
      // Honest miners of the same quality share roughly equally, and more than the lazy baseline.
      for (const h of HONEST) expect(weight(h)).toBeGreaterThan(0.5 * honestMean);
      for (const h of NAIVE) expect(weight(h)).toBeLessThan(honestMean);
    });
  }
});
