/**
 * `taonet wallet swap-hotkey` and `taonet wallet swap-coldkey announce|execute|status|dispute|clear`:
 * rotating a leaked key as subtensor allows. A coldkey swap is announced by hash, waits out its
 * delay, then runs; `status` (and a refused `execute`) says the block when it can run.
 */
import { keypairFromUri, keypairSigner, SdkError, toAccountHex } from '@taonet/sdk';
import type { CommandSpec } from '../command-spec.js';
import type { Cli } from '../context.js';
import { parseNetuid } from '../parse.js';
import { withSpinner } from '../ui.js';

interface SwapHotkeyOpts {
  hotkeyAddress?: string;
  newHotkey: string;
  netuid?: string;
  uri?: string;
}

async function swapHotkey(cli: Cli, o: SwapHotkeyOpts): Promise<number> {
  const netuid = o.netuid === undefined ? undefined : parseNetuid(o.netuid);
  toAccountHex(o.newHotkey);
  const hotkey = o.hotkeyAddress ?? cli.wallet().hotkeyPub().ss58Address;
  const st = await cli.connect();
  const where = netuid === undefined ? 'on every subnet' : `on subnet ${netuid}`;
  await cli.confirm(`Swap hotkey ${hotkey} to ${o.newHotkey} ${where} (the swap cost is recycled)`);
  const signer = keypairSigner(await cli.coldkey(o.uri));
  const r = await withSpinner('swapping hotkey', () =>
    st.swapHotkey(signer, { hotkey, newHotkey: o.newHotkey, ...(netuid === undefined ? {} : { netuid }) }),
  );
  return cli.reportTx(r, `hotkey ${hotkey} swapped to ${o.newHotkey} ${where}`, { hotkey, newHotkey: o.newHotkey });
}

interface SwapColdkeyOpts {
  newColdkey?: string;
  ss58?: string;
  uri?: string;
}

function needNewColdkey(o: SwapColdkeyOpts): string {
  if (o.newColdkey === undefined)
    throw new SdkError(
      'InvalidArgument',
      'no new coldkey given',
      'pass --new-coldkey <ss58> (the key you will swap to)',
    );
  toAccountHex(o.newColdkey);
  return o.newColdkey;
}

async function coldkeyAddress(cli: Cli, o: SwapColdkeyOpts): Promise<string> {
  if (o.ss58 !== undefined) return o.ss58;
  return o.uri === undefined ? cli.wallet().coldkeyPub().ss58Address : keypairFromUri(o.uri).ss58Address;
}

async function announce(cli: Cli, o: SwapColdkeyOpts): Promise<number> {
  const newColdkey = needNewColdkey(o);
  const st = await cli.connect();
  await cli.confirm(
    `Announce a swap of your coldkey to ${newColdkey}: it pays the swap cost, and until the swap runs this coldkey can make only swap calls`,
  );
  const signer = keypairSigner(await cli.coldkey(o.uri));
  const r = await withSpinner('announcing', () => st.announceColdkeySwap(signer, newColdkey));
  const when = r.events.find((e) => e.name === 'ColdkeySwapAnnounced')?.data.when;
  return cli.reportTx(r, `coldkey swap announced; it can run at block ${when}`, { newColdkey, when });
}

async function execute(cli: Cli, o: SwapColdkeyOpts): Promise<number> {
  const newColdkey = needNewColdkey(o);
  const st = await cli.connect();
  await cli.confirm(`Swap your coldkey to ${newColdkey}: balance, stake, hotkeys and subnets move to it`);
  const signer = keypairSigner(await cli.coldkey(o.uri));
  const r = await withSpinner('swapping coldkey', () => st.swapColdkeyAnnounced(signer, newColdkey));
  return cli.reportTx(r, `coldkey swapped to ${newColdkey}`, { newColdkey });
}

async function status(cli: Cli, o: SwapColdkeyOpts): Promise<number> {
  const coldkey = await coldkeyAddress(cli, o);
  const st = await cli.connect();
  const s = await st.coldkeySwapStatus(coldkey);
  return cli.report({ coldkey, ...s }, () => {
    if (s.announcement === null) return `${coldkey} has no coldkey swap announced`;
    const { when, blocksLeft } = s.announcement;
    const run =
      blocksLeft > 0n
        ? `it can run at block ${when} (in ${blocksLeft} blocks)`
        : `it can run now (since block ${when})`;
    const dispute = s.disputedAt === null ? '' : `\ndisputed at block ${s.disputedAt}: the admin must reset it`;
    return `coldkey swap of ${coldkey} announced; ${run}${dispute}`;
  });
}

async function dispute(cli: Cli, o: SwapColdkeyOpts): Promise<number> {
  const st = await cli.connect();
  await cli.confirm('Dispute the announced swap of your coldkey: it is frozen until the admin resets it');
  const signer = keypairSigner(await cli.coldkey(o.uri));
  const r = await withSpinner('disputing', () => st.disputeColdkeySwap(signer));
  return cli.reportTx(r, 'coldkey swap disputed');
}

async function clear(cli: Cli, o: SwapColdkeyOpts): Promise<number> {
  const st = await cli.connect();
  const signer = keypairSigner(await cli.coldkey(o.uri));
  const r = await withSpinner('clearing', () => st.clearColdkeySwapAnnouncement(signer));
  return cli.reportTx(r, 'coldkey swap announcement cleared');
}

const ACTIONS: Readonly<Record<string, (cli: Cli, o: SwapColdkeyOpts) => Promise<number>>> = {
  announce,
  execute,
  status,
  dispute,
  clear,
};

async function swapColdkey(cli: Cli, action: string, o: SwapColdkeyOpts): Promise<number> {
  const run = ACTIONS[action];
  if (run === undefined)
    throw new SdkError(
      'InvalidArgument',
      `unknown swap-coldkey action '${action}'`,
      'use announce, execute, status, dispute or clear',
    );
  return run(cli, o);
}

export const swapHotkeyCommand: CommandSpec = {
  name: 'swap-hotkey',
  description: 'move everything a hotkey has to a new hotkey, on every subnet or one (--netuid)',
  options: [
    { flags: '--new-hotkey <ss58>', description: 'the hotkey to swap to', required: true },
    { flags: '--hotkey-address <ss58>', description: 'the hotkey to retire (default: the wallet hotkey)' },
    { flags: '--netuid <n>', description: 'swap on this subnet only (cheaper)' },
    { flags: '--uri <uri>', description: 'sign with a dev key instead of the wallet coldkey' },
  ],
  run: swapHotkey,
};

export const swapColdkeyCommand: CommandSpec = {
  name: 'swap-coldkey',
  description: 'coldkey swap: announce (by hash), execute after the delay, status, dispute, clear',
  arguments: [{ name: '<action>', description: 'announce | execute | status | dispute | clear' }],
  options: [
    { flags: '--new-coldkey <ss58>', description: 'announce/execute: the coldkey to swap to' },
    { flags: '--ss58 <address>', description: 'status: any coldkey instead of the wallet’s' },
    { flags: '--uri <uri>', description: 'sign with a dev key instead of the wallet coldkey' },
  ],
  run: swapColdkey,
};
