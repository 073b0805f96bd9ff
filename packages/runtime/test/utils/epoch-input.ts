/** Builders that keep epoch tests readable: a subnet described by stakes and weight lists. */
import type { epoch } from '../../src/index.js';

export const DEFAULT_HP: epoch.EpochHyperparameters = {
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
  maxAllowedValidators: 64,
  stakeThreshold: 0n,
  commitRevealEnabled: false,
};

export const row = (pairs: readonly (readonly [number, number])[]): epoch.U16Row => ({
  cols: Uint16Array.from(pairs, (p) => p[0]),
  vals: Uint16Array.from(pairs, (p) => p[1]),
});

export const EMPTY: epoch.U16Row = row([]);

export interface SubnetSpec {
  /** Stake in rao per uid. */
  stake: readonly bigint[];
  /** Weight rows per uid (missing = none). */
  weights?: readonly (readonly (readonly [number, number])[] | undefined)[];
  /** Uids holding a permit from the previous epoch (default: every staked uid). */
  permits?: readonly boolean[];
  currentBlock?: bigint;
  lastUpdate?: readonly bigint[];
  blockAtRegistration?: readonly bigint[];
  hp?: Partial<epoch.EpochHyperparameters>;
  raoEmission?: bigint;
  ownerUid?: number | null;
  bonds?: readonly epoch.U16Row[];
}

export function subnet(spec: SubnetSpec): epoch.EpochInput {
  const n = spec.stake.length;
  const block = spec.currentBlock ?? 1000n;
  return {
    n,
    currentBlock: block,
    hyperparameters: { ...DEFAULT_HP, ...spec.hp },
    lastMechanismStepBlock: block - 360n,
    ownerUid: spec.ownerUid ?? null,
    stakeFixed: spec.stake.map((s) => s << 64n),
    lastUpdate: spec.lastUpdate ?? Array.from({ length: n }, () => block - 1n),
    blockAtRegistration: spec.blockAtRegistration ?? Array.from({ length: n }, () => 1n),
    validatorPermit: spec.permits ?? spec.stake.map((s) => s > 0n),
    weights: Array.from({ length: n }, (_, i) => {
      const w = spec.weights?.[i];
      return w === undefined ? EMPTY : row(w);
    }),
    bonds: spec.bonds ?? Array.from({ length: n }, () => EMPTY),
    commitBlock: null,
    raoEmission: spec.raoEmission ?? 1_000_000_000n,
  };
}

export const total = (xs: readonly bigint[]): bigint => xs.reduce((a, b) => a + b, 0n);
