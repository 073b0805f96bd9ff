/**
 * `taonet stake child get|set|revoke|take`: child hotkeys, as btcli names them. A parent lends a
 * share of its stake on a subnet to up to five children; the chain applies a new list at the
 * subnet's first epoch after a cooldown.
 */
import { keypairSigner, SdkError } from '@taonet/sdk';
import type { CommandSpec } from '../command-spec.js';
import type { Cli } from '../context.js';
import { table, withSpinner } from '../ui.js';

const U64_MAX = (1n << 64n) - 1n;

/** A decimal fraction in [0, 1] ("0.25") as parts of u64::MAX, exactly, rounded down. */
export function parseProportion(text: string): bigint {
  const m = /^(0|1)?(?:\.(\d{1,18}))?$/.exec(text.trim());
  if (m === null || text.trim() === '' || text.trim() === '.') {
    throw new SdkError('InvalidArgument', `proportion '${text}' is not a fraction`, 'give fractions like 0.5,0.25');
  }
  const frac = m[2] ?? '';
  const num = BigInt((m[1] ?? '0') + frac);
  const den = 10n ** BigInt(frac.length);
  if (num > den) throw new SdkError('InvalidArgument', `proportion ${text} is above 1`, 'each share is at most 1');
  return (num * U64_MAX) / den;
}

const percent = (p: bigint): string => `${((Number(p) / Number(U64_MAX)) * 100).toFixed(2)}%`;

interface ChildOpts {
  netuid: string;
  hotkeyAddress?: string;
  children?: string;
  proportions?: string;
  take?: string;
  uri?: string;
}

const hotkeyOf = (cli: Cli, o: ChildOpts): string => o.hotkeyAddress ?? cli.wallet().hotkeyPub().ss58Address;

async function get(cli: Cli, o: ChildOpts): Promise<number> {
  const st = await cli.connect();
  const hotkey = hotkeyOf(cli, o);
  const k = await st.childKeys(Number(o.netuid), hotkey);
  const rows = [
    ...k.children.map((c) => ['child', c.hotkey, percent(c.proportion)]),
    ...k.parents.map((c) => ['parent', c.hotkey, percent(c.proportion)]),
    ...(k.pending?.children ?? []).map((c) => ['pending child', c.hotkey, percent(c.proportion)]),
  ];
  return cli.report({ hotkey, netuid: Number(o.netuid), ...k }, () => {
    const head = `childkey take ${((k.childkeyTake / 65535) * 100).toFixed(2)}%`;
    const pending =
      k.pending === null ? '' : `\npending list applies at the first epoch after block ${k.pending.cooldownBlock}`;
    return rows.length === 0
      ? `${hotkey} has no children or parents on subnet ${o.netuid}; ${head}`
      : `${table(['link', 'hotkey', 'share'], rows)}\n${head}${pending}`;
  });
}

async function set(cli: Cli, o: ChildOpts): Promise<number> {
  const children = (o.children ?? '').split(',').filter((x) => x.trim() !== '');
  const shares = (o.proportions ?? '').split(',').filter((x) => x.trim() !== '');
  if (children.length === 0 || children.length !== shares.length) {
    throw new SdkError(
      'InvalidArgument',
      `${children.length} children and ${shares.length} proportions`,
      'pass --children a,b and --proportions 0.5,0.5 of the same length (use `stake child revoke` to remove all)',
    );
  }
  const list = children.map((child, i) => ({ child: child.trim(), proportion: parseProportion(shares[i] as string) }));
  return submitChildren(cli, o, list, `children of ${hotkeyOf(cli, o)} scheduled on subnet ${o.netuid}`);
}

async function revoke(cli: Cli, o: ChildOpts): Promise<number> {
  return submitChildren(
    cli,
    o,
    [],
    `revocation of the children of ${hotkeyOf(cli, o)} scheduled on subnet ${o.netuid}`,
  );
}

async function submitChildren(
  cli: Cli,
  o: ChildOpts,
  children: { child: string; proportion: bigint }[],
  what: string,
): Promise<number> {
  const st = await cli.connect();
  const hotkey = hotkeyOf(cli, o);
  const r = await withSpinner('setting children', async () =>
    st.setChildren(keypairSigner(await cli.coldkey(o.uri)), { hotkey, netuid: Number(o.netuid), children }),
  );
  return cli.reportTx(r, what, { hotkey, netuid: Number(o.netuid) });
}

async function take(cli: Cli, o: ChildOpts): Promise<number> {
  const st = await cli.connect();
  const hotkey = hotkeyOf(cli, o);
  const t = Number(o.take);
  if (!Number.isFinite(t) || t < 0 || t > 18) {
    throw new SdkError('InvalidArgument', `take '${o.take}' is not a percentage`, 'give a percentage from 0 to 18');
  }
  const parts = Math.floor((t * 65535) / 100);
  const r = await withSpinner('setting childkey take', async () =>
    st.setChildkeyTake(keypairSigner(await cli.coldkey(o.uri)), { hotkey, netuid: Number(o.netuid), take: parts }),
  );
  return cli.reportTx(r, `childkey take of ${hotkey} set to ${t}% on subnet ${o.netuid}`, { take: parts });
}

const ACTIONS: Readonly<Record<string, (cli: Cli, o: ChildOpts) => Promise<number>>> = { get, set, revoke, take };

async function child(cli: Cli, action: string, o: ChildOpts): Promise<number> {
  const run = ACTIONS[action];
  if (run === undefined) {
    throw new SdkError('InvalidArgument', `unknown child action '${action}'`, 'use get, set, revoke or take');
  }
  return run(cli, o);
}

export const stakeChildCommand: CommandSpec = {
  name: 'child',
  aliases: ['children'],
  description: 'child hotkeys: get, set (scheduled), revoke, or take (the child’s cut, 0–18%)',
  arguments: [{ name: '<action>', description: 'get | set | revoke | take' }],
  options: [
    { flags: '--netuid <n>', description: 'subnet id', required: true },
    {
      flags: '--hotkey-address <ss58>',
      description: 'parent (or, for take, child) hotkey (default: the wallet hotkey)',
    },
    { flags: '--children <list>', description: 'set: comma-separated child hotkeys' },
    { flags: '--proportions <list>', description: 'set: comma-separated shares of the parent stake, e.g. 0.5,0.25' },
    { flags: '--take <percent>', description: 'take: the childkey take in percent (0–18)' },
    { flags: '--uri <uri>', description: 'sign with a dev key instead of the wallet coldkey' },
  ],
  run: child,
};
