/**
 * Weight copier: sets what it can read from the chain. With a target it copies that validator's
 * stored row; otherwise the stake-weighted mean of every other validator's stored row. Under
 * commit-reveal the chain stores only revealed weights, so what it copies is an epoch old.
 */
import type { BehaviourFactory } from './behaviour.js';
import { checkKeys, optionalString } from './options.js';

export const copier: BehaviourFactory = {
  kind: 'copier',
  description: 'copies the weights visible on chain (option target: a validator name; default all, stake-weighted)',
  create(options, path) {
    checkKeys(options, ['target'], path);
    const target = optionalString(options, 'target', path);
    return {
      weights(view) {
        const w = new Array<number>(view.n).fill(0);
        const sources =
          target === null
            ? [...view.validatorUids.values()].filter((u) => u !== view.selfUid)
            : [view.validatorUids.get(target) ?? -1];
        let any = false;
        for (const uid of sources) {
          const row = view.visibleWeights[uid] ?? [];
          const scale = target === null ? Number(view.stake[uid] ?? 0n) : 1;
          for (const [col, v] of row) {
            if (col === view.selfUid) continue;
            w[col] = (w[col] ?? 0) + v * scale;
            any = true;
          }
        }
        return any && w.some((x) => x > 0) ? w : null;
      },
    };
  },
};
