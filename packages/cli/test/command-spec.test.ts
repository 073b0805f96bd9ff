/** Commands as data: every group registers through `addGroup`, with its options, aliases and arguments. */
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { addGroup } from '../src/command-spec.js';
import { buildProgram } from '../src/main.js';

describe('command specs', () => {
  it('registers options, defaults, required options, aliases and arguments from data', async () => {
    const seen: unknown[] = [];
    const program = new Command('t').exitOverride().option('--json');
    addGroup(program, {
      name: 'grp',
      aliases: ['g'],
      description: 'a group',
      commands: [
        {
          name: 'do',
          description: 'does it',
          arguments: [{ name: '<what>', description: 'the thing' }],
          options: [
            { flags: '--n <n>', description: 'count', required: true },
            { flags: '--mode <m>', description: 'mode', default: 'fast' },
            { flags: '--no-check', description: 'skip the check' },
          ],
          run: async (_cli, what: string, o: Record<string, unknown>) => {
            seen.push(what, o);
            return 0;
          },
        },
      ],
    });
    await program.parseAsync(['node', 't', 'g', 'do', 'x', '--n', '3'], { from: 'node' });
    expect(seen).toEqual(['x', { n: '3', mode: 'fast', check: true }]);
    await expect(program.parseAsync(['node', 't', 'grp', 'do', 'x'], { from: 'node' })).rejects.toThrow(/--n/);
  });

  it('keeps every command of the taonet program reachable', () => {
    const program = buildProgram();
    const names = (c: Command): string[] =>
      c.commands.flatMap((s) => [s.name(), ...names(s).map((n) => `${s.name()} ${n}`)]);
    const all = names(program);
    for (const c of [
      'wallet create',
      'wallet new-hotkey',
      'wallet regen-hotkey',
      'subnets hyperparameters',
      'stake add',
      'stake list',
      'weights reveal',
      'root claim-type',
      'axon check',
      'localnet up',
      'node',
      'explorer',
      'chain-spec',
    ])
      expect(all).toContain(c);
  });
});
