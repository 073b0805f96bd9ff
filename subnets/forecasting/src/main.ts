/** `node subnets/forecasting/bin/neuron.js validator|miner|sybil|copier|random --netuid N …` */
import { runNeuron } from '@taonet/subnet-core';
import { ForecastMiner } from './miner.js';
import { ForecastValidator } from './validator.js';

export function main(argv: readonly string[]): Promise<void> {
  return runNeuron(argv, {
    validator: (c) => new ForecastValidator(c),
    miner: (c) => new ForecastMiner(c, 'miner'),
    sybil: (c) => new ForecastMiner(c, 'sybil'),
    copier: (c) => new ForecastMiner(c, 'copier'),
    random: (c) => new ForecastMiner(c, 'random'),
  });
}
