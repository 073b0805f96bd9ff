/**
 * Late (shifted) validator: measures honestly but sets, each epoch, what it measured the epoch
 * before — as yuma-simulation's shifted mode, a validator always one epoch behind the others.
 */
import { ScenarioError } from '../errors.js';
import type { BehaviourFactory } from './behaviour.js';
import { measure } from './measure.js';
import { checkKeys, numberOption } from './options.js';

export const shifted: BehaviourFactory = {
  kind: 'shifted',
  description: 'honest weights, set one epoch late (options noise, default 0.05; lag epochs, default 1)',
  create(options, path) {
    checkKeys(options, ['noise', 'lag'], path);
    const noise = numberOption(options, 'noise', path, 0.05, 0, 10);
    const lag = numberOption(options, 'lag', path, 1, 1, 100);
    if (!Number.isInteger(lag)) throw new ScenarioError(`${path}.lag`, 'must be a whole number of epochs');
    const queue: number[][] = [];
    return {
      weights(view) {
        queue.push(measure(view, noise));
        return queue.length > lag ? (queue.shift() as number[]) : null;
      },
    };
  },
};
