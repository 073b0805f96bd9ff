/** `taonet chain-spec`: writes a chain spec (JSON) to stdout or a file, to start a chain from. */
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';

export function registerChainSpecCommand(program: Command): void {
  program
    .command('chain-spec')
    .description('write a chain spec JSON (the dev chain by default, or --local for reference parameters)')
    .option('--dev', 'the development chain spec (default)')
    .option('--local', 'a local chain with the reference chain’s parameters and 12 s blocks')
    .option('-o, --output <file>', 'write to a file instead of stdout')
    .action(async (o: { local?: boolean; output?: string }) => {
      const n = await import('@taonet/node');
      await n.initCrypto();
      const text = n.chainSpecToJson(o.local === true ? n.localChainSpec() : n.devChainSpec());
      if (o.output === undefined) process.stdout.write(text);
      else writeFileSync(o.output, text);
    });
}
