/**
 * Epoch benchmark: the exact epoch against a float64 version of the same steps, on seeded random
 * stake and dense weights. Cost is O(validators × uids) per step; the median dominates.
 */
import { epoch } from '@taonet/runtime';
import { floatEpoch } from './epoch-float.js';
import { seededRng, timeIt } from './rng.js';

interface Case {
  label: string;
  input: epoch.EpochInput;
  floatInput: Parameters<typeof floatEpoch>[0];
}

export function makeCase(n: number, validators: number, seed: number): Case {
  const rnd = seededRng(seed);
  const stake: bigint[] = [];
  const floatStake = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const rao = i < validators ? BigInt(Math.floor(1e12 + rnd() * 1e14)) : BigInt(Math.floor(rnd() * 1e9));
    stake.push(rao << 64n);
    floatStake[i] = Number(rao);
  }
  const weights: epoch.U16Row[] = [];
  const bonds: epoch.U16Row[] = [];
  const fw: Float64Array[] = [];
  const fb: Float64Array[] = [];
  const all = Uint16Array.from({ length: n }, (_, j) => j);
  for (let i = 0; i < n; i++) {
    if (i < validators) {
      const w = Uint16Array.from({ length: n }, () => Math.floor(rnd() * 65536));
      const b = Uint16Array.from({ length: n }, () => Math.floor(rnd() * 20000));
      weights.push({ cols: all, vals: w });
      bonds.push({ cols: all, vals: b });
      fw.push(Float64Array.from(w));
      fb.push(Float64Array.from(b, (x) => x / 65535));
    } else {
      weights.push({ cols: new Uint16Array(0), vals: new Uint16Array(0) });
      bonds.push({ cols: new Uint16Array(0), vals: new Uint16Array(0) });
      fw.push(new Float64Array(0));
      fb.push(new Float64Array(0));
    }
  }
  const block = 10_000n;
  const input: epoch.EpochInput = {
    n,
    currentBlock: block,
    hyperparameters: {
      tempo: 360,
      activityCutoffFactorMilli: 13889,
      kappa: 32767,
      bondsPenalty: 65535,
      bondsMovingAverage: 900_000n,
      yuma3Enabled: true,
      liquidAlphaEnabled: false,
      alphaLow: 45875,
      alphaHigh: 58982,
      alphaSigmoidSteepness: 1000,
      maxAllowedValidators: validators,
      stakeThreshold: 0n,
      commitRevealEnabled: false,
    },
    lastMechanismStepBlock: block - 361n,
    ownerUid: null,
    stakeFixed: stake,
    lastUpdate: Array.from({ length: n }, () => block - 10n),
    blockAtRegistration: Array.from({ length: n }, () => 1n),
    validatorPermit: Array.from({ length: n }, (_, i) => i < validators),
    weights,
    bonds,
    commitBlock: null,
    raoEmission: 1_000_000_000n,
  };
  return {
    label: `${n} uids / ${validators} validators`,
    input,
    floatInput: {
      n,
      stake: floatStake,
      active: new Uint8Array(n).fill(1),
      permit: Uint8Array.from({ length: n }, (_, i) => (i < validators ? 1 : 0)),
      weights: fw,
      bonds: fb,
      kappa: 32767 / 65535,
      alpha: 0.1,
    },
  };
}

export function benchEpoch(): void {
  const cases = [makeCase(256, 64, 1), makeCase(4096, 256, 2)];
  const targets = [10, 150];
  let last = 0;
  cases.forEach((c, k) => {
    const exact = timeIt(() => epoch.runEpoch(c.input), k === 0 ? 20 : 5);
    const flt = timeIt(() => floatEpoch(c.floatInput), k === 0 ? 20 : 5);
    const target = targets[k] as number;
    console.log(
      `epoch ${c.label}: exact ${exact.toFixed(2)} ms, float64 ${flt.toFixed(2)} ms, ratio exact/float ${(exact / flt).toFixed(2)} (target ≤ ${target} ms, ratio ≤ 5)`,
    );
    last = exact;
  });
  console.log(`epoch 4096 uids / 256 validators: ${last.toFixed(2)} ms`);
}
