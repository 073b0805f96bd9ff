/** `taonet axon set`: advertise a neuron's axon (IP and port) on a subnet, signed by its hotkey. */
import { keypairSigner } from '@taonet/sdk';
import type { Command } from 'commander';
import { action } from '../context.js';
import { withSpinner } from '../ui.js';

export function registerAxonCommands(program: Command): void {
  program
    .command('axon')
    .description('serve information of a neuron')
    .command('set')
    .description('advertise the axon address of the wallet hotkey on a subnet')
    .requiredOption('--netuid <n>', 'subnet id')
    .requiredOption('--ip <address>', 'public IPv4 or full IPv6 address')
    .requiredOption('--port <port>', 'public port')
    .option('--protocol <n>', 'protocol number', '4')
    .option('--hotkey-uri <uri>', 'sign with a dev hotkey instead of the wallet hotkey')
    .action(
      action(async (cli, o: { netuid: string; ip: string; port: string; protocol: string; hotkeyUri?: string }) => {
        const st = await cli.connect();
        const hot = await cli.hotkey(o.hotkeyUri);
        const r = await withSpinner('serving axon', () =>
          st.serveAxon(keypairSigner(hot), {
            netuid: Number(o.netuid),
            ip: o.ip,
            port: Number(o.port),
            protocol: Number(o.protocol),
          }),
        );
        return cli.reportTx(r, `axon ${o.ip}:${o.port} on subnet ${o.netuid}`);
      }),
    );
}
