/** `taonet weights`: set, commit and reveal weights with a hotkey. */
import { keypairSigner } from '@taonet/sdk';
import type { CommandGroup, OptionSpec } from '../command-spec.js';
import type { Cli } from '../context.js';
import { parseMecid, parseNetuid } from '../parse.js';
import { withSpinner } from '../ui.js';

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
}

async function setWeights(cli: Cli, o: WeightOpts): Promise<number> {
  const st = await cli.connect();
  const hot = await cli.hotkey(o.hotkeyUri);
  const { mode, result } = await withSpinner('submitting weights', () =>
    st.submitWeights(keypairSigner(hot), {
      netuid: parseNetuid(o.netuid),
      mecid: parseMecid(o.mecid),
      uids: list(o.uids),
      weights: list(o.weights),
      versionKey: BigInt(o.versionKey),
    }),
  );
  return cli.reportTx(
    result,
    mode === 'direct' ? 'weights set' : 'weights committed (reveal with `taonet weights reveal`)',
    { mode },
  );
}

async function commitWeights(cli: Cli, o: WeightOpts): Promise<number> {
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
  return cli.reportTx(result, `committed ${commit.hash} (salt ${commit.salt.join(',')})`, { commit });
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
      description: 'set weights (committed as a hash when the subnet uses commit-reveal)',
      options: WEIGHT_OPTIONS,
      run: setWeights,
    },
    {
      name: 'commit',
      description: 'commit the hash of u16 weights; prints the salt to reveal with',
      options: [
        ...WEIGHT_OPTIONS,
        { flags: '--salt <list>', description: 'comma-separated u16 salt (default random)' },
      ],
      run: commitWeights,
    },
    {
      name: 'reveal',
      description: 'reveal weights committed earlier',
      options: [...WEIGHT_OPTIONS, { flags: '--salt <list>', description: 'the salt used at commit', required: true }],
      run: revealWeights,
    },
  ],
};
