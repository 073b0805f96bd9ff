/** `node subnets/template/bin/neuron.js miner|validator --netuid N …` */
import { loadConfig } from '@taonet/subnet-core';
import { TemplateMiner } from './miner.js';
import { TemplateValidator } from './validator.js';

export async function main(argv: readonly string[]): Promise<void> {
  const [role, ...rest] = argv;
  const config = loadConfig(rest);
  const neuron =
    role === 'validator' ? new TemplateValidator(config) : role === 'miner' ? new TemplateMiner(config) : null;
  if (neuron === null) throw new Error(`unknown role '${role}': use miner or validator`);
  const stop = (): void => {
    void neuron.stop().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  await neuron.start();
}
