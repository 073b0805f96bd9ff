/**
 * `taonet node`: runs a node. `--dev` starts a development chain (//Alice authors, six funded dev
 * accounts, fast tempo, 250 ms blocks or manual sealing); otherwise `--chain spec.json` is required.
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { printError } from '../output.js';

export interface NodeCliOptions {
  dev?: boolean;
  chain?: string;
  basePath?: string;
  rpcPort: string;
  rpcHost: string;
  manualSeal?: boolean;
  blockTime?: string;
  authority?: string;
  statePruning?: string;
  /** commander's `--no-mev-shield` sets this false. */
  mevShield?: boolean;
  shieldWindow?: string;
  drandRelay?: string;
  json?: boolean;
}

export function registerNodeCommand(program: Command): void {
  program
    .command('node')
    .description('run a Taonet node (use --dev for a local development chain)')
    .option('--dev', 'development chain: //Alice authors, dev accounts funded, dev hyperparameters')
    .option('--chain <file>', 'chain spec JSON (see `taonet chain-spec`)')
    .option('--base-path <dir>', 'keep chain data here (default: a temporary directory, deleted on exit)')
    .option('--rpc-port <port>', 'JSON-RPC port (HTTP and WebSocket)', '9944')
    .option('--rpc-host <host>', 'JSON-RPC listen address', '127.0.0.1')
    .option('--manual-seal', 'produce blocks only on dev_advanceBlocks')
    .option('--block-time <ms>', 'block time for --dev (ms)', '250')
    .option('--authority <uri>', 'dev URI of the authoring key (default //Alice with --dev)')
    .option('--state-pruning <blocks|archive>', 'past blocks whose state stays readable (Substrate reads)', '256')
    .option('--no-mev-shield', 'do not announce MEV-shield keys or open encrypted transactions as an author')
    .option(
      '--shield-window <blocks>',
      'accept encrypted transactions for keys announced within this many blocks (2–8; default ⌈3 s / block time⌉)',
    )
    .option(
      '--drand-relay <url>',
      "relay the chain's drand beacon from this HTTP API (e.g. https://api.drand.sh); off by default",
    )
    .action(async (o: NodeCliOptions, cmd: Command) => {
      const json = cmd.optsWithGlobals().json === true;
      const code = await runNode(o, json);
      if (code !== 0) process.exitCode = code;
    });
}

type NodeModule = typeof import('@taonet/node');

/** The chain spec the flags name, or the exit code after a typed failure. */
function chainSpecOf(n: NodeModule, o: NodeCliOptions, json: boolean): import('@taonet/node').ChainSpec | number {
  try {
    if (o.chain !== undefined) return n.chainSpecFromJson(readFileSync(o.chain, 'utf8'));
    if (o.dev === true) return n.devChainSpec(Number(o.blockTime ?? 250));
    printError(json, 'MissingChain', 'no chain given', 'use --dev for a local chain, or --chain spec.json');
    return 2;
  } catch (e) {
    printError(json, 'BadChainSpec', (e as Error).message, 'write a fresh one with `taonet chain-spec --dev`');
    return 2;
  }
}

/** `--state-pruning`: a block count or `archive`, or null after a typed failure. */
function statePruningOf(o: NodeCliOptions, json: boolean): number | 'archive' | null {
  const pruning = o.statePruning ?? '256';
  if (pruning === 'archive') return 'archive';
  if (/^[1-9]\d{0,8}$/.test(pruning)) return Number(pruning);
  printError(
    json,
    'BadStatePruning',
    `--state-pruning ${pruning} is not a block count`,
    'give a number ≥ 1, or archive',
  );
  return null;
}

/** `--shield-window`: within the bounds the block time allows, or false after a typed failure. */
function shieldWindowOk(
  n: typeof import('@taonet/node'),
  o: NodeCliOptions,
  blockTimeMs: number,
  json: boolean,
): boolean {
  if (o.shieldWindow === undefined) return true;
  try {
    n.acceptanceWindow(blockTimeMs, Number(o.shieldWindow));
    return true;
  } catch (e) {
    if (!(e instanceof n.AcceptanceWindowError)) throw e;
    printError(json, 'BadShieldWindow', e.message, e.hint);
    return false;
  }
}

/** Resolves on the first SIGINT or SIGTERM. */
function untilSignalled(): Promise<void> {
  return new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

async function runNode(o: NodeCliOptions, json: boolean): Promise<number> {
  const n = await import('@taonet/node');
  await n.initCrypto();
  const spec = chainSpecOf(n, o, json);
  if (typeof spec === 'number') return spec;
  const statePruning = statePruningOf(o, json);
  if (statePruning === null) return 2;
  if (!shieldWindowOk(n, o, spec.blockTimeMs, json)) return 2;
  const authorityUri = o.authority ?? (o.dev === true || o.chain === undefined ? '//Alice' : undefined);
  const key = authorityUri === undefined ? null : n.devKeypair(authorityUri);
  const started = Date.now();
  let node: import('@taonet/node').RunningNode;
  try {
    node = await n.createNode({
      spec,
      basePath: o.basePath ?? null,
      authorityKey: key,
      manualSeal: o.manualSeal === true,
      statePruning,
      mevShield: o.mevShield !== false,
      ...(o.shieldWindow === undefined ? {} : { shieldWindow: Number(o.shieldWindow) }),
      drandRelay: o.drandRelay ?? null,
      rpc: { port: Number(o.rpcPort), host: o.rpcHost },
    });
  } catch (e) {
    const err = e as Error & { code?: string };
    printError(
      json,
      err.code ?? 'NodeStartFailed',
      err.message,
      'is the port free, and does the base path belong to this chain?',
    );
    return 1;
  }
  const wsUrl = node.rpcUrl.replace(/^http/, 'ws');
  const info = {
    chain: spec.name,
    genesisHash: node.chain.genesisHash,
    rpc: node.rpcUrl,
    ws: wsUrl,
    head: node.chain.head.number,
    basePath: o.basePath ?? null,
    author: node.author,
    sealing: o.manualSeal === true ? 'manual (dev_advanceBlocks)' : `every ${spec.blockTimeMs} ms`,
    startupMs: Date.now() - started,
  };
  // One line, so a supervising process can read it with a line reader.
  if (json) process.stdout.write(`${JSON.stringify({ event: 'started', ...info, head: info.head.toString() })}\n`);
  else {
    process.stdout.write(
      [
        `Taonet node — ${spec.name}`,
        `  RPC (HTTP) ${info.rpc}`,
        `  RPC (WS)   ${info.ws}`,
        `  genesis    ${info.genesisHash}`,
        `  head       #${info.head}`,
        `  data       ${info.basePath ?? 'temporary (use --base-path to keep it)'}`,
        `  blocks     ${info.sealing}`,
        '',
      ].join('\n'),
    );
  }
  await untilSignalled();
  await node.close();
  if (!json) process.stdout.write('node stopped\n');
  return 0;
}
