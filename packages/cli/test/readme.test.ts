/**
 * The README, run as printed. Its walk-through (after `npm start`), its CLI five-minute section
 * and its SDK snippet are read from README.md's code blocks, placeholders filled from earlier
 * output, and run as a user runs them: separate `taonet` processes with no terminal, and the
 * snippet as a script that must exit by itself. The network is a real dev node with the
 * localnet's own setup (the same subnets, 1,000 TAO locks, staked validators) but without the
 * neuron processes, which would only add load: the commands are the README's, unchanged. If the
 * README changes, this test reads the new text.
 */
import { spawn } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { keypairFromUri, Subtensor } from '@taonet/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePlan } from '../src/localnet/plan.js';
import { setupNetwork } from '../src/localnet/setup.js';
import { type DevNode, freshHome, type Run, startDevNode, taonetIn } from './utils/dev-node.js';
import { blockAfter, commandsOf } from './utils/readme.js';

let node: DevNode;
let validatorHotkey = '';

beforeAll(async () => {
  node = await startDevNode();
  const st = await Subtensor.connect(node.ws);
  try {
    const plan = makePlan({ validators: 2, miners: 2, cheaters: false, basePort: 9000 });
    await setupNetwork(st, plan, () => {});
    const v = plan.neurons.find((n) => n.role === 'validator' && n.subnet === 'forecasting');
    validatorHotkey = keypairFromUri(v?.hotkeyUri as string).ss58Address;
  } finally {
    st.close();
  }
}, 180_000);

afterAll(() => node?.stop());

/** Runs a README section's commands in order, filling placeholders; checks each one's output. */
async function runSection(
  commands: string[],
  fill: Map<string, string>,
  check: (args: string[], r: Run, fill: Map<string, string>) => void,
): Promise<void> {
  const home = freshHome();
  for (const line of commands) {
    let text = line;
    for (const [placeholder, value] of fill) text = text.replaceAll(placeholder, value);
    const args = text.split(/\s+/);
    expect(args.join(' '), 'every placeholder filled').not.toMatch(/<[^>]+>/);
    const r = await taonetIn(node.ws, home, args);
    expect(r.code, `taonet ${args.join(' ')}\n${r.stdout}\n${r.stderr}`).toBe(0);
    check(args, r, fill);
  }
}

function learnColdkey(args: string[], r: Run, fill: Map<string, string>): void {
  if (args[0] !== 'wallet' || args[1] !== 'create') return;
  const cold = /coldkey (5\w{47})/.exec(r.stdout)?.[1] as string;
  fill.set('<your coldkey>', cold);
  fill.set('<your coldkey ss58>', cold);
}

describe('README, as printed', () => {
  it("the walk-through after `npm start`: fund a wallet, stake 10 TAO at 5% on subnet 1's validator, see it", async () => {
    const commands = commandsOf(blockAfter('followed by the commands', 'sh'));
    expect(commands.length).toBeGreaterThanOrEqual(5);
    const fill = new Map([['<validator hotkey>', validatorHotkey]]);
    await runSection(commands, fill, (args, r, f) => {
      learnColdkey(args, r, f);
      const line = args.slice(0, 2).join(' ');
      if (line === 'stake add') {
        expect(r.stderr).toMatch(/expected out\s+[\d.,]+ \S+/);
        expect(r.stdout).toMatch(/✓ staked τ10 on subnet 1: got [\d.,]+ \S+ at τ[\d.]+\/α/);
        expect(r.stdout).not.toMatch(/partial/);
      }
      if (line === 'stake list') expect(r.stdout).toContain(validatorHotkey);
      if (line === 'subnets metagraph') expect(r.stdout).toMatch(/blocks since update/);
    });
  }, 240_000);

  it('the CLI in five minutes: own subnet, a second hotkey, a stake, a partial fill', async () => {
    const commands = commandsOf(blockAfter('## The CLI in five minutes', 'sh'));
    const fill = new Map<string, string>();
    await runSection(commands, fill, (args, r, f) => {
      learnColdkey(args, r, f);
      const line = args.slice(0, 2).join(' ');
      if (line === 'subnets create') {
        const m = /✓ subnet (\d+) registered: locked τ([\d.,]+); your hotkey \S+ is uid 0/.exec(r.stdout);
        expect(m, r.stdout).not.toBeNull();
        f.set('<netuid>', m?.[1] as string);
        expect(m?.[2]).toBe('10');
      }
      if (line === 'wallet new-hotkey')
        f.set('<miner hotkey ss58>', /hotkey miner (5\w{47})/.exec(r.stdout)?.[1] as string);
      if (line === 'subnets register') expect(r.stdout).toMatch(/as uid 1 on subnet \d+/);
      if (line === 'stake child get') expect(r.stdout).toContain(f.get('<miner hotkey ss58>'));
      if (line === 'stake add' && !args.includes('--partial'))
        expect(r.stdout).toMatch(
          /✓ staked τ0\.1 on subnet \d+: got [\d.]+ \S+ at τ[\d.]+\/α (\(through the MEV shield\) )?— block/,
        );
      if (line === 'stake add' && args.includes('--partial')) {
        const m = /staked τ([\d.]+) on subnet \d+: got [\d.]+ \S+ at τ[\d.]+\/α \(partial fill; τ([\d.]+) stays/.exec(
          r.stdout,
        );
        expect(m, r.stdout).not.toBeNull();
        expect(Number(m?.[1]) + Number(m?.[2])).toBeCloseTo(5, 5);
        expect(Number(m?.[1])).toBeLessThan(1);
      }
      if (line === 'subnets metagraph') {
        expect(r.stdout).toMatch(/stake \(\S+\).*blocks since update/);
        expect(r.stdout.split('\n').filter((l) => /^\s*\d+\s+5/.test(l))).toHaveLength(2);
      }
      if (line === 'wallet balance') expect(r.stdout).toMatch(/free\s+τ9[\d,.]+/);
    });
  }, 240_000);

  it('the failure it shows is what the CLI prints', async () => {
    const block = blockAfter('what to do next:', '').split('\n');
    const command = (block[0] as string).replace(/^\$ npx taonet /, '');
    const home = freshHome();
    await taonetIn(node.ws, home, ['wallet', 'create', '--wallet-name', 'me', '--no-password']);
    const cold = (await taonetIn(node.ws, home, ['wallet', 'list', '--json'])).stdout;
    const address = /"coldkey": "(5\w{47})"/.exec(cold)?.[1] as string;
    await taonetIn(node.ws, home, [
      'wallet',
      'transfer',
      '--uri',
      '//Alice',
      '--dest',
      address,
      '--amount',
      '100',
      '-y',
    ]);
    const created = await taonetIn(node.ws, home, ['subnets', 'create', '--wallet-name', 'me', '-y']);
    const netuid = /subnet (\d+) registered/.exec(created.stdout)?.[1] as string;
    const r = await taonetIn(node.ws, home, command.replace('--netuid 1', `--netuid ${netuid}`).split(' '));
    expect(r.code).toBe(1);
    const general = (t: string) => t.replace(/5\w{47}/g, 'ADDRESS').replace(/subnet \d+/g, 'subnet N');
    const printed = r.stderr.split('\n').filter((l) => !l.startsWith('network '));
    expect(general(printed.join('\n')).trim()).toBe(general(block.slice(1).join('\n')).trim());
  }, 60_000);

  async function runSnippet(transform: (code: string) => string): Promise<Run> {
    const code = transform(blockAfter('## The SDK in five minutes', 'ts'))
      .replace('ws://127.0.0.1:9944', node.ws)
      .replace('<validator hotkey>', validatorHotkey);
    // Inside the workspace so `@taonet/sdk` resolves as it does for a user's script in the repo.
    const file = resolve(import.meta.dirname, `readme-snippet-${process.pid}-${Date.now()}.ts`);
    writeFileSync(file, code);
    try {
      return await new Promise<Run>((ok) => {
        const child = spawn(process.execPath, ['--import', 'tsx', file], { stdio: ['ignore', 'pipe', 'pipe'] });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
        child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
        const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
        child.on('exit', (c, sig) => {
          clearTimeout(timer);
          ok({ code: c ?? (sig === null ? 1 : 137), stdout, stderr });
        });
      });
    } finally {
      rmSync(file, { force: true });
    }
  }

  it('the SDK snippet runs as a script and exits by itself', async () => {
    const r = await runSnippet((c) => c);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^sent in block #\d+/m);
    expect(r.stdout).toMatch(/impact [\d.]+% staked/);
    expect(r.stdout).toMatch(/^0 5\w+ [\d.e-]+$/m);
    expect(r.stdout).toMatch(/^direct HotKeyNotRegisteredInSubNet: /m);
  }, 90_000);

  it('a script that forgets close() still exits once its work is done', async () => {
    const r = await runSnippet((c) => {
      expect(c).toContain('st.close();');
      return c.replace(/^\s*st\.close\(\);.*$/m, '');
    });
    expect(r.code, `${r.stdout}\n${r.stderr}`).toBe(0);
    expect(r.stdout).toMatch(/^sent in block #\d+/m);
  }, 90_000);
});
