/**
 * Issue 12's explorer fixes: an account's page lists the transfers it received (the server's index
 * files the sender's extrinsic under the receiver too); event rows speak τ and α, not raw rao; and
 * under a headless browser's virtual time budget, where the WebSocket never answers, the page is
 * drawn and says what it waits for instead of a bare "connecting…".
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { keypairFromUri, keypairSigner, Subtensor, Tao, toAccountHex } from '@taonet/sdk';
import { afterAll, describe, expect, it } from 'vitest';
import { eventAmountText } from '../src/app/format.js';
import { History } from '../src/history.js';

const CLI = fileURLToPath(new URL('../../cli/bin/taonet.js', import.meta.url));
const CHROMIUM = process.env.TAONET_CHROMIUM ?? '/usr/bin/chromium';
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) c.kill('SIGKILL');
});

/** `taonet <args> --json`, resolved with its `started` line. */
function start(args: readonly string[]): Promise<Record<string, unknown>> {
  const child = spawn(process.execPath, [CLI, ...args, '--json'], { stdio: ['ignore', 'pipe', 'ignore'] });
  children.push(child);
  return new Promise((ok, fail) => {
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (l) => {
      if (l.includes('"started"')) ok(JSON.parse(l) as Record<string, unknown>);
    });
    child.once('exit', (c) => fail(new Error(`taonet ${args.join(' ')} exited ${c}`)));
  });
}

describe('event amounts', () => {
  it('show τ or the subnet’s α, never raw rao', () => {
    const data = { netuid: 3, tao: '1500000000', alpha: '2000000000', amount: '1000000000', uid: 4 };
    expect(eventAmountText('tao', data.tao, data)).toBe('τ1.5');
    expect(eventAmountText('amount', data.amount, data)).toBe('τ1');
    expect(eventAmountText('alpha', data.alpha, data)).toBe('2 α');
    expect(eventAmountText('lockCost', '10000000000', {})).toBe('τ10');
    expect(eventAmountText('uid', 4, data)).toBeNull();
  });
});

describe('account history', () => {
  it('files a received transfer under the receiver', async () => {
    const node = await start(['node', '--dev', '--rpc-port', '0']);
    const ws = node.ws as string;
    const history = new History({ rpc: ws, backfillBlocks: 50 });
    const st = await Subtensor.connect(ws);
    try {
      await history.start();
      const stranger = keypairFromUri('//Receiver').ss58Address;
      const r = await st.transfer(keypairSigner(keypairFromUri('//Alice')), stranger, Tao.of('2.5'));
      expect(r.ok).toBe(true);
      let rows = history.extrinsicsOf(toAccountHex(stranger));
      for (let i = 0; i < 40 && rows.length === 0; i++) {
        await new Promise((w) => setTimeout(w, 250));
        rows = history.extrinsicsOf(toAccountHex(stranger));
      }
      expect(rows).toHaveLength(1);
      expect(rows[0]?.incoming).toEqual({
        from: toAccountHex(keypairFromUri('//Alice').ss58Address),
        amount: '2500000000',
      });
      expect(rows[0]?.block).toBe(Number(r.blockNumber));
    } finally {
      st.close();
      history.close();
    }
  }, 60_000);
});

describe.skipIf(!existsSync(CHROMIUM))('a headless browser with a virtual time budget', () => {
  it('draws the page and says it waits for the node', async () => {
    // A node that never answers: nothing listens on port 9 (discard) of this host.
    const ex = await start(['explorer', '--port', '0', '--rpc', 'ws://127.0.0.1:9']);
    const dom = await new Promise<string>((ok, fail) =>
      execFile(
        CHROMIUM,
        ['--headless', '--no-sandbox', '--disable-gpu', '--virtual-time-budget=5000', '--dump-dom', String(ex.url)],
        { timeout: 60_000 },
        (e, out) => (e === null ? ok(out) : fail(e)),
      ),
    );
    expect(dom).toMatch(/<h1>Network<\/h1>/);
    expect(dom).toMatch(/waiting for the node \(ws:\/\/127\.0\.0\.1:\d+\/rpc\)…|node disconnected; retrying/);
    expect(dom).not.toMatch(/>connecting…</);
  }, 90_000);
});
