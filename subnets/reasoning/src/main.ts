/** `node subnets/reasoning/bin/neuron.js validator|miner|sybil|copier|random --netuid N …` */
import { loadConfig } from '@taonet/subnet-core';
import { ReasoningMiner, type ReasoningRole } from './miner.js';
import { ReasoningValidator } from './validator.js';

const MINER_ROLES = new Set(['miner', 'sybil', 'copier', 'random']);

export async function main(argv: readonly string[]): Promise<void> {
  const [role, ...rest] = argv;
  const config = loadConfig(rest);
  let neuron: ReasoningValidator | ReasoningMiner;
  if (role === 'validator') neuron = new ReasoningValidator(config);
  else if (role !== undefined && MINER_ROLES.has(role)) neuron = new ReasoningMiner(config, role as ReasoningRole);
  else throw new Error(`unknown role '${role}': use validator, miner, sybil, copier or random`);
  const stop = (): void => {
    void neuron.stop().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  await neuron.start();
}
