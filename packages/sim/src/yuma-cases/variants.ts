/**
 * The Yuma variants the runtime has, as the hyperparameters that select them. Everything else is
 * the runtime's default (kappa 0.5, bond moving average 0.9, liquid-alpha bounds 0.7–0.9).
 */
import { DEFAULT_HYPERPARAMETERS, type epoch } from '@taonet/runtime';

export interface YumaVariant {
  readonly id: string;
  readonly label: string;
  readonly hyperparameters: epoch.EpochHyperparameters;
}

const common: epoch.EpochHyperparameters = {
  tempo: 360,
  activityCutoffFactorMilli: DEFAULT_HYPERPARAMETERS.activityCutoffFactorMilli,
  kappa: DEFAULT_HYPERPARAMETERS.kappa,
  bondsPenalty: 65535,
  bondsMovingAverage: DEFAULT_HYPERPARAMETERS.bondsMovingAverage,
  yuma3Enabled: false,
  liquidAlphaEnabled: false,
  alphaLow: DEFAULT_HYPERPARAMETERS.alphaLow,
  alphaHigh: DEFAULT_HYPERPARAMETERS.alphaHigh,
  alphaSigmoidSteepness: DEFAULT_HYPERPARAMETERS.alphaSigmoidSteepness,
  maxAllowedValidators: 3,
  stakeThreshold: 0n,
  commitRevealEnabled: false,
};

export const YUMA_VARIANTS: readonly YumaVariant[] = [
  { id: 'classic', label: 'Yuma (classic), bonds penalty 1', hyperparameters: common },
  { id: 'classic-b0', label: 'Yuma (classic), bonds penalty 0', hyperparameters: { ...common, bondsPenalty: 0 } },
  { id: 'yuma3', label: 'Yuma3', hyperparameters: { ...common, yuma3Enabled: true } },
  {
    id: 'yuma3-liquid',
    label: 'Yuma3 + liquid alpha',
    hyperparameters: { ...common, yuma3Enabled: true, liquidAlphaEnabled: true },
  },
];
