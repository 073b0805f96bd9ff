/** `taonet root`: join root, claim root dividends, choose how they are paid. */
import { keypairSigner } from '@taonet/sdk';
import type { Command } from 'commander';
import { action } from '../context.js';
import { withSpinner } from '../ui.js';

export function registerRootCommands(program: Command): void {
  const r = program.command('root').description('the root subnet: root validators and root dividends');

  r.command('register')
    .description('make a hotkey a root validator')
    .option('--hotkey-address <ss58>', 'hotkey (default: the wallet hotkey)')
    .option('--uri <uri>', 'sign with a dev key instead of the wallet coldkey')
    .action(
      action(async (cli, o: { hotkeyAddress?: string; uri?: string }) => {
        const st = await cli.connect();
        const hot = o.hotkeyAddress ?? cli.wallet().hotkeyPub().ss58Address;
        const res = await withSpinner('registering on root', async () =>
          st.register(keypairSigner(await cli.coldkey(o.uri)), 0, hot),
        );
        return cli.reportTx(res, `${hot} joined root`);
      }),
    );

  r.command('claim')
    .description('claim root dividends on 1–5 subnets')
    .requiredOption('--netuids <list>', 'comma-separated subnet ids')
    .option('--uri <uri>', 'sign with a dev key instead of the wallet coldkey')
    .action(
      action(async (cli, o: { netuids: string; uri?: string }) => {
        const st = await cli.connect();
        const netuids = o.netuids.split(',').map((x) => Number(x.trim()));
        const res = await withSpinner('claiming', async () =>
          st.claimRoot(keypairSigner(await cli.coldkey(o.uri)), netuids),
        );
        return cli.reportTx(res, `claimed root dividends on ${netuids.join(', ')}`);
      }),
    );

  r.command('claim-type')
    .description("take root dividends as 'swap' (restaked as TAO on root) or 'keep' (subnet alpha)")
    .argument('<type>', 'swap or keep')
    .option('--uri <uri>', 'sign with a dev key instead of the wallet coldkey')
    .action(
      action(async (cli, type: string, o: { uri?: string }) => {
        const st = await cli.connect();
        const res = await st.submit(keypairSigner(await cli.coldkey(o.uri)), {
          method: 'set_root_claim_type',
          args: { type },
        });
        return cli.reportTx(res, `root claim type ${type}`);
      }),
    );
}
