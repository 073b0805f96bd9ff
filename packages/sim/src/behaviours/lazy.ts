/**
 * Lazy: measures nothing and sets last epoch's consensus as its weights (sets nothing while there is
 * no consensus yet).
 */
import type { BehaviourFactory } from './behaviour.js';
import { checkKeys } from './options.js';

export const lazy: BehaviourFactory = {
  kind: 'lazy',
  description: "weights = the chain's consensus after the last epoch",
  create(options, path) {
    checkKeys(options, [], path);
    return {
      weights(view) {
        const w = view.consensus.map((c, uid) => (view.minerOf.has(uid) ? c : 0));
        return w.some((x) => x > 0) ? w : null;
      },
    };
  },
};
