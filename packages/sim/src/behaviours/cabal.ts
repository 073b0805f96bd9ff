/**
 * Cabal member: puts all its weight on the cabal's own miners (by scenario miner name), whatever
 * their quality. Several validators with this behaviour and the same miner list form the cabal.
 */
import { ScenarioError } from '../errors.js';
import type { BehaviourFactory } from './behaviour.js';
import { checkKeys, stringListOption } from './options.js';

export const cabal: BehaviourFactory = {
  kind: 'cabal',
  description: "weights only on the cabal's miners (option miners: miner names)",
  create(options, path) {
    checkKeys(options, ['miners'], path);
    const names = new Set(stringListOption(options, 'miners', path));
    return {
      weights(view) {
        const w = new Array<number>(view.n).fill(0);
        for (const [uid, name] of view.minerOf) if (names.has(name)) w[uid] = 1;
        if (!w.some((x) => x > 0))
          throw new ScenarioError(`${path}.miners`, 'none of these miners is registered on this subnet');
        return w;
      },
    };
  },
};
