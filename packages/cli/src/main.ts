/** The `taonet` command. Every command accepts --json; --no-prompt (-y) never asks a question. */
import { Command, CommanderError } from 'commander';
import { registerChainSpecCommand } from './commands/chain-spec.js';
import { registerNodeCommand } from './commands/node.js';

export function buildProgram(): Command {
  const program = new Command('taonet')
    .description('Taonet: a TypeScript Bittensor — chain, wallet, staking, subnets')
    .version('0.1.0')
    .option('--json', 'machine-readable output')
    .option('-y, --no-prompt', 'never ask; fail instead of prompting')
    .showHelpAfterError()
    .exitOverride();
  registerNodeCommand(program);
  registerChainSpecCommand(program);
  return program;
}

export async function main(argv: readonly string[]): Promise<number> {
  try {
    await buildProgram().parseAsync([...argv]);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode;
    throw e;
  }
}
