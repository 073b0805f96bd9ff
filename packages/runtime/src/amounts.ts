/**
 * Amounts in errors. People think in TAO and in a subnet's alpha, not in rao: a hint shows `τ1,085.9489`
 * or `β0.0003800`, while the error's `data.amounts` keeps every amount exact, in rao with its unit
 * named, for programs (the CLI's --json, the SDK). A shortened amount is rounded the safe way for
 * what it tells: down for what someone has or may do at most, up for what they need at least, so
 * acting on the hint never fails for a digit that was not shown.
 */
import { RAO_PER_TAO } from '@taonet/primitives';
import { fail } from './errors.js';
import type { State } from './state/state.js';
import { TokenSymbol } from './subnets/storage.js';

export type Amount =
  | { readonly unit: 'TAO'; readonly rao: bigint }
  | { readonly unit: 'alpha'; readonly rao: bigint; readonly netuid: number; readonly symbol: string };

export type Rounding = 'down' | 'up';

export const taoAmount = (rao: bigint): Amount => ({ unit: 'TAO', rao });

export function alphaAmount(s: State, netuid: number, rao: bigint): Amount {
  return { unit: 'alpha', rao, netuid, symbol: s.get(TokenSymbol, netuid) };
}

/** Digits kept: four decimals from one token up, four significant digits below (at most nine decimals). */
const SIGNIFICANT = 4;

function decimalsFor(rao: bigint): number {
  if (rao >= RAO_PER_TAO) return SIGNIFICANT;
  const digits = rao.toString().length; // rao < 1e9, so this counts the significant digits
  return Math.min(9, 9 - digits + SIGNIFICANT);
}

function group(whole: bigint): string {
  return whole.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** The number alone, e.g. `1,085.9489` (rao ≥ 0). */
export function tokenText(rao: bigint, rounding: Rounding = 'down'): string {
  const d = decimalsFor(rao);
  const step = 10n ** BigInt(9 - d);
  let r = (rao / step) * step;
  if (rounding === 'up' && r < rao) r += step;
  const whole = r / RAO_PER_TAO;
  const frac = (r % RAO_PER_TAO).toString().padStart(9, '0').slice(0, d).replace(/0+$/, '');
  return frac.length > 0 ? `${group(whole)}.${frac}` : group(whole);
}

/** `τ1,085.9489` or, for alpha, the subnet's symbol: `β0.00038`. */
export function amountText(a: Amount, rounding: Rounding = 'down'): string {
  return `${a.unit === 'TAO' ? 'τ' : a.symbol}${tokenText(a.rao, rounding)}`;
}

/** Named amounts for one error, each with the way its shortened text rounds. */
export type NamedAmounts = Readonly<Record<string, readonly [Amount, Rounding]>>;

/**
 * Fails with `code`; the hint is written from the amounts' texts, and the error's data is
 * `{ amounts: { name: { unit, rao[, netuid, symbol] } } }`, exact.
 */
export function failWithAmounts(
  code: string,
  amounts: NamedAmounts,
  hint: (t: Record<string, string>) => string,
): never {
  const text: Record<string, string> = {};
  const exact: Record<string, Amount> = {};
  for (const [name, [a, rounding]] of Object.entries(amounts)) {
    text[name] = amountText(a, rounding);
    exact[name] = a;
  }
  fail(code, hint(text), { amounts: exact });
}

/** `ensure` for errors that mention amounts; the amounts are built only on failure. */
export function ensureAmounts(
  cond: boolean,
  code: string,
  amounts: () => NamedAmounts,
  hint: (t: Record<string, string>) => string,
): asserts cond {
  if (!cond) failWithAmounts(code, amounts(), hint);
}
