/**
 * `taonet commitments set|get`: the data a hotkey publishes on a subnet (endpoints, model ids),
 * which validators read every loop. `set` commits text (raw up to 128 bytes, big raw up to 512)
 * or a hex hash; `get` shows one hotkey's commitment or, without a hotkey, the whole subnet's.
 */
import { fromHex, keypairSigner, SdkError } from '@taonet/sdk';
import { type CommitmentField, fieldText, textField } from '@taonet/sdk/actions';
import type { CommandGroup } from '../command-spec.js';
import type { Cli } from '../context.js';
import { parseNetuid } from '../parse.js';
import { table, withSpinner } from '../ui.js';

interface SetOpts {
  netuid: string;
  data?: string;
  sha256?: string;
  resetBonds?: boolean;
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

async function set(cli: Cli, o: SetOpts): Promise<number> {
  const netuid = parseNetuid(o.netuid);
  const fields = fieldsOf(o);
  const st = await cli.connect();
  const hotkey = await cli.hotkey(o.uri);
  const r = await withSpinner('committing', () => st.setCommitment(keypairSigner(hotkey), { netuid, fields }));
  return cli.reportTx(r, `commitment of ${hotkey.ss58Address} set on subnet ${netuid}`, { hotkey: hotkey.ss58Address });
}

const shown = (f: CommitmentField): string =>
  fieldText(f) ?? ('data' in f ? `${f.kind}:0x${Buffer.from(f.data).toString('hex')}` : f.kind);

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
      ...('data' in f ? { data: `0x${Buffer.from(f.data).toString('hex')}` } : {}),
    })),
  }));
  return cli.report(
    o.hotkeyAddress === undefined ? { netuid, commitments: json } : { netuid, commitment: json[0] ?? null },
    () =>
      list.length === 0
        ? `no commitments on subnet ${netuid}${o.hotkeyAddress === undefined ? '' : ` for ${o.hotkeyAddress}`}`
        : table(
            ['hotkey', 'block', 'data'],
            list.map((c) => [c.hotkey, String(c.block), c.fields.map(shown).join(' | ')]),
          ),
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
