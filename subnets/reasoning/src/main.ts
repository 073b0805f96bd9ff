/** `node subnets/reasoning/bin/neuron.js validator|miner|sybil|copier|random --netuid N …` */
import { runNeuron } from '@taonet/subnet-core';
import { ReasoningMiner } from './miner.js';
import { ReasoningValidator } from './validator.js';

export function main(argv: readonly string[]): Promise<void> {
  return runNeuron(argv, {
    validator: (c) => new ReasoningValidator(c),
    miner: (c) => new ReasoningMiner(c, 'miner'),
    sybil: (c) => new ReasoningMiner(c, 'sybil'),
    copier: (c) => new ReasoningMiner(c, 'copier'),
    random: (c) => new ReasoningMiner(c, 'random'),
  });
}
