/**
 * The entry point every subnet's `bin/neuron.js` shares: the first argument picks the role, the
 * rest is the neuron config, and SIGINT/SIGTERM stop the neuron cleanly before exiting.
 */
import { loadConfig, type NeuronConfig } from './config.js';

export interface Runnable {
  start(): Promise<void>;
  stop(): Promise<void>;
}

export async function runNeuron(
  argv: readonly string[],
  roles: Readonly<Record<string, (config: NeuronConfig) => Runnable>>,
): Promise<void> {
  const [role, ...rest] = argv;
  const make = role === undefined ? undefined : roles[role];
  if (make === undefined) throw new Error(`unknown role '${role}': use ${Object.keys(roles).join(', ')}`);
  const neuron = make(loadConfig(rest));
  const stop = (): void => {
    void neuron.stop().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  await neuron.start();
}
