/**
 * `taonet stake`: add, remove, move, transfer, list — quotes first, shows the quote, and sends the
 * limit price of that very quote (never a second quote the user did not see).
 */
import { Alpha, keypairFromUri, keypairSigner, SdkError, type StakeQuote, Tao, type TxResult } from '@taonet/sdk';
import type { CommandGroup, OptionSpec } from '../command-spec.js';
import type { Cli } from '../context.js';
import { existingSubnet } from '../existing-subnet.js';
import { parseAlpha, parseNetuid, parseRaoPrice, parseTao, parseTolerance } from '../parse.js';
import { stakeChildCommand } from './stake-child.js';
import { stakeOperatorCommands } from './stake-operator.js';
import { color, table, withSpinner } from '../ui.js';

function describeQuote(q: StakeQuote): string {
  return [
    `  in              ${q.amountIn.format(6)}`,
    `  expected out    ${q.expectedOut.format(6)}`,
    `  swap fee        ${q.fee.format(9)}`,
    `  price           ${q.priceBefore.format(9)} → ${q.priceAfter.format(9)} (impact ${(q.priceImpact * 100).toFixed(3)}%)`,
    `  limit price     ${new Tao(q.limitPrice).format(9)}/α`,
    `  minimum out     ${q.minimumOut.format(6)}`,
  ].join('\n');
}

/** A quote in `--json`: exact amounts with their units; the impact named as the ratio it is. */
export function quoteJson(q: StakeQuote): Record<string, unknown> {
  const { priceImpact, limitPrice, ...rest } = q;
  return { ...rest, priceImpactRatio: priceImpact, limitPrice: { unit: 'rao/alpha', rao: limitPrice.toString() } };
}

const LIMIT_OPTIONS: readonly OptionSpec[] = [
  { flags: '--tolerance <fraction>', description: 'accepted price move (0.005 = 0.5%)', default: '0.005' },
  { flags: '--limit-price <rao>', description: 'explicit limit price in rao per alpha (overrides --tolerance)' },
  { flags: '--partial', description: 'fill what fits under the limit instead of failing' },
  { flags: '--unsafe', description: 'no limit price at all' },
  { flags: '--uri <uri>', description: 'sign with a dev key (e.g. //Alice) instead of the wallet coldkey' },
];

interface StakeOpts {
  netuid: string;
  amount?: string;
  all?: boolean;
  hotkeyAddress?: string;
  tolerance: string;
  limitPrice?: string;
  partial?: boolean;
  unsafe?: boolean;
  uri?: string;
  /** false with --no-mev-protection */
  mevProtection?: boolean;
}

function stakeOptions(o: StakeOpts) {
  return {
    tolerance: o.unsafe === true ? 9.99 : parseTolerance(o.tolerance),
    allowPartial: o.partial === true,
    ...(o.limitPrice === undefined ? {} : { limitPrice: parseRaoPrice(o.limitPrice) }),
  };
}

async function hotkeyAddress(cli: Cli, given?: string): Promise<string> {
  return given ?? cli.wallet().hotkeyPub().ss58Address;
}

function coldkeyAddress(cli: Cli, uri?: string): string {
  return uri === undefined ? cli.wallet().coldkeyPub().ss58Address : keypairFromUri(uri).ss58Address;
}

function eventAmount(r: TxResult, event: string, field: string): bigint | null {
  const v = r.events.find((e) => e.name === event)?.data[field];
  return v === undefined || v === null ? null : BigInt(String(v));
}

/** What a stake did: all of it, or (partial fill) what went in, what stayed, at what price. */
export function stakeFill(r: TxResult, asked: Tao, q: StakeQuote) {
  const tao = new Tao(eventAmount(r, 'StakeAdded', 'tao') ?? asked.rao);
  const alphaRao = eventAmount(r, 'StakeAdded', 'alpha') ?? 0n;
  const alpha = new Alpha(alphaRao, q.netuid, q.expectedOut instanceof Alpha ? q.expectedOut.symbol : 'α');
  const refunded = new Tao(asked.rao - tao.rao);
  const price = alphaRao === 0n ? null : new Tao((tao.rao * 1_000_000_000n) / alphaRao);
  return { staked: tao, received: alpha, refunded, averagePrice: price, partial: refunded.rao > 0n };
}

function describeFill(f: ReturnType<typeof stakeFill>, netuid: number): string {
  const at = f.averagePrice === null ? '' : ` at ${f.averagePrice.format(6)}/α`;
  const head = `staked ${f.staked.format(6)} on subnet ${netuid}: got ${f.received.format(6)}${at}`;
  return f.partial ? `${head} (partial fill; ${f.refunded.format(6)} stays in your free balance)` : head;
}

async function addStake(cli: Cli, o: StakeOpts): Promise<number> {
  const netuid = parseNetuid(o.netuid);
  const amount = parseTao(o.amount ?? '');
  const st = await cli.connect();
  await existingSubnet(st, netuid);
  const hotkey = await hotkeyAddress(cli, o.hotkeyAddress);
  const quote = await st.quoteStake(netuid, amount, stakeOptions(o));
  await cli.confirm(`Stake on ${hotkey} in subnet ${netuid}:\n${describeQuote(quote)}`);
  const key = await cli.coldkey(o.uri);
  const { result } = await withSpinner('staking', () =>
    st.addStake(
      keypairSigner(key),
      { hotkey, netuid, amount, quote, allowPartial: o.partial === true },
      submitOptions(o),
    ),
  );
  const fill = result.ok ? stakeFill(result, amount, quote) : null;
  const done = () => describeFill(fill as ReturnType<typeof stakeFill>, netuid);
  return cli.reportTx(
    result,
    { title: 'stake add', done },
    {
      quote: quoteJson(quote),
      ...(fill === null ? {} : { fill }),
    },
  );
}

/** The alpha to unstake: `--all`, or `--amount` when that much is held (never clamped silently). */
async function unstakeAmount(cli: Cli, o: StakeOpts, netuid: number, hotkey: string): Promise<Alpha> {
  const st = await cli.connect();
  const { symbol } = await existingSubnet(st, netuid);
  const info = await st.accountInfo(coldkeyAddress(cli, o.uri));
  const heldRao = info.stakes.find((p) => p.netuid === netuid && p.hotkey === hotkey)?.alpha.rao ?? 0n;
  const held = new Alpha(heldRao, netuid, symbol);
  if (o.all === true) {
    if (heldRao === 0n)
      throw new SdkError(
        'NotEnoughStakeToWithdraw',
        `no stake on ${hotkey} in subnet ${netuid}`,
        'see `taonet stake list`',
      );
    return held;
  }
  if (o.amount === undefined) throw new SdkError('MissingAmount', 'stake remove needs --amount or --all');
  const amount = parseAlpha(o.amount, netuid, symbol);
  if (amount.rao > heldRao)
    throw new SdkError(
      'NotEnoughStakeToWithdraw',
      `you hold ${held.format(6)} on ${hotkey} in subnet ${netuid}, less than ${amount.format(6)}`,
      'unstake at most what you hold, or everything with --all',
    );
  return amount;
}

async function removeStake(cli: Cli, o: StakeOpts): Promise<number> {
  const netuid = parseNetuid(o.netuid);
  const st = await cli.connect();
  const hotkey = await hotkeyAddress(cli, o.hotkeyAddress);
  const amount = await unstakeAmount(cli, o, netuid, hotkey);
  const quote = await st.quoteUnstake(netuid, amount, stakeOptions(o));
  await cli.confirm(`Unstake from ${hotkey} in subnet ${netuid}:\n${describeQuote(quote)}`);
  const key = await cli.coldkey(o.uri);
  const { result } = await withSpinner('unstaking', () =>
    st.removeStake(
      keypairSigner(key),
      { hotkey, netuid, amount, quote, allowPartial: o.partial === true },
      submitOptions(o),
    ),
  );
  const tao = eventAmount(result, 'StakeRemoved', 'tao');
  const got = tao === null ? '' : `: got ${new Tao(tao).format(6)}`;
  return cli.reportTx(result, `unstaked ${amount.format(6)} from subnet ${netuid}${got}`, { quote: quoteJson(quote) });
}

interface MoveOpts {
  mevProtection?: boolean;
  originNetuid: string;
  destNetuid: string;
  amount: string;
  originHotkey: string;
  destHotkey: string;
  uri?: string;
}

async function moveStake(cli: Cli, o: MoveOpts): Promise<number> {
  const on = parseNetuid(o.originNetuid, '--origin-netuid');
  const dn = parseNetuid(o.destNetuid, '--dest-netuid');
  const amount = parseAlpha(o.amount, on);
  const st = await cli.connect();
  await cli.confirm(
    `Move ${amount.format(6)} of subnet ${on} from ${o.originHotkey} to ${o.destHotkey} in subnet ${dn}`,
  );
  const r = await withSpinner('moving stake', async () =>
    st.moveStake(
      keypairSigner(await cli.coldkey(o.uri)),
      {
        originHotkey: o.originHotkey,
        destHotkey: o.destHotkey,
        originNetuid: on,
        destNetuid: dn,
        amount,
      },
      submitOptions(o),
    ),
  );
  return cli.reportTx(r, `moved ${amount.format(6)} of subnet ${on}`);
}

interface TransferOpts {
  mevProtection?: boolean;
  originNetuid: string;
  destNetuid?: string;
  amount: string;
  dest: string;
  hotkeyAddress?: string;
  uri?: string;
}

async function transferStake(cli: Cli, o: TransferOpts): Promise<number> {
  const on = parseNetuid(o.originNetuid, '--origin-netuid');
  const dn = o.destNetuid === undefined ? on : parseNetuid(o.destNetuid, '--dest-netuid');
  const amount = parseAlpha(o.amount, on);
  const st = await cli.connect();
  await cli.confirm(`Give ${amount.format(6)} of subnet ${on} to ${o.dest} (into subnet ${dn})`);
  const r = await withSpinner('transferring stake', async () =>
    st.transferStake(
      keypairSigner(await cli.coldkey(o.uri)),
      {
        destColdkey: o.dest,
        hotkey: await hotkeyAddress(cli, o.hotkeyAddress),
        originNetuid: on,
        destNetuid: dn,
        amount,
      },
      submitOptions(o),
    ),
  );
  return cli.reportTx(r, `transferred ${amount.format(6)} of subnet ${on} to ${o.dest}`);
}

async function listStake(cli: Cli, o: { ss58?: string }): Promise<number> {
  const address = o.ss58 ?? cli.wallet().coldkeyPub().ss58Address;
  const st = await cli.connect();
  const info = await st.accountInfo(address);
  return cli.report(info, () =>
    info.stakes.length === 0
      ? `no stake for ${address}`
      : table(
          ['netuid', 'hotkey', 'stake (α)', 'price (τ/α)', 'value (τ)', 'take'],
          info.stakes.map((p) => [
            String(p.netuid),
            p.hotkey,
            p.alpha.format(4),
            p.price.format(6).replace(' τ/α', ''),
            p.taoValue.format(4),
            `${((p.take / 65535) * 100).toFixed(1)}%`,
          ]),
          ['', '', '', 'total', info.stakedTaoValue.format(4), ''],
        ) + color.dim('\nvalues at spot price, before slippage and fees'),
  );
}

/** btcli's default: stake trades go through the MEV shield unless the user opts out. */
const MEV_OPTION = {
  flags: '--no-mev-protection',
  description: 'send it in the clear instead of encrypted through the MEV shield (on by default)',
};

/** How a stake command submits: shielded when the chain offers it, unless --no-mev-protection. */
const submitOptions = (o: { mevProtection?: boolean }) => ({
  shield: o.mevProtection === false ? false : ('prefer' as const),
});

export const stakeCommands: CommandGroup = {
  name: 'stake',
  aliases: ['st'],
  description: 'stake TAO into subnets and move it around',
  commands: [
    {
      name: 'add',
      description: 'stake TAO on a hotkey in a subnet (shows a quote first)',
      options: [
        { flags: '--netuid <n>', description: 'subnet id', required: true },
        { flags: '--amount <tao>', description: 'TAO to stake', required: true },
        { flags: '--hotkey-address <ss58>', description: 'hotkey to stake on (default: the wallet hotkey)' },
        ...LIMIT_OPTIONS,
        MEV_OPTION,
      ],
      run: addStake,
    },
    {
      name: 'remove',
      description: 'unstake alpha from a hotkey in a subnet (shows a quote first)',
      options: [
        { flags: '--netuid <n>', description: 'subnet id', required: true },
        { flags: '--amount <alpha>', description: 'alpha to unstake (at most what you hold)' },
        { flags: '--all', description: 'unstake all you hold on the hotkey in this subnet' },
        { flags: '--hotkey-address <ss58>', description: 'hotkey to unstake from (default: the wallet hotkey)' },
        ...LIMIT_OPTIONS,
        MEV_OPTION,
      ],
      run: removeStake,
    },
    {
      name: 'move',
      description: 'move stake to another hotkey and/or subnet (same coldkey)',
      options: [
        { flags: '--origin-netuid <n>', description: 'from subnet', required: true },
        { flags: '--dest-netuid <n>', description: 'to subnet', required: true },
        { flags: '--amount <alpha>', description: 'origin alpha to move', required: true },
        { flags: '--origin-hotkey <ss58>', description: 'from hotkey', required: true },
        { flags: '--dest-hotkey <ss58>', description: 'to hotkey', required: true },
        { flags: '--uri <uri>', description: 'sign with a dev key instead of the wallet coldkey' },
        MEV_OPTION,
      ],
      run: moveStake,
    },
    {
      name: 'transfer',
      description: 'give stake to another coldkey (same hotkey), optionally into another subnet',
      options: [
        { flags: '--origin-netuid <n>', description: 'from subnet', required: true },
        { flags: '--dest-netuid <n>', description: 'to subnet (default: the same)' },
        { flags: '--amount <alpha>', description: 'alpha to transfer', required: true },
        { flags: '--dest <ss58>', description: 'receiving coldkey', required: true },
        { flags: '--hotkey-address <ss58>', description: 'the hotkey (default: the wallet hotkey)' },
        { flags: '--uri <uri>', description: 'sign with a dev key instead of the wallet coldkey' },
        MEV_OPTION,
      ],
      run: transferStake,
    },
    {
      name: 'list',
      description: 'your stake positions: alpha per subnet and hotkey, with its TAO value apart',
      options: [{ flags: '--ss58 <address>', description: 'any coldkey instead of the wallet’s' }],
      run: listStake,
    },
    stakeChildCommand,
    ...stakeOperatorCommands,
  ],
};
