/**
 * `taonet weights`: set, commit and reveal weights with a hotkey. With commit-reveal on, `set` and
 * `commit` encrypt to the chain's drand beacon (the chain reveals them itself at the round) unless
 * `--hashed` asks for a hashed commit to reveal with `weights reveal`; `status` shows what waits.
 */
import { keypairSigner } from '@taonet/sdk';
import type { CommandGroup, OptionSpec } from '../command-spec.js';
import type { Cli } from '../context.js';
import { parseMecid, parseNetuid } from '../parse.js';
import { existingSubnet } from '../existing-subnet.js';
import { table, withSpinner } from '../ui.js';

const list = (s: string): number[] => s.split(',').map((x) => Number(x.trim()));

const WEIGHT_OPTIONS: readonly OptionSpec[] = [
  { flags: '--netuid <n>', description: 'subnet id', required: true },
  { flags: '--mecid <n>', description: 'the subnet mechanism the weights are for (default 0)' },
  { flags: '--uids <list>', description: 'comma-separated uids', required: true },
  {
    flags: '--weights <list>',
    description: 'comma-separated weights (any scale; normalised like Bittensor)',
    required: true,
  },
  { flags: '--version-key <n>', description: 'weights version key', default: '0' },
  {
    flags: '--hotkey-uri <uri>',
    description: 'sign with a dev hotkey (e.g. //validator) instead of the wallet hotkey',
  },
];

interface WeightOpts {
  netuid: string;
  mecid?: string;
  uids: string;
  weights: string;
  versionKey: string;
  hotkeyUri?: string;
  salt?: string;
  hashed?: boolean;
}

function doneMessage(mode: 'direct' | 'commit' | 'timelocked', round?: bigint): string {
  if (mode === 'direct') return 'weights set';
  if (mode === 'timelocked') return `weights committed, timelocked to beacon round ${round}: the chain reveals them`;
  return 'weights committed (reveal with `taonet weights reveal`)';
}

async function setWeights(cli: Cli, o: WeightOpts): Promise<number> {
  const st = await cli.connect();
  const hot = await cli.hotkey(o.hotkeyUri);
  const { mode, result, revealRound } = await withSpinner('submitting weights', () =>
    st.submitWeights(keypairSigner(hot), {
      netuid: parseNetuid(o.netuid),
      mecid: parseMecid(o.mecid),
      uids: list(o.uids),
      weights: list(o.weights),
      versionKey: BigInt(o.versionKey),
      ...(o.hashed === true ? { commitMode: 'hashed' as const } : {}),
    }),
  );
  return cli.reportTx(result, doneMessage(mode, revealRound), {
    mode,
    ...(revealRound === undefined ? {} : { revealRound: revealRound.toString() }),
  });
}

/** Timelocked when the subnet has commit-reveal on, the chain a beacon, and no salt or --hashed was given. */
async function wantsTimelock(cli: Cli, netuid: number, o: WeightOpts): Promise<boolean> {
  if (o.hashed === true || o.salt !== undefined) return false;
  const st = await cli.connect();
  const cr = await st.hyperparameter<boolean>(netuid, 'commitRevealEnabled');
  return cr === true && (await st.beacon()) !== null;
}

async function commitTimelocked(cli: Cli, o: WeightOpts): Promise<number> {
  const st = await cli.connect();
  const hot = await cli.hotkey(o.hotkeyUri);
  const { revealRound, result } = await withSpinner('committing (timelocked)', () =>
    st.commitTimelockedWeights(keypairSigner(hot), {
      netuid: parseNetuid(o.netuid),
      mecid: parseMecid(o.mecid),
      uids: list(o.uids),
      values: list(o.weights),
      versionKey: BigInt(o.versionKey),
    }),
  );
  return cli.reportTx(result, doneMessage('timelocked', revealRound), {
    mode: 'timelocked',
    revealRound: revealRound.toString(),
  });
}

async function commitWeights(cli: Cli, o: WeightOpts): Promise<number> {
  if (await wantsTimelock(cli, parseNetuid(o.netuid), o)) return commitTimelocked(cli, o);
  const st = await cli.connect();
  const hot = await cli.hotkey(o.hotkeyUri);
  const { commit, result } = await withSpinner('committing', () =>
    st.commitWeights(keypairSigner(hot), {
      netuid: parseNetuid(o.netuid),
      mecid: parseMecid(o.mecid),
      uids: list(o.uids),
      values: list(o.weights),
      versionKey: BigInt(o.versionKey),
      ...(o.salt === undefined ? {} : { salt: list(o.salt) }),
    }),
  );
  return cli.reportTx(result, `committed ${commit.hash} (salt ${commit.salt.join(',')})`, { mode: 'commit', commit });
}

async function weightsStatus(cli: Cli, o: { netuid: string }): Promise<number> {
  const st = await cli.connect();
  const netuid = parseNetuid(o.netuid);
  const [found, b] = await Promise.all([st.timelockedCommits(netuid), st.beacon()]);
  if (found === null) await existingSubnet(st, netuid);
  const s = found as NonNullable<typeof found>;
  const value = { ...s, beacon: b === null ? null : { lastStoredRound: b.lastStoredRound, period: b.period } };
  return cli.report(value, () => {
    const head =
      `subnet ${netuid}: commit-reveal ${s.commitRevealEnabled ? 'on' : 'off'}, epoch ${s.epoch}, ` +
      `reveal period ${s.revealPeriodEpochs} epoch(s), beacon round ${b?.lastStoredRound ?? '- (no beacon)'}`;
    const pending =
      s.pending.length === 0
        ? 'no pending timelocked commits'
        : table(
            ['hotkey', 'mecid', 'committed at', 'commit epoch', 'reveal epoch', 'reveal round', 'bytes'],
            s.pending.map((c) => [
              c.hotkey,
              String(c.mecid),
              c.commitBlock,
              c.commitEpoch,
              c.revealEpoch,
              c.revealRound,
              String(c.bytes),
            ]),
          );
    const failed =
      s.failed.length === 0
        ? ''
        : `\nfailed reveals:\n${table(
            ['hotkey', 'mecid', 'reveal round', 'at block', 'reason'],
            s.failed.map((f) => [f.hotkey, String(f.mecid), f.revealRound, f.block, f.reason]),
          )}`;
    return `${head}\n${pending}${failed}`;
  });
}

async function revealWeights(cli: Cli, o: WeightOpts & { salt: string }): Promise<number> {
  const st = await cli.connect();
  const hot = await cli.hotkey(o.hotkeyUri);
  const r = await withSpinner('revealing', () =>
    st.revealWeights(keypairSigner(hot), {
      netuid: parseNetuid(o.netuid),
      mecid: parseMecid(o.mecid),
      hotkey: '',
      uids: list(o.uids),
      values: list(o.weights),
      salt: list(o.salt),
      versionKey: BigInt(o.versionKey),
      hash: '',
      committedAt: 0n,
    }),
  );
  return cli.reportTx(r, 'weights revealed');
}

export const weightCommands: CommandGroup = {
  name: 'weights',
  aliases: ['wt'],
  description: 'set, commit and reveal weights',
  commands: [
    {
      name: 'set',
      description: 'set weights (with commit-reveal on: timelocked to the beacon, or a hashed commit with --hashed)',
      options: [
        ...WEIGHT_OPTIONS,
        { flags: '--hashed', description: 'commit-reveal: a hashed commit, not timelocked' },
      ],
      run: setWeights,
    },
    {
      name: 'commit',
      description:
        'commit u16 weights in the subnet’s mode: timelocked to the beacon (the chain reveals), or hashed (prints the salt)',
      options: [
        ...WEIGHT_OPTIONS,
        { flags: '--salt <list>', description: 'comma-separated u16 salt for a hashed commit (default random)' },
        { flags: '--hashed', description: 'a hashed commit even when the chain has a beacon' },
      ],
      run: commitWeights,
    },
    {
      name: 'status',
      description: 'pending timelocked commits of a subnet with their beacon rounds, and failed reveals',
      options: [{ flags: '--netuid <n>', description: 'subnet id', required: true }],
      run: weightsStatus,
    },
    {
      name: 'reveal',
      description: 'reveal weights committed earlier',
      options: [...WEIGHT_OPTIONS, { flags: '--salt <list>', description: 'the salt used at commit', required: true }],
      run: revealWeights,
    },
  ],
};
