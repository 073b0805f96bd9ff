/** The `taonet` command. Every command accepts --json; --no-prompt (-y) never asks a question. */
import { Command, CommanderError } from 'commander';
import { addGroup } from './command-spec.js';
import { axonCommands } from './commands/axon.js';
import { registerChainSpecCommand } from './commands/chain-spec.js';
import { registerExplorerCommand } from './commands/explorer.js';
import { localnetCommands } from './commands/localnet.js';
import { registerNodeCommand } from './commands/node.js';
import { rootCommands } from './commands/root.js';
import { simCommands } from './commands/sim.js';
import { stakeCommands } from './commands/stake.js';
import { commitmentsCommands } from './commands/commitments.js';
import { proxyCommands } from './commands/proxy.js';
import { subnetCommands } from './commands/subnets.js';
import { walletCommands } from './commands/wallet.js';
import { weightCommands } from './commands/weights.js';

export function buildProgram(): Command {
  const program = new Command('taonet')
    .description('Taonet: a TypeScript Bittensor — chain, wallet, staking, subnets')
    .version('0.1.0')
    .option('--json', 'machine-readable output')
    .option('-y, --no-prompt', 'never ask; fail instead of prompting')
    .option('--network <name|url>', "node to talk to: 'local' or a ws:// URL (env TAONET_NETWORK)")
    .option('--wallet-name <name>', 'wallet name (env BT_WALLET_NAME, default "default")')
    .option('--wallet-path <dir>', 'wallets folder (env BT_WALLET_PATH, default ~/.bittensor/wallets)')
    .option('-H, --hotkey <name>', 'hotkey name (env BT_WALLET_HOTKEY, default "default")')
    .option('--password-file <file>', 'read the coldkey password from a file (or set TAONET_PASSWORD)')
    .configureHelp({ showGlobalOptions: true })
    .showHelpAfterError()
    .exitOverride();
  addGroup(program, walletCommands);
  addGroup(program, subnetCommands);
  addGroup(program, stakeCommands);
  addGroup(program, commitmentsCommands);
  addGroup(program, proxyCommands);
  addGroup(program, weightCommands);
  addGroup(program, rootCommands);
  addGroup(program, axonCommands);
  registerNodeCommand(program);
  addGroup(program, localnetCommands);
  registerChainSpecCommand(program);
  registerExplorerCommand(program);
  addGroup(program, simCommands);
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
