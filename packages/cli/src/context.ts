/**
 * What every command shares: which node (--network), which wallet (--wallet-name, --wallet-path,
 * --hotkey), where passwords come from (--password-file, TAONET_PASSWORD, or a prompt), --json and
 * --no-prompt, the network banner, and turning results and errors into output and exit codes.
 */
import { createInterface } from 'node:readline/promises';
import { toHex } from '@taonet/primitives';
import {
  type Keypair,
  keypairFromUri,
  type PasswordSource,
  SdkError,
  Subtensor,
  toSs58,
  type TxResult,
  Wallet,
} from '@taonet/sdk';
import type { Command } from 'commander';
import { color, withSpinner } from './ui.js';

export const NETWORKS: Readonly<Record<string, string>> = {
  local: 'ws://127.0.0.1:9944',
};

export interface GlobalOptions {
  json?: boolean;
  prompt?: boolean;
  network?: string;
  walletName?: string;
  walletPath?: string;
  hotkey?: string;
  passwordFile?: string;
}

/** A transaction's title for failures, and its success line, written once the result is in. */
export interface TxTitle {
  readonly title: string;
  readonly done: () => string;
}

export class Cli {
  readonly json: boolean;
  readonly prompt: boolean;
  private client: Subtensor | null = null;

  constructor(readonly opts: GlobalOptions) {
    this.json = opts.json === true;
    this.prompt = opts.prompt !== false && process.stdin.isTTY === true;
  }

  static of(cmd: Command): Cli {
    return new Cli(cmd.optsWithGlobals() as GlobalOptions);
  }

  get endpoint(): string {
    const n = this.opts.network ?? process.env.TAONET_NETWORK ?? 'local';
    return NETWORKS[n] ?? n;
  }

  async connect(): Promise<Subtensor> {
    if (this.client !== null) return this.client;
    try {
      this.client = await Subtensor.connect(this.endpoint, { timeoutMs: 30_000, maxBackoffMs: 1000 });
    } catch (_e) {
      throw new SdkError(
        'ConnectionFailed',
        `cannot reach a node at ${this.endpoint}`,
        'start one with `npx taonet node --dev`, or pass --network ws://host:port',
      );
    }
    if (!this.json) {
      const head = await this.client.head();
      process.stderr.write(
        color.dim(
          `network ${this.endpoint} · ${this.client.chain} · genesis ${this.client.genesisHash.slice(0, 10)}… · block #${head.number}\n`,
        ),
      );
    }
    return this.client;
  }

  close(): void {
    this.client?.close();
  }

  wallet(): Wallet {
    return new Wallet({
      ...(this.opts.walletName === undefined ? {} : { name: this.opts.walletName }),
      ...(this.opts.hotkey === undefined ? {} : { hotkey: this.opts.hotkey }),
      ...(this.opts.walletPath === undefined ? {} : { path: this.opts.walletPath }),
    });
  }

  async ask(question: string): Promise<string> {
    if (!this.prompt)
      throw new SdkError('PromptDisabled', `needs input: ${question}`, 'pass it as a flag, or drop --no-prompt');
    const rl = createInterface({ input: process.stdin, output: process.stderr });
    try {
      return (await rl.question(question)).trim();
    } finally {
      rl.close();
    }
  }

  /**
   * Shows what is about to happen, then asks before moving funds. `-y` proceeds; with no terminal
   * to ask at and no `-y` it refuses (a pipe's "n" is not consent); a declined prompt throws.
   */
  async confirm(summary: string): Promise<void> {
    if (!this.json) process.stderr.write(`${summary}\n`);
    if (this.opts.prompt === false) return;
    if (process.stdin.isTTY !== true)
      throw new SdkError(
        'ConfirmationRequired',
        'this command moves funds and there is no terminal to confirm it at',
        'pass -y (--no-prompt) to go ahead without asking',
      );
    if (!/^y(es)?$/i.test(await this.ask('Do you want to continue? [y/N] ')))
      throw new SdkError('Declined', 'you declined: nothing was sent', 'run it again and answer y, or pass -y');
  }

  passwordSource(): PasswordSource | undefined {
    if (this.opts.passwordFile !== undefined) return { file: this.opts.passwordFile };
    if (process.env.TAONET_PASSWORD !== undefined) return { env: 'TAONET_PASSWORD' };
    if (this.prompt) return () => this.ask('Enter your password: ');
    return undefined;
  }

  /** A coldkey: from `--uri` (dev keys such as //Alice) or the wallet, unlocked. */
  async coldkey(uri?: string): Promise<Keypair> {
    if (uri !== undefined) return keypairFromUri(uri);
    const w = this.wallet();
    return withSpinner('unlocking coldkey', () => w.coldkey(this.passwordSource()));
  }

  async hotkey(uri?: string): Promise<Keypair> {
    if (uri !== undefined) return keypairFromUri(uri);
    return this.wallet().hotkey(this.passwordSource());
  }

  /** Prints a result: JSON, or a line for people; returns the exit code. */
  report(value: unknown, human: () => string): number {
    if (this.json) printJson(value);
    else process.stdout.write(`${human()}\n`);
    return 0;
  }

  /**
   * Prints a transaction result; exit code 1 on failure. `what` names the transaction, or (when the
   * success line is written from the result) gives the command's title and that line.
   */
  reportTx(r: TxResult, what: string | TxTitle, extra: Record<string, unknown> = {}): number {
    if (this.json) {
      printJson({
        success: r.ok,
        ...extra,
        ...r,
        extrinsicIdentifier: r.blockNumber === undefined ? null : `${r.blockNumber}`,
      });
      return r.ok ? 0 : 1;
    }
    if (r.notice !== undefined) process.stderr.write(`${color.dim(`note: ${r.notice}`)}\n`);
    if (r.ok) {
      const done = typeof what === 'string' ? what : what.done();
      const via = r.shielded === undefined ? '' : ' (through the MEV shield)';
      process.stdout.write(
        `${color.green('✓')} ${done}${via} — block #${r.blockNumber} ${color.dim(r.blockHash ?? '')}\n`,
      );
    } else {
      const title = typeof what === 'string' ? what : what.title;
      process.stderr.write(`${color.red('✗')} ${title} failed: ${r.code}: ${asTyped(r.explanation ?? '')}\n`);
      if (r.hint !== undefined) process.stderr.write(`  hint: ${asTyped(r.hint)}\n`);
    }
    return r.ok ? 0 : 1;
  }
}

/** Chain messages name accounts as 0x public keys; people typed SS58 addresses. */
function asTyped(text: string): string {
  return text.replace(/0x[0-9a-fA-F]{64}\b/g, (hex) => {
    try {
      return toSs58(hex);
    } catch {
      return hex;
    }
  });
}

const replacer = (_k: string, v: unknown): unknown => {
  if (typeof v === 'bigint') return v.toString();
  if (v instanceof Uint8Array) return toHex(v);
  if (v !== null && typeof v === 'object' && 'toJSON' in v && typeof (v as { toJSON: unknown }).toJSON === 'function')
    return v;
  return v;
};

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, replacer, 2)}\n`);
}

/** Runs a command body: typed errors become a message and exit code 1 (JSON with --json). */
export function action<A extends unknown[]>(
  body: (cli: Cli, ...args: A) => Promise<number>,
): (...args: [...A, Command]) => Promise<void> {
  return async (...args) => {
    const cmd = args[args.length - 1] as Command;
    const cli = Cli.of(cmd);
    try {
      const code = await body(cli, ...(args.slice(0, -1) as A));
      if (code !== 0) process.exitCode = code;
    } catch (e) {
      const err = e instanceof SdkError ? e : new SdkError('Error', (e as Error).message ?? String(e));
      if (cli.json)
        printJson({
          success: false,
          code: err.code,
          explanation: err.explanation,
          ...(err.hint === undefined ? {} : { hint: err.hint }),
        });
      else {
        process.stderr.write(`${color.red('✗')} ${err.code}: ${err.explanation}\n`);
        if (err.hint !== undefined) process.stderr.write(`  hint: ${err.hint}\n`);
      }
      process.exitCode = 1;
    } finally {
      cli.close();
    }
  };
}
