/**
 * `taonet subnets mechanisms count|set|split|emissions`: a subnet's incentive mechanisms, each with
 * its own weights, bonds and incentive, sharing the subnet's emission by the owner's split.
 */
import { keypairSigner, SdkError, type Subtensor, Tao } from '@taonet/sdk';
import type { CommandSpec } from '../command-spec.js';
import type { Cli } from '../context.js';
import { existingSubnet } from '../existing-subnet.js';
import { parseNetuid } from '../parse.js';
import { table, withSpinner } from '../ui.js';

const U16 = 65535;

type MechanismsResult = NonNullable<Awaited<ReturnType<Subtensor['mechanisms']>>>;

interface MechanismOpts {
  netuid: string;
  count?: string;
  split?: string;
  uri?: string;
}

/**
 * `--split`: `even`, fractions summing to 1 (`0.25,0.75`), or u16 parts summing to 65535. Fractions
 * become floor(f·65535) parts with the rounding remainder on the first, as the chain credits its own.
 */
export function parseSplit(text: string): number[] | null {
  const t = text.trim();
  if (t === 'even') return null;
  const items = t.split(',').map((x) => x.trim());
  const bad = (why: string): never => {
    throw new SdkError(
      'InvalidArgument',
      `split '${text}' ${why}`,
      'give fractions summing to 1 (0.25,0.75), u16 parts summing to 65535, or even',
    );
  };
  if (items.some((x) => !/^\d+(\.\d+)?$/.test(x))) bad('is not a list of numbers');
  if (items.every((x) => /^\d+$/.test(x)) && items.some((x) => Number(x) > 1)) {
    const parts = items.map(Number);
    if (parts.some((p) => p > U16)) bad('has a part above 65535');
    if (parts.reduce((a, b) => a + b, 0) !== U16) bad('does not sum to 65535');
    return parts;
  }
  // Fractions, exactly: scaled to 18 decimals so 0.1 + 0.2 sums to exactly 0.3.
  const scaled = items.map((x) => {
    const [int, frac = ''] = x.split('.');
    if (frac.length > 18) bad('has more than 18 decimals');
    return BigInt(int ?? '0') * 10n ** 18n + BigInt(frac.padEnd(18, '0'));
  });
  if (scaled.reduce((a, b) => a + b, 0n) !== 10n ** 18n) bad('does not sum to 1');
  const parts = scaled.map((f) => Number((f * BigInt(U16)) / 10n ** 18n));
  parts[0] = (parts[0] ?? 0) + U16 - parts.reduce((a, b) => a + b, 0);
  return parts;
}

const share = (part: number): string => `${((part / U16) * 100).toFixed(2)}%`;

async function info(st: Subtensor, netuid: number): Promise<MechanismsResult> {
  await existingSubnet(st, netuid);
  const m = await st.mechanisms(netuid);
  if (m === null)
    throw new SdkError('SubnetNotExists', `subnet ${netuid} does not exist`, 'list subnets with `taonet subnets list`');
  return m;
}

async function count(cli: Cli, o: MechanismOpts): Promise<number> {
  const netuid = parseNetuid(o.netuid);
  const m = await info(await cli.connect(), netuid);
  return cli.report({ netuid, count: m.count, maxCount: m.maxCount, split: m.split }, () =>
    [
      `subnet ${netuid} runs ${m.count} mechanism(s) (network maximum ${m.maxCount})`,
      `split ${m.split === null ? 'even' : m.effectiveSplit.map(share).join(' / ')}`,
    ].join('\n'),
  );
}

async function set(cli: Cli, o: MechanismOpts): Promise<number> {
  const netuid = parseNetuid(o.netuid);
  const n = Number(o.count);
  if (o.count === undefined || !Number.isInteger(n) || n < 1 || n > 16)
    throw new SdkError('InvalidArgument', `count '${o.count ?? ''}' is not a mechanism count`, 'give --count 1..16');
  const st = await cli.connect();
  const m = await info(st, netuid);
  if (n < m.count)
    await cli.confirm(
      `Lower subnet ${netuid} from ${m.count} to ${n} mechanisms: the weights and bonds of mechanisms ${n}..${m.count - 1} are deleted`,
    );
  const r = await withSpinner('setting mechanism count', async () =>
    st.setMechanismCount(keypairSigner(await cli.coldkey(o.uri)), netuid, n),
  );
  return cli.reportTx(r, `subnet ${netuid} now runs ${n} mechanism(s); the emission split is even`, {
    netuid,
    count: n,
  });
}

async function split(cli: Cli, o: MechanismOpts): Promise<number> {
  const netuid = parseNetuid(o.netuid);
  if (o.split === undefined)
    throw new SdkError('InvalidArgument', 'no --split given', 'give --split 0.25,0.75 (or even)');
  const parts = parseSplit(o.split);
  const st = await cli.connect();
  await info(st, netuid);
  const r = await withSpinner('setting emission split', async () =>
    st.setMechanismEmissionSplit(keypairSigner(await cli.coldkey(o.uri)), netuid, parts),
  );
  const what = parts === null ? 'even' : parts.map(share).join(' / ');
  return cli.reportTx(r, `subnet ${netuid} emission split: ${what}`, { netuid, split: parts });
}

async function emissions(cli: Cli, o: MechanismOpts): Promise<number> {
  const netuid = parseNetuid(o.netuid);
  const st = await cli.connect();
  const { symbol } = await existingSubnet(st, netuid);
  const m = await info(st, netuid);
  const alpha = (rao: bigint) => ({ unit: 'alpha', netuid, symbol, rao: rao.toString() });
  const rows = m.effectiveSplit.map((part, mecid) => ({
    mecid,
    part,
    pending: m.pendingEmission[mecid] ?? 0n,
    lastBlock: m.blockEmission[mecid] ?? 0n,
  }));
  const fmt = (rao: bigint): string => new Tao(rao).format(4).replace('τ', '');
  return cli.report(
    {
      netuid,
      count: m.count,
      proportions: 'u16 (65535 = 1)',
      mechanisms: rows.map((r) => ({ ...r, pending: alpha(r.pending), lastBlock: alpha(r.lastBlock) })),
    },
    () =>
      table(
        ['mecid', 'share', `next epoch (${symbol})`, `last block (${symbol})`],
        rows.map((r) => [String(r.mecid), share(r.part), fmt(r.pending), fmt(r.lastBlock)]),
      ),
  );
}

const ACTIONS: Readonly<Record<string, (cli: Cli, o: MechanismOpts) => Promise<number>>> = {
  count,
  set,
  split,
  emissions,
};

async function mechanisms(cli: Cli, action: string, o: MechanismOpts): Promise<number> {
  const run = ACTIONS[action];
  if (run === undefined)
    throw new SdkError(
      'InvalidArgument',
      `unknown mechanisms action '${action}'`,
      'use count, set, split or emissions',
    );
  return run(cli, o);
}

export const subnetsMechanismsCommand: CommandSpec = {
  name: 'mechanisms',
  aliases: ['mech'],
  description: 'incentive mechanisms of a subnet: count, set (--count), split (--split), emissions',
  arguments: [{ name: '<action>', description: 'count | set | split | emissions' }],
  options: [
    { flags: '--netuid <n>', description: 'subnet id', required: true },
    { flags: '--count <n>', description: 'set: number of mechanisms (1 up to the network maximum)' },
    {
      flags: '--split <parts>',
      description: 'split: fractions summing to 1 (0.25,0.75), u16 parts summing to 65535, or even',
    },
    { flags: '--uri <uri>', description: 'sign with a dev key instead of the wallet coldkey' },
  ],
  run: mechanisms,
};
