/**
 * `taonet explorer`: serves the web explorer for a node on one port — the page, its history
 * endpoints and a WebSocket pass-through to the node. Loads the explorer only when run.
 */
import type { Command } from 'commander';
import { printError } from '../output.js';

export interface ExplorerCliOptions {
  rpc?: string;
  port: string;
  host: string;
  history: string;
  backfill: string;
}

export function registerExplorerCommand(program: Command): void {
  program
    .command('explorer')
    .description('serve the web explorer for a node (live over its WebSocket subscriptions)')
    .option('--rpc <url>', "the node's WebSocket JSON-RPC URL (default: --network, or ws://127.0.0.1:9944)")
    .option('--port <port>', 'HTTP port for the explorer (0 picks a free one)', '8080')
    .option('--host <host>', 'listen address', '127.0.0.1')
    .option('--history <blocks>', 'per-block subnet snapshots kept in memory', '7200')
    .option('--backfill <blocks>', 'recent blocks whose events are indexed at start', '600')
    .action(async (o: ExplorerCliOptions, cmd: Command) => {
      const g = cmd.optsWithGlobals() as { json?: boolean; network?: string };
      const json = g.json === true;
      const network = g.network ?? process.env.TAONET_NETWORK;
      const rpc = o.rpc ?? (network?.startsWith('ws') === true ? network : 'ws://127.0.0.1:9944');
      const code = await runExplorer({ ...o, rpc }, json);
      if (code !== 0) process.exitCode = code;
    });
}

async function runExplorer(o: ExplorerCliOptions & { rpc: string }, json: boolean): Promise<number> {
  const { startExplorer } = await import('@taonet/explorer');
  let ex: Awaited<ReturnType<typeof startExplorer>>;
  try {
    ex = await startExplorer({
      rpc: o.rpc,
      port: Number(o.port),
      host: o.host,
      historyBlocks: Number(o.history),
      backfillBlocks: Number(o.backfill),
      log: (line) => {
        if (!json) process.stderr.write(`${line}\n`);
      },
    });
  } catch (e) {
    const err = e as Error & { code?: string };
    printError(json, err.code ?? 'ExplorerStartFailed', err.message, 'is the port free, and is --rpc a ws:// URL?');
    return 1;
  }
  // One line, so a supervising process can read the URL with a line reader.
  if (json) process.stdout.write(`${JSON.stringify({ event: 'started', url: ex.url, port: ex.port, rpc: o.rpc })}\n`);
  else process.stdout.write(`Taonet explorer — ${ex.url}\n  node  ${o.rpc}\n`);
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await ex.close();
  return 0;
}
