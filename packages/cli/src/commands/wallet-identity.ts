/** `taonet wallet set-identity` and `get-identity`: a coldkey's on-chain name, links and description. */
import { keypairFromUri, keypairSigner } from '@taonet/sdk';
import type { ChainIdentity } from '@taonet/sdk/actions';
import type { CommandSpec } from '../command-spec.js';
import type { Cli } from '../context.js';
import { table, withSpinner } from '../ui.js';

type IdentityOpts = Partial<ChainIdentity> & { uri?: string; ss58?: string };

const FIELDS = ['name', 'url', 'githubRepo', 'image', 'discord', 'description', 'additional'] as const;

async function setIdentity(cli: Cli, o: IdentityOpts): Promise<number> {
  const identity = Object.fromEntries(FIELDS.filter((f) => o[f] !== undefined).map((f) => [f, o[f]]));
  const st = await cli.connect();
  const signer = keypairSigner(await cli.coldkey(o.uri));
  const r = await withSpinner('setting identity', () => st.setIdentity(signer, identity));
  return cli.reportTx(r, `identity set${o.name === undefined ? '' : ` to ${o.name}`}`, { identity });
}

async function getIdentity(cli: Cli, o: IdentityOpts): Promise<number> {
  const coldkey =
    o.ss58 ?? (o.uri === undefined ? cli.wallet().coldkeyPub().ss58Address : keypairFromUri(o.uri).ss58Address);
  const st = await cli.connect();
  const id = await st.identity(coldkey);
  return cli.report({ coldkey, identity: id }, () =>
    id === null
      ? `${coldkey} has no identity`
      : table(
          ['field', 'value'],
          FIELDS.filter((f) => id[f] !== '').map((f) => [f, id[f]]),
        ),
  );
}

export const setIdentityCommand: CommandSpec = {
  name: 'set-identity',
  description: 'set the coldkey’s on-chain identity (replaces it whole; needs a registered hotkey)',
  options: [
    { flags: '--name <text>', description: 'display name (≤ 256 bytes)' },
    { flags: '--url <url>', description: 'website (≤ 256 bytes)' },
    { flags: '--github-repo <repo>', description: 'GitHub repository (≤ 256 bytes)' },
    { flags: '--image <url>', description: 'image URL (≤ 1024 bytes)' },
    { flags: '--discord <handle>', description: 'Discord handle (≤ 256 bytes)' },
    { flags: '--description <text>', description: 'description (≤ 1024 bytes)' },
    { flags: '--additional <text>', description: 'anything else (≤ 1024 bytes)' },
    { flags: '--uri <uri>', description: 'sign with a dev key instead of the wallet coldkey' },
  ],
  run: setIdentity,
};

export const getIdentityCommand: CommandSpec = {
  name: 'get-identity',
  description: 'show a coldkey’s on-chain identity',
  options: [
    { flags: '--ss58 <address>', description: 'any coldkey instead of the wallet’s' },
    { flags: '--uri <uri>', description: 'the coldkey of a dev key' },
  ],
  run: getIdentity,
};
