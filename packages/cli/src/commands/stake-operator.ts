/**
 * `taonet stake unstake-all-alpha`, `stake recycle-alpha` and `stake burn-alpha`: move every
 * subnet stake of a hotkey onto root, or give up staked alpha (recycled: out of issuance; burned:
 * issued but owned by nobody).
 */
import { keypairSigner } from '@taonet/sdk';
import type { CommandSpec } from '../command-spec.js';
import type { Cli } from '../context.js';
import { parseAlpha, parseNetuid } from '../parse.js';
import { withSpinner } from '../ui.js';

interface Opts {
  hotkeyAddress?: string;
  netuid?: string;
  amount?: string;
  uri?: string;
}

const hotkeyOf = (cli: Cli, o: Opts): string => o.hotkeyAddress ?? cli.wallet().hotkeyPub().ss58Address;

async function unstakeAllAlpha(cli: Cli, o: Opts): Promise<number> {
  const hotkey = hotkeyOf(cli, o);
  const st = await cli.connect();
  await cli.confirm(`Sell your alpha on ${hotkey} on every subnet and stake the TAO on root (same hotkey)`);
  const signer = keypairSigner(await cli.coldkey(o.uri));
  const r = await withSpinner('moving stake to root', () => st.unstakeAllAlpha(signer, hotkey));
  const tao = r.events.find((e) => e.name === 'UnstakedAllAlpha')?.data.tao;
  return cli.reportTx(r, `stake of ${hotkey} moved to root (${tao ?? 0} rao)`, { hotkey });
}

function giveUp(kind: 'recycle' | 'burn') {
  return async (cli: Cli, o: Opts): Promise<number> => {
    const netuid = parseNetuid(o.netuid ?? '');
    const amount = parseAlpha(o.amount ?? '', netuid);
    const hotkey = hotkeyOf(cli, o);
    const st = await cli.connect();
    const fate = kind === 'recycle' ? 'recycled (out of issuance)' : 'burned (issued, owned by nobody)';
    await cli.confirm(`Give up ${amount.format(6)} staked on ${hotkey} in subnet ${netuid}: it is ${fate}`);
    const signer = keypairSigner(await cli.coldkey(o.uri));
    const a = { hotkey, netuid, amount: amount.rao };
    const r = await withSpinner(kind === 'recycle' ? 'recycling' : 'burning', () =>
      kind === 'recycle' ? st.recycleAlpha(signer, a) : st.burnAlpha(signer, a),
    );
    return cli.reportTx(r, `${amount.format(6)} ${kind === 'recycle' ? 'recycled' : 'burned'} on subnet ${netuid}`, {
      hotkey,
      netuid,
    });
  };
}

const HOTKEY = { flags: '--hotkey-address <ss58>', description: 'the hotkey (default: the wallet hotkey)' };
const URI = { flags: '--uri <uri>', description: 'sign with a dev key instead of the wallet coldkey' };
const GIVE_UP = [
  { flags: '--netuid <n>', description: 'subnet id', required: true },
  { flags: '--amount <alpha>', description: 'alpha to give up (more than staked gives up all)', required: true },
  HOTKEY,
  URI,
];

export const stakeOperatorCommands: readonly CommandSpec[] = [
  {
    name: 'unstake-all-alpha',
    description: 'sell the hotkey’s alpha on every subnet and stake the TAO on root',
    options: [HOTKEY, URI],
    run: unstakeAllAlpha,
  },
  {
    name: 'recycle-alpha',
    description: 'give up staked alpha, out of issuance',
    options: GIVE_UP,
    run: giveUp('recycle'),
  },
  {
    name: 'burn-alpha',
    description: 'give up staked alpha, left issued but owned by nobody',
    options: GIVE_UP,
    run: giveUp('burn'),
  },
];
