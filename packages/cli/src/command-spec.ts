/**
 * Commands as data: each `commands/<group>.ts` exports a `CommandGroup` (names, descriptions,
 * options) whose entries point at small handlers, and `main.ts` registers every group the same way.
 * Adding a command is adding an entry; its handler is an ordinary function that can be read alone.
 */
import type { Command } from 'commander';
import { action, type Cli } from './context.js';

export interface OptionSpec {
  /** Commander flags, e.g. `--netuid <n>` or `--no-password`. */
  readonly flags: string;
  readonly description: string;
  readonly default?: string;
  /** A required option (`requiredOption`). */
  readonly required?: boolean;
  /** A repeatable option: every occurrence is collected into an array. */
  readonly repeatable?: boolean;
}

export interface ArgumentSpec {
  /** `<name>` (required) or `[name]` (optional). */
  readonly name: string;
  readonly description: string;
}

export interface CommandSpec {
  readonly name: string;
  readonly aliases?: readonly string[];
  readonly description: string;
  readonly arguments?: readonly ArgumentSpec[];
  readonly options?: readonly OptionSpec[];
  /** Gets the positional arguments, then the parsed options; returns the exit code. */
  readonly run: (cli: Cli, ...args: never[]) => Promise<number>;
}

export interface CommandGroup {
  readonly name: string;
  readonly aliases?: readonly string[];
  readonly description: string;
  readonly commands: readonly CommandSpec[];
}

function withOptions(cmd: Command, options: readonly OptionSpec[]): Command {
  const collect = (v: string, acc: string[]): string[] => [...acc, v];
  for (const o of options) {
    if (o.repeatable === true) {
      if (o.required === true) cmd.requiredOption(o.flags, o.description, collect, [] as string[]);
      else cmd.option(o.flags, o.description, collect, [] as string[]);
    } else if (o.required === true) cmd.requiredOption(o.flags, o.description, o.default);
    else cmd.option(o.flags, o.description, o.default);
  }
  return cmd;
}

/** Adds one command under `parent`, running its handler through `action` (typed errors, exit codes). */
export function addCommand(parent: Command, spec: CommandSpec): Command {
  const cmd = parent.command(spec.name).description(spec.description);
  for (const a of spec.aliases ?? []) cmd.alias(a);
  for (const a of spec.arguments ?? []) cmd.argument(a.name, a.description);
  withOptions(cmd, spec.options ?? []);
  cmd.action(action(spec.run as (cli: Cli, ...args: unknown[]) => Promise<number>));
  return cmd;
}

/** Adds a group (`taonet stake …`) and its commands. */
export function addGroup(program: Command, group: CommandGroup): Command {
  const g = program.command(group.name).description(group.description);
  for (const a of group.aliases ?? []) g.alias(a);
  for (const c of group.commands) addCommand(g, c);
  return g;
}
