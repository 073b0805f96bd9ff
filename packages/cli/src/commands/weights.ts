/** `taonet weights`: set, commit and reveal weights with a hotkey. */
import { keypairSigner } from '@taonet/sdk';
import type { Command } from 'commander';
import { action } from '../context.js';
import { withSpinner } from '../ui.js';

const list = (s: string): number[] => s.split(',').map((x) => Number(x.trim()));

export function registerWeightCommands(program: Command): void {
  const w = program.command('weights').alias('wt').description('set, commit and reveal weights');

  const base = (c: Command) =>
    c
      .requiredOption('--netuid <n>', 'subnet id')
      .requiredOption('--uids <list>', 'comma-separated uids')
      .requiredOption('--weights <list>', 'comma-separated weights (any scale; normalised like Bittensor)')
      .option('--version-key <n>', 'weights version key', '0')
      .option('--hotkey-uri <uri>', 'sign with a dev hotkey (e.g. //validator) instead of the wallet hotkey');

  base(w.command('set').description('set weights (committed as a hash when the subnet uses commit-reveal)')).action(
    action(
      async (cli, o: { netuid: string; uids: string; weights: string; versionKey: string; hotkeyUri?: string }) => {
        const st = await cli.connect();
        const hot = await cli.hotkey(o.hotkeyUri);
        const { mode, result } = await withSpinner('submitting weights', () =>
          st.submitWeights(keypairSigner(hot), {
            netuid: Number(o.netuid),
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
      },
    ),
  );

  base(w.command('commit').description('commit the hash of u16 weights; prints the salt to reveal with'))
    .option('--salt <list>', 'comma-separated u16 salt (default random)')
    .action(
      action(
        async (
          cli,
          o: { netuid: string; uids: string; weights: string; versionKey: string; hotkeyUri?: string; salt?: string },
        ) => {
          const st = await cli.connect();
          const hot = await cli.hotkey(o.hotkeyUri);
          const { commit, result } = await withSpinner('committing', () =>
            st.commitWeights(keypairSigner(hot), {
              netuid: Number(o.netuid),
              uids: list(o.uids),
              values: list(o.weights),
              versionKey: BigInt(o.versionKey),
              ...(o.salt === undefined ? {} : { salt: list(o.salt) }),
            }),
          );
          return cli.reportTx(result, `committed ${commit.hash} (salt ${commit.salt.join(',')})`, { commit });
        },
      ),
    );

  base(w.command('reveal').description('reveal weights committed earlier'))
    .requiredOption('--salt <list>', 'the salt used at commit')
    .action(
      action(
        async (
          cli,
          o: { netuid: string; uids: string; weights: string; versionKey: string; hotkeyUri?: string; salt: string },
        ) => {
          const st = await cli.connect();
          const hot = await cli.hotkey(o.hotkeyUri);
          const r = await withSpinner('revealing', () =>
            st.revealWeights(keypairSigner(hot), {
              netuid: Number(o.netuid),
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
        },
      ),
    );
}
