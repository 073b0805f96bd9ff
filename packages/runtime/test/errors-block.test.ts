/**
 * Block-level refusals (nonce, fee, origin, unknown calls) and malformed arguments of every kind,
 * through real blocks. Refusals before dispatch change nothing at all; malformed arguments pay the
 * fee and bump the nonce like any failed call.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type CheckedExtrinsic, ERROR_EXPLANATIONS } from '../src/index.js';
import { acct, TAO, TestChain } from './utils/chain.js';
import { expectRefused, refuses } from './utils/expect-error.js';

const raw = (signer: string, nonce: bigint, method: string, args: Record<string, unknown> = {}): CheckedExtrinsic => ({
  signer: acct(signer),
  nonce,
  call: { method, args },
  length: 120,
});

describe('nonces and fees', () => {
  it('StaleNonce: a used nonce is refused without a fee', () => {
    const chain = new TestChain();
    chain.ok('alice', 'transfer', { dest: acct('bob'), amount: TAO });
    expectRefused(chain, raw('alice', 0n, 'transfer', { dest: acct('bob'), amount: TAO }), 'StaleNonce', {
      hint: /account nonce is 1/,
      unpaid: true,
    });
  });

  it('FutureNonce: a nonce ahead of the account is refused without a fee', () => {
    const chain = new TestChain();
    expectRefused(chain, raw('alice', 3n, 'transfer', { dest: acct('bob'), amount: TAO }), 'FutureNonce', {
      hint: /account nonce is 0/,
      unpaid: true,
    });
  });

  it('InsufficientFeeBalance: an account that cannot pay the fee', () => {
    const chain = new TestChain();
    chain.ok('alice', 'transfer', { dest: acct('grace'), amount: 1000n });
    const r = expectRefused(
      chain,
      raw('grace', 0n, 'transfer', { dest: acct('bob'), amount: 600n }),
      'InsufficientFeeBalance',
      {
        hint: /^fund the account with free TAO first$/,
        unpaid: true,
      },
    );
    expect(r.events).toEqual([]);
    // People read TAO; programs get the exact amounts in rao with their unit.
    expect(r.error?.explanation).toMatch(/^the fee is τ[\d.]+ but the account holds τ0\.000001$/);
  });

  it('CallDisabled: an unknown method', () => {
    const chain = new TestChain();
    const r = refuses(chain, 'alice', 'frobnicate', {}, 'CallDisabled', { unpaid: true });
    expect(r.error?.explanation).toMatch(/frobnicate/);
  });
});

describe('BadOrigin for admin calls signed by anyone else', () => {
  const cases: [string, Record<string, unknown>][] = [
    ['sudo_set_network_param', { name: 'subnetLimit', value: 3 }],
    ['sudo_set_default_hyperparameter', { name: 'tempo', value: 400 }],
    ['sudo_set_emission_enabled', { netuid: 1, enabled: false }],
    ['sudo_dissolve_network', { netuid: 1 }],
  ];
  for (const [method, args] of cases) {
    it(method, () => {
      const chain = new TestChain();
      chain.subnet('alice');
      refuses(chain, 'bob', method, args, 'BadOrigin', { unpaid: true });
      // The admin may.
      chain.ok('alice', method, args);
    });
  }
});

describe('InvalidArgument for each kind of malformed argument', () => {
  it('a bad account id', () => {
    const chain = new TestChain();
    refuses(chain, 'alice', 'transfer', { dest: '0x1234', amount: 1n }, 'InvalidArgument', {
      hint: /'dest'.*account id/,
    });
    refuses(chain, 'alice', 'add_stake', { hotkey: 42, netuid: 1, amount: TAO }, 'InvalidArgument', {
      hint: /'hotkey'/,
    });
    refuses(chain, 'alice', 'transfer', { amount: 1n }, 'InvalidArgument', { hint: /'dest'/ });
  });

  it('a negative or non-bigint amount', () => {
    const chain = new TestChain();
    const hotkey = acct('alice-hot');
    refuses(chain, 'alice', 'add_stake', { hotkey, netuid: 1, amount: -5n }, 'InvalidArgument', { hint: /'amount'/ });
    refuses(chain, 'alice', 'add_stake', { hotkey, netuid: 1, amount: 5 }, 'InvalidArgument', { hint: /'amount'/ });
    refuses(chain, 'alice', 'add_stake', { hotkey, netuid: 1, amount: '5' }, 'InvalidArgument', { hint: /'amount'/ });
    refuses(chain, 'alice', 'remove_stake', { hotkey, netuid: 1, amount: 5n, limitPrice: -1n }, 'InvalidArgument', {
      hint: /'limitPrice'/,
    });
  });

  it('an out-of-range u16', () => {
    const chain = new TestChain();
    const hotkey = acct('alice-hot');
    refuses(chain, 'alice', 'increase_take', { hotkey, take: 65536 }, 'InvalidArgument', {
      hint: /'take'.*0\.\.65535/,
    });
    refuses(chain, 'alice', 'decrease_take', { hotkey, take: -1 }, 'InvalidArgument', { hint: /'take'/ });
    refuses(chain, 'alice', 'start_call', { netuid: 70000 }, 'InvalidArgument', { hint: /'netuid'/ });
    refuses(chain, 'alice', 'start_call', { netuid: 1.5 }, 'InvalidArgument', { hint: /'netuid'/ });
  });

  it('wrong types', () => {
    const chain = new TestChain();
    const hotkey = acct('alice-hot');
    refuses(chain, 'alice', 'start_call', { netuid: '1' }, 'InvalidArgument', { hint: /'netuid'/ });
    refuses(chain, 'alice', 'add_stake', { hotkey, netuid: 1, amount: TAO, allowPartial: 'yes' }, 'InvalidArgument', {
      hint: /'allowPartial'.*boolean/,
    });
    refuses(chain, 'alice', 'sudo_set_emission_enabled', { netuid: 1, enabled: 1 }, 'InvalidArgument', {
      hint: /'enabled'/,
    });
    refuses(chain, 'alice', 'set_root_claim_type', { type: 'all' }, 'InvalidArgument', { hint: /'type'.*swap, keep/ });
    refuses(chain, 'alice', 'claim_root', { netuids: [1, -1] }, 'InvalidArgument');
    refuses(chain, 'alice', 'claim_root', { netuids: 1 }, 'InvalidArgument');
    refuses(chain, 'alice', 'register_network', { hotkey, identity: ['name'] }, 'InvalidArgument');
    refuses(chain, 'alice', 'register_network', { hotkey, identity: { name: 7 } }, 'InvalidArgument', {
      hint: /'name'/,
    });
    refuses(chain, 'alice', 'set_hyperparameter', { netuid: 1, name: 'tempo', value: { x: 1 } }, 'InvalidArgument');
    refuses(chain, 'alice', 'update_symbol', { netuid: 1, symbol: 'x'.repeat(17) }, 'InvalidArgument', {
      hint: /'symbol'.*16 bytes/,
    });
  });
});

describe('the error catalogue', () => {
  it('every entry is a non-empty phrase starting in lower case', () => {
    const entries = Object.entries(ERROR_EXPLANATIONS);
    expect(entries.length).toBeGreaterThan(50);
    for (const [code, text] of entries) {
      expect(code, 'codes are UpperCamelCase').toMatch(/^[A-Z][A-Za-z]+$/);
      expect(text.trim(), code).toBe(text);
      expect(text, `${code}: a lower-case phrase of a few words`).toMatch(/^[a-z][^\n]*\s\S+/);
      expect(text, `${code}: a phrase, not a sentence with a final period`).not.toMatch(/\.$/);
    }
  });

  it('every code the runtime can fail with has an explanation', () => {
    const used = errorCodesUsedIn(SRC);
    // The scanner sees the ones this file tests by name, so it is reading the calls right.
    for (const code of [
      'StaleNonce',
      'ZeroAmount',
      'SlippageTooHigh',
      'SwapInputTooLarge',
      'CannotAffordLockCost',
      'InvalidArgument',
    ]) {
      expect(used.codes.has(code), code).toBe(true);
    }
    expect(used.codes.size).toBeGreaterThan(60);
    const missing = [...used.codes].filter((c) => !Object.hasOwn(ERROR_EXPLANATIONS, c));
    expect(missing, 'codes without an entry in ERROR_EXPLANATIONS').toEqual([]);
    // A code passed through a variable can only be in the helpers that forward one.
    expect([...used.dynamic].sort()).toEqual(['amounts.ts', 'balances/ledger.ts', 'errors.ts']);
  });
});

const SRC = fileURLToPath(new URL('../src/', import.meta.url));

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? tsFiles(p) : e.name.endsWith('.ts') ? [p] : [];
  });
}

/** The top-level arguments of the call whose '(' is at `open`, as source text. */
function callArgs(src: string, open: number): string[] {
  const args: string[] = [];
  let depth = 0;
  let start = open + 1;
  for (let i = open; i < src.length; i++) {
    const c = src[i] as string;
    if (c === "'" || c === '"' || c === '`') {
      // Skip a string literal (template literals may nest ${...} with strings; good enough here).
      let j = i + 1;
      while (j < src.length && src[j] !== c) j += src[j] === '\\' ? 2 : 1;
      i = j;
    } else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      depth--;
      if (depth === 0) {
        args.push(src.slice(start, i).trim());
        return args;
      }
    } else if (c === ',' && depth === 1) {
      args.push(src.slice(start, i).trim());
      start = i + 1;
    }
  }
  throw new Error('unbalanced call');
}

/** Error codes passed to fail / ensure (and their amount forms) / debit / new RuntimeError / new SwapError, and the SwapError table. */
function errorCodesUsedIn(root: string): { codes: Set<string>; dynamic: Set<string> } {
  const codes = new Set<string>();
  const dynamic = new Set<string>();
  const codeArg: Record<string, number> = {
    fail: 0,
    ensure: 1,
    debit: 3,
    failWithAmounts: 0,
    ensureAmounts: 1,
    'new RuntimeError': 0,
    'new SwapError': 0,
  };
  const re = /(?<![\w.])(new RuntimeError|new SwapError|failWithAmounts|ensureAmounts|fail|ensure|debit)\(/g;
  for (const file of tsFiles(root)) {
    const src = readFileSync(file, 'utf8');
    const rel = relative(root, file).split(sep).join('/');
    for (const m of src.matchAll(re)) {
      const name = m[1] as string;
      const before = src.slice(Math.max(0, (m.index ?? 0) - 9), m.index);
      if (/function\s*$/.test(before)) continue; // the definition itself
      const arg = callArgs(src, (m.index ?? 0) + m[0].length - 1)[codeArg[name] as number];
      if (arg === undefined) continue; // debit without a code: InsufficientBalance, its default
      const lit = /^'([A-Za-z]+)'$/.exec(arg);
      if (lit) codes.add(lit[1] as string);
      else dynamic.add(rel);
    }
    if (name(rel) === 'swap-error.ts') {
      const table = src.slice(src.indexOf('const SWAP_ERRORS'), src.indexOf('} as const'));
      for (const k of table.matchAll(/^ {2}(\w+): \{/gm)) codes.add(k[1] as string);
    }
    if (rel === 'balances/ledger.ts') codes.add('InsufficientBalance');
  }
  return { codes, dynamic };
}

const name = (rel: string): string => rel.slice(rel.lastIndexOf('/') + 1);
