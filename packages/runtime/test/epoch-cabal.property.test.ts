/**
 * Property: a cabal holding less than kappa (≈ 50%) of the active stake that puts all its weight
 * on its own miner cannot lift that miner above what the honest majority supports. Concretely:
 *  - the miner's consensus never exceeds the largest weight an honest validator gives it;
 *  - its rank never exceeds Σ_i A_i · min(W_ic, max honest weight on c), i.e. the cabal's excess
 *    weight is clipped away;
 *  - if no honest validator weights it at all, it earns nothing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { epoch } from '../src/index.js';
import { subnet } from './utils/epoch-input.js';

const KAPPA = 32767; // u16 proportion, the default
const weight = fc.integer({ min: 0, max: 65535 });

const scenario = fc
  .record({
    honest: fc.array(fc.bigInt({ min: 1_000n, max: 10n ** 15n }), { minLength: 2, maxLength: 8 }),
    cabalShares: fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 4 }),
    // Cabal stake as a fraction of the total, strictly below kappa.
    cabalPermille: fc.integer({ min: 0, max: 499 }),
    miners: fc.integer({ min: 2, max: 8 }),
    seedWeights: fc.array(fc.array(weight, { minLength: 8, maxLength: 8 }), { minLength: 8, maxLength: 8 }),
    honestIgnoresCabalMiner: fc.boolean(),
    yuma3: fc.boolean(),
  })
  .map((s) => {
    const honestTotal = s.honest.reduce((a, b) => a + b, 0n);
    // cabal = p/(1000 − p) of honest, so cabal / total = p / 1000 < 0.5.
    const cabalTotal = (honestTotal * BigInt(s.cabalPermille)) / BigInt(1000 - s.cabalPermille);
    const shareSum = BigInt(s.cabalShares.reduce((a, b) => a + b, 0));
    const cabal = s.cabalShares.map((x) => (cabalTotal * BigInt(x)) / shareSum);
    return { ...s, cabal };
  });

describe('cabal below kappa', () => {
  it('cannot lift its own miner above the honest majority', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const h = s.honest.length;
        const c = s.cabal.length;
        const firstMiner = h + c;
        const cabalMiner = firstMiner; // the cabal's own miner
        const stake = [...s.honest, ...s.cabal, ...Array.from({ length: s.miners }, () => 0n)];
        const weights: (readonly (readonly [number, number])[])[] = [];
        for (let i = 0; i < h; i++) {
          const row: [number, number][] = [];
          for (let m = 0; m < s.miners; m++) {
            const w = s.seedWeights[i]?.[m] ?? 0;
            if (m === 0 && s.honestIgnoresCabalMiner) continue;
            row.push([firstMiner + m, w]);
          }
          weights.push(row);
        }
        for (let i = 0; i < c; i++) weights.push([[cabalMiner, 65535]]);
        const out = epoch.runEpoch(
          subnet({ stake, weights, hp: { kappa: KAPPA, yuma3Enabled: s.yuma3, maxAllowedValidators: 64 } }),
        );
        const W = out.fixed.weights;
        const A = out.fixed.activeStake;
        let maxHonest = 0n;
        for (let i = 0; i < h; i++) {
          const r = W[i] as epoch.SparseRow;
          r.cols.forEach((col, k) => {
            if (col === cabalMiner && (r.vals[k] as bigint) > maxHonest) maxHonest = r.vals[k] as bigint;
          });
        }
        const C = out.fixed.consensus[cabalMiner] as bigint;
        expect(C).toBeLessThanOrEqual(maxHonest);
        // Rank bound: every validator's contribution to c is clipped at the honest maximum.
        let bound = 0n;
        W.forEach((r, i) => {
          r.cols.forEach((col, k) => {
            if (col !== cabalMiner) return;
            const w = r.vals[k] as bigint;
            bound += ((A[i] as bigint) * (w < maxHonest ? w : maxHonest)) >> 32n;
          });
        });
        const rank = epoch.matmulSparse(epoch.colClipSparse(W, out.fixed.consensus), A, stake.length);
        expect(rank[cabalMiner] as bigint).toBeLessThanOrEqual(bound);
        if (s.honestIgnoresCabalMiner || maxHonest === 0n) {
          expect(out.incentive[cabalMiner]).toBe(0);
          expect(out.serverEmission[cabalMiner]).toBe(0n);
        }
      }),
      { numRuns: 300, seed: 20261121 },
    );
  });

  it('a cabal at or above kappa does capture its miner (the threshold is real)', () => {
    const out = epoch.runEpoch(
      subnet({
        stake: [40n, 60n, 0n, 0n],
        weights: [[[2, 65535]], [[3, 65535]]],
      }),
    );
    // 60% weighting only miner 3 sets consensus on 3 and clips miner 2 to zero.
    expect(out.incentive[3]).toBe(65535);
    expect(out.incentive[2]).toBe(0);
  });
});
