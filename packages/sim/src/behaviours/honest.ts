/** Honest: weights are this validator's own noisy measurement of every miner's true quality. */
import type { BehaviourFactory } from './behaviour.js';
import { measure } from './measure.js';
import { checkKeys, numberOption } from './options.js';

export const honest: BehaviourFactory = {
  kind: 'honest',
  description: 'weights = true quality + Gaussian noise (option noise, default 0.05)',
  create(options, path) {
    checkKeys(options, ['noise'], path);
    const noise = numberOption(options, 'noise', path, 0.05, 0, 10);
    return { weights: (view) => measure(view, noise) };
  },
};
