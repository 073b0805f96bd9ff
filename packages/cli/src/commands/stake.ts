/**
 * `taonet stake`: add, remove, move, transfer, list — quotes first, shows the quote, and sends the
 * limit price of that very quote (never a second quote the user did not see).
 */
import { Alpha, keypairSigner, type StakeQuote, Tao } from '@taonet/sdk';
import type { CommandGroup, OptionSpec } from '../command-spec.js';
import type { Cli } from '../context.js';
import { stakeChildCommand } from './stake-child.js';
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

const LIMIT_OPTIONS: readonly OptionSpec[] = [
  { flags: '--tolerance <fraction>', description: 'accepted price move (0.005 = 0.5%)', default: '0.005' },
  { flags: '--limit-price <rao>', description: 'explicit limit price in rao per alpha (overrides --tolerance)' },
  { flags: '--partial', description: 'fill what fits under the limit instead of failing' },
  { flags: '--unsafe', description: 'no limit price at all' },
  { flags: '--uri <uri>', description: 'sign with a dev key (e.g. //Alice) instead of the wallet coldkey' },
];

interface StakeOpts {
  netuid: string;
  amount: string;
  hotkeyAddress?: string;
  tolerance: string;
  limitPrice?: string;
  partial?: boolean;
  unsafe?: boolean;
  uri?: string;
}

function stakeOptions(o: StakeOpts) {
  return {
    tolerance: o.unsafe === true ? 9.99 : Number(o.tolerance),
    allowPartial: o.partial === true,
    ...(o.limitPrice === undefined ? {} : { limitPrice: BigInt(o.limitPrice) }),
  };
}

async function hotkeyAddress(cli: Cli, given?: string): Promise<string> {
  return given ?? cli.wallet().hotkeyPub().ss58Address;
}

async function addStake(cli: Cli, o: StakeOpts): Promise<number> {
  const st = await cli.connect();
  const netuid = Number(o.netuid);
  const amount = Tao.of(o.amount);
  const hotkey = await hotkeyAddress(cli, o.hotkeyAddress);
  const quote = await st.quoteStake(netuid, amount, stakeOptions(o));
  if (!(await cli.confirm(`Stake on ${hotkey} in subnet ${netuid}:\n${describeQuote(quote)}`))) return 1;
  const key = await cli.coldkey(o.uri);
  const { result } = await withSpinner('staking', () =>
    st.addStake(keypairSigner(key), { hotkey, netuid, amount, quote, allowPartial: o.partial === true }),
  );
  return cli.reportTx(result, `staked ${amount.format()} on subnet ${netuid}`, { quote });
}

async function removeStake(cli: Cli, o: StakeOpts): Promise<number> {
  const st = await cli.connect();
  const netuid = Number(o.netuid);
  const sub = await st.subnet(netuid);
  const amount = Alpha.of(o.amount, netuid, sub?.symbol ?? 'α');
  const hotkey = await hotkeyAddress(cli, o.hotkeyAddress);
  const quote = await st.quoteUnstake(netuid, amount, stakeOptions(o));
  if (!(await cli.confirm(`Unstake from ${hotkey} in subnet ${netuid}:\n${describeQuote(quote)}`))) return 1;
  const key = await cli.coldkey(o.uri);
  const { result } = await withSpinner('unstaking', () =>
    st.removeStake(keypairSigner(key), { hotkey, netuid, amount, quote, allowPartial: o.partial === true }),
  );
  return cli.reportTx(result, `unstaked ${amount.format()} from subnet ${netuid}`, { quote });
}

interface MoveOpts {
  originNetuid: string;
  destNetuid: string;
  amount: string;
  originHotkey: string;
  destHotkey: string;
  uri?: string;
}

async function moveStake(cli: Cli, o: MoveOpts): Promise<number> {
  const st = await cli.connect();
  const on = Number(o.originNetuid);
  const r = await withSpinner('moving stake', async () =>
    st.moveStake(keypairSigner(await cli.coldkey(o.uri)), {
      originHotkey: o.originHotkey,
      destHotkey: o.destHotkey,
      originNetuid: on,
      destNetuid: Number(o.destNetuid),
      amount: Alpha.of(o.amount, on),
    }),
  );
  return cli.reportTx(r, `moved ${o.amount} alpha`);
}

interface TransferOpts {
  originNetuid: string;
  destNetuid?: string;
  amount: string;
  dest: string;
  hotkeyAddress?: string;
  uri?: string;
}

async function transferStake(cli: Cli, o: TransferOpts): Promise<number> {
  const st = await cli.connect();
  const on = Number(o.originNetuid);
  const r = await withSpinner('transferring stake', async () =>
    st.transferStake(keypairSigner(await cli.coldkey(o.uri)), {
      destColdkey: o.dest,
      hotkey: await hotkeyAddress(cli, o.hotkeyAddress),
      originNetuid: on,
      destNetuid: Number(o.destNetuid ?? o.originNetuid),
      amount: Alpha.of(o.amount, on),
    }),
  );
  return cli.reportTx(r, `transferred ${o.amount} alpha to ${o.dest}`);
}

async function listStake(cli: Cli, o: { ss58?: string }): Promise<number> {
  const address = o.ss58 ?? cli.wallet().coldkeyPub().ss58Address;
  const st = await cli.connect();
  const info = await st.accountInfo(address);
  return cli.report(info, () =>
    info.stakes.length === 0
      ? `no stake for ${address}`
      : table(
          ['netuid', 'hotkey', 'stake (alpha)', 'price', 'value (TAO)', 'take'],
          info.stakes.map((p) => [
            String(p.netuid),
            p.hotkey,
            p.alpha.format(4),
            p.price.format(6),
            p.taoValue.format(4),
            `${((p.take / 65535) * 100).toFixed(1)}%`,
          ]),
          ['', '', '', 'total', info.stakedTaoValue.format(4), ''],
        ) + color.dim('\nvalues at spot price, before slippage and fees'),
  );
}

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
      ],
      run: addStake,
    },
    {
      name: 'remove',
      description: 'unstake alpha from a hotkey in a subnet (shows a quote first)',
      options: [
        { flags: '--netuid <n>', description: 'subnet id', required: true },
        { flags: '--amount <alpha>', description: 'alpha to unstake', required: true },
        { flags: '--hotkey-address <ss58>', description: 'hotkey to unstake from (default: the wallet hotkey)' },
        ...LIMIT_OPTIONS,
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
  ],
};
