/** `node subnets/template/bin/neuron.js miner|validator --netuid N …` */
import { runNeuron } from '@taonet/subnet-core';
import { TemplateMiner } from './miner.js';
import { TemplateValidator } from './validator.js';

export function main(argv: readonly string[]): Promise<void> {
  return runNeuron(argv, {
    miner: (c) => new TemplateMiner(c),
    validator: (c) => new TemplateValidator(c),
  });
}
