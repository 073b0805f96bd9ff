/**
 * `taonet commitments set|get`: the data a hotkey publishes on a subnet (endpoints, model ids),
 * which validators read every loop. `set` commits text (raw up to 128 bytes, big raw up to 512)
 * or a hex hash, or seals text to a future beacon round for the chain to open (so rivals cannot
 * copy it first); `get` shows one hotkey's commitment with what was revealed or, without a hotkey,
 * the whole subnet's.
 */
import { fromHex, keypairSigner, SdkError } from '@taonet/sdk';
import { type Commitment, type CommitmentField, fieldText, textField } from '@taonet/sdk/actions';
import type { CommandGroup } from '../command-spec.js';
import type { Cli } from '../context.js';
import { parseNetuid } from '../parse.js';
import { table, withSpinner } from '../ui.js';

interface SetOpts {
  netuid: string;
  data?: string;
  sha256?: string;
  resetBonds?: boolean;
  revealIn?: string;
  revealRound?: string;
  uri?: string;
}

function fieldsOf(o: SetOpts): CommitmentField[] {
  const fields: CommitmentField[] = [];
  if (o.data !== undefined) fields.push(textField(o.data));
  if (o.sha256 !== undefined) fields.push({ kind: 'sha256', data: fromHex(o.sha256, '--sha256', 32) });
  if (o.resetBonds === true) fields.push({ kind: 'resetBondsFlag' });
  if (fields.length === 0)
    throw new SdkError(
      'InvalidArgument',
      'nothing to commit',
      'pass --data <text>, --sha256 <hex> and/or --reset-bonds',
    );
  return fields;
}

function positive(v: string, flag: string): bigint {
  if (!/^[1-9][0-9]*$/.test(v))
    throw new SdkError('InvalidArgument', `${flag} '${v}' is not a positive whole number`, `e.g. ${flag} 20`);
  return BigInt(v);
}

/** `--reveal-in` / `--reveal-round`: the data is sealed to the chain's beacon and opened by the chain. */
async function setSealed(cli: Cli, o: SetOpts, netuid: number): Promise<number> {
  if (o.data === undefined || o.sha256 !== undefined || o.resetBonds === true)
    throw new SdkError(
      'InvalidArgument',
      'a sealed commitment carries --data only',
      'pass --data <text> with --reveal-in <blocks> or --reveal-round <round>',
    );
  const revealRound = o.revealRound === undefined ? undefined : positive(o.revealRound, '--reveal-round');
  const blocksUntilReveal = o.revealIn === undefined ? undefined : Number(positive(o.revealIn, '--reveal-in'));
  const data = o.data;
  const st = await cli.connect();
  const hotkey = await cli.hotkey(o.uri);
  const { revealRound: round, result } = await withSpinner('sealing the commitment', () =>
    st.setRevealCommitment(keypairSigner(hotkey), {
      netuid,
      data,
      ...(blocksUntilReveal === undefined ? {} : { blocksUntilReveal }),
      ...(revealRound === undefined ? {} : { revealRound }),
    }),
  );
  return cli.reportTx(
    result,
    `commitment of ${hotkey.ss58Address} sealed on subnet ${netuid} until beacon round ${round}`,
    { hotkey: hotkey.ss58Address, revealRound: round.toString() },
  );
}

async function set(cli: Cli, o: SetOpts): Promise<number> {
  const netuid = parseNetuid(o.netuid);
  if (o.revealIn !== undefined || o.revealRound !== undefined) return setSealed(cli, o, netuid);
  const fields = fieldsOf(o);
  const st = await cli.connect();
  const hotkey = await cli.hotkey(o.uri);
  const r = await withSpinner('committing', () => st.setCommitment(keypairSigner(hotkey), { netuid, fields }));
  return cli.reportTx(r, `commitment of ${hotkey.ss58Address} set on subnet ${netuid}`, { hotkey: hotkey.ss58Address });
}

const hexOf = (b: Uint8Array): string => `0x${Buffer.from(b).toString('hex')}`;
const shown = (f: CommitmentField): string =>
  f.kind === 'timelockEncrypted'
    ? `sealed until round ${f.revealRound}`
    : (fieldText(f) ?? ('data' in f ? `${f.kind}:${hexOf(f.data)}` : f.kind));

/** Reveals and failures as lines under the table (one hotkey's view only). */
function revealLines(c: Commitment): string[] {
  return [
    ...(c.revealed ?? []).map((r) => `revealed at block ${r.block}: ${r.text ?? hexOf(r.data)}`),
    ...(c.revealFailures ?? []).map(
      (f) => `round ${f.revealRound} failed to open at block ${f.block}: ${f.reason} (${f.detail})`,
    ),
  ];
}

async function get(cli: Cli, o: { netuid: string; hotkeyAddress?: string }): Promise<number> {
  const netuid = parseNetuid(o.netuid);
  const st = await cli.connect();
  const list =
    o.hotkeyAddress === undefined
      ? await st.allCommitments(netuid)
      : [await st.commitment(netuid, o.hotkeyAddress)].filter((c) => c !== null);
  const json = list.map((c) => ({
    ...c,
    fields: c.fields.map((f) => ({
      kind: f.kind,
      text: fieldText(f),
      ...('data' in f ? { data: hexOf(f.data) } : {}),
      ...(f.kind === 'timelockEncrypted' ? { revealRound: f.revealRound } : {}),
    })),
    ...(c.revealed === undefined
      ? {}
      : { revealed: c.revealed.map((r) => ({ block: r.block, text: r.text, data: hexOf(r.data) })) }),
  }));
  return cli.report(
    o.hotkeyAddress === undefined ? { netuid, commitments: json } : { netuid, commitment: json[0] ?? null },
    () =>
      list.length === 0
        ? `no commitments on subnet ${netuid}${o.hotkeyAddress === undefined ? '' : ` for ${o.hotkeyAddress}`}`
        : [
            table(
              ['hotkey', 'block', 'data'],
              list.map((c) => [c.hotkey, String(c.block), c.fields.map(shown).join(' | ')]),
            ),
            ...list.flatMap(revealLines),
          ].join('\n'),
  );
}

export const commitmentsCommands: CommandGroup = {
  name: 'commitments',
  aliases: ['commit'],
  description: 'data hotkeys publish on a subnet (endpoints, model ids): set and get',
  commands: [
    {
      name: 'set',
      description: 'commit data for the wallet hotkey on a subnet it is registered on (free, rate limited)',
      options: [
        { flags: '--netuid <n>', description: 'subnet id', required: true },
        { flags: '--data <text>', description: 'text to publish (up to 512 UTF-8 bytes)' },
        { flags: '--sha256 <hex>', description: 'a 32-byte hash to publish instead of (or beside) the data' },
        { flags: '--reset-bonds', description: 'add the bonds-reset flag' },
        {
          flags: '--reveal-in <blocks>',
          description: 'seal --data to the chain’s beacon; the chain opens it about this many blocks from now',
        },
        { flags: '--reveal-round <round>', description: 'seal --data to this beacon round instead' },
        { flags: '--uri <uri>', description: 'sign with a dev hotkey URI instead of the wallet hotkey' },
      ],
      run: set,
    },
    {
      name: 'get',
      description: 'one hotkey’s commitment, or every commitment on the subnet',
      options: [
        { flags: '--netuid <n>', description: 'subnet id', required: true },
        { flags: '--hotkey-address <ss58>', description: 'only this hotkey' },
      ],
      run: get,
    },
  ],
};
