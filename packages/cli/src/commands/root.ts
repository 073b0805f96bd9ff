/** `taonet root`: join root, claim root dividends, choose how they are paid. */
import { keypairSigner } from '@taonet/sdk';
import type { CommandGroup } from '../command-spec.js';
import type { Cli } from '../context.js';
import { withSpinner } from '../ui.js';

async function rootRegister(cli: Cli, o: { hotkeyAddress?: string; uri?: string }): Promise<number> {
  const st = await cli.connect();
  const hot = o.hotkeyAddress ?? cli.wallet().hotkeyPub().ss58Address;
  const res = await withSpinner('registering on root', async () =>
    st.register(keypairSigner(await cli.coldkey(o.uri)), 0, hot),
  );
  return cli.reportTx(res, `${hot} joined root`);
}

async function rootClaim(cli: Cli, o: { netuids: string; uri?: string }): Promise<number> {
  const st = await cli.connect();
  const netuids = o.netuids.split(',').map((x) => Number(x.trim()));
  const res = await withSpinner('claiming', async () => st.claimRoot(keypairSigner(await cli.coldkey(o.uri)), netuids));
  return cli.reportTx(res, `claimed root dividends on ${netuids.join(', ')}`);
}

async function rootClaimType(cli: Cli, type: string, o: { uri?: string }): Promise<number> {
  const st = await cli.connect();
  const res = await st.submit(keypairSigner(await cli.coldkey(o.uri)), {
    method: 'set_root_claim_type',
    args: { type },
  });
  return cli.reportTx(res, `root claim type ${type}`);
}

export const rootCommands: CommandGroup = {
  name: 'root',
  description: 'the root subnet: root validators and root dividends',
  commands: [
    {
      name: 'register',
      description: 'make a hotkey a root validator',
      options: [
        { flags: '--hotkey-address <ss58>', description: 'hotkey (default: the wallet hotkey)' },
        { flags: '--uri <uri>', description: 'sign with a dev key instead of the wallet coldkey' },
      ],
      run: rootRegister,
    },
    {
      name: 'claim',
      description: 'claim root dividends on 1–5 subnets',
      options: [
        { flags: '--netuids <list>', description: 'comma-separated subnet ids', required: true },
        { flags: '--uri <uri>', description: 'sign with a dev key instead of the wallet coldkey' },
      ],
      run: rootClaim,
    },
    {
      name: 'claim-type',
      description: "take root dividends as 'swap' (restaked as TAO on root) or 'keep' (subnet alpha)",
      arguments: [{ name: '<type>', description: 'swap or keep' }],
      options: [{ flags: '--uri <uri>', description: 'sign with a dev key instead of the wallet coldkey' }],
      run: rootClaimType,
    },
  ],
};
