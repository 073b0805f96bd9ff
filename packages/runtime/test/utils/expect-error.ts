/**
 * Checks a refused extrinsic end to end: the error's code, explanation and hint, and that the
 * state is exactly what the same block without the extrinsic would have produced, apart from the
 * signer's fee and nonce and the author's fee.
 */
import type { AccountId } from '@taonet/primitives';
import { expect } from 'vitest';
import {
  applyBlock,
  type Call,
  type CheckedExtrinsic,
  type ExtrinsicResult,
  type RuntimeErrorInfo,
  type State,
  storage,
} from '../../src/index.js';
import { acct, type TestChain } from './chain.js';

export interface ErrorExpectation {
  /** The hint must match this (a rate limit: /next allowed at block \d+/). */
  readonly hint?: RegExp;
  /** Refused before dispatch: no fee, no nonce bump. */
  readonly unpaid?: boolean;
  /** Extrinsics of the same block before this one (the control block has them too). */
  readonly preceding?: readonly CheckedExtrinsic[];
}

/** Asserts the shape of a user-facing error: a code, a real sentence, and a hint when expected. */
export function expectErrorInfo(error: RuntimeErrorInfo | undefined, code: string, hint?: RegExp): RuntimeErrorInfo {
  expect(error?.code).toBe(code);
  const e = error as RuntimeErrorInfo;
  expect(typeof e.explanation).toBe('string');
  expect(e.explanation.trim().length, `explanation of ${code}`).toBeGreaterThan(8);
  expect(e.explanation, `explanation of ${code} is a phrase`).toMatch(/^\S.*\s.*\S$/);
  expect(e.explanation).not.toBe(code);
  if (hint !== undefined) expect(e.hint, `hint of ${code}`).toMatch(hint);
  return e;
}

const ACCOUNTS = 'balances.accounts';

function entriesExcept(s: State, skip: ReadonlySet<string>): [string, string, unknown][] {
  return [...s.allEntries()].filter(([item, key]) => !(item === ACCOUNTS && skip.has(key)));
}

/**
 * Applies `x` in the next block of `chain` and expects it to fail with `code`, with everything but
 * the signer's and author's accounts equal to a control run of the same block without it.
 */
export function expectRefused(
  chain: TestChain,
  x: CheckedExtrinsic,
  code: string,
  opts: ErrorExpectation = {},
): ExtrinsicResult {
  const control = chain.state.clone();
  const preceding = opts.preceding ?? [];
  const r = chain.step(...preceding, x)[preceding.length];
  const number = chain.block;
  applyBlock(control, {
    header: {
      number,
      parentHash: `0x${number.toString(16).padStart(64, '0')}`,
      author: chain.author,
      timestamp: number * 250n,
    },
    extrinsics: preceding,
  });
  const result = r as ExtrinsicResult;
  expect(result.ok, `${x.call.method} should fail with ${code}`).toBe(false);
  expectErrorInfo(result.error, code, opts.hint);
  const skip = new Set<string>([x.signer, chain.author]);
  expect(entriesExcept(chain.state, skip), `${code}: only the fee and nonce change`).toEqual(
    entriesExcept(control, skip),
  );
  const acc = (s: State, who: AccountId) => s.get(storage.Accounts, who) ?? { free: 0n, nonce: 0n };
  const before = acc(control, x.signer);
  const after = acc(chain.state, x.signer);
  if (opts.unpaid) {
    expect(result.fee).toBe(0n);
    expect(after).toEqual(before);
  } else {
    expect(after.nonce).toBe(before.nonce + 1n);
    expect(after.free).toBe(before.free - result.fee);
  }
  if (x.signer !== chain.author)
    expect(acc(chain.state, chain.author).free).toBe(acc(control, chain.author).free + result.fee);
  return result;
}

/** `expectRefused` for a call signed by a named test account with its next nonce. */
export function refuses(
  chain: TestChain,
  signer: string,
  method: string,
  args: Call['args'],
  code: string,
  opts: ErrorExpectation = {},
): ExtrinsicResult {
  return expectRefused(chain, chain.tx(signer, method, args), code, opts);
}

export { acct };
