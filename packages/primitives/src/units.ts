/**
 * Money is typed. TAO and each subnet's alpha are different units: both count in "rao"
 * (1e-9 of a token), but a TAO amount and an alpha amount never add without a price. The brands
 * below are compile-time only (the runtime value is a plain bigint), so they cost nothing.
 */
declare const taoBrand: unique symbol;
declare const alphaBrand: unique symbol;

/** An amount of TAO in rao (1 TAO = 1e9 rao). */
export type TaoRao = bigint & { readonly [taoBrand]: 'TAO' };
/** An amount of some subnet's alpha in alpha-rao (1 alpha = 1e9). */
export type AlphaRao = bigint & { readonly [alphaBrand]: 'alpha' };

export const RAO_PER_TAO = 1_000_000_000n;
/** 21 million TAO: the hard cap on issuance. */
export const MAX_TAO_SUPPLY = (21_000_000n * RAO_PER_TAO) as TaoRao;
export const U64_MAX = (1n << 64n) - 1n;

export const tao = (rao: bigint): TaoRao => rao as TaoRao;
export const alpha = (rao: bigint): AlphaRao => rao as AlphaRao;

/** Whole tokens to rao: `taoToRao(1.5)` is not allowed (no floats); use `parseUnits('1.5')`. */
export function wholeTokens(n: bigint | number): bigint {
  return BigInt(n) * RAO_PER_TAO;
}

/**
 * Parses a decimal token amount ("1.5", "0.000000001", "12") into rao, exactly. More than 9
 * decimals, signs other than a leading '-', exponents and junk are rejected.
 */
export function parseUnits(text: string): bigint {
  const m = /^(-)?(\d+)(?:\.(\d{1,9}))?$/.exec(text.trim());
  if (m === null) throw new RangeError(`not a token amount with at most 9 decimals: '${text}'`);
  const [, sign, whole, frac = ''] = m;
  const v = BigInt(whole as string) * RAO_PER_TAO + BigInt(frac.padEnd(9, '0'));
  return sign === '-' ? -v : v;
}

/** Formats rao as a decimal token amount with all 9 decimals trimmed of trailing zeros. */
export function formatUnits(rao: bigint, decimals = 9): string {
  const neg = rao < 0n;
  const a = neg ? -rao : rao;
  const whole = a / RAO_PER_TAO;
  let frac = (a % RAO_PER_TAO).toString().padStart(9, '0').slice(0, decimals);
  frac = frac.replace(/0+$/, '');
  return `${neg ? '-' : ''}${whole.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${frac ? `.${frac}` : ''}`;
}

/** `τ1,234.5`: TAO for people. */
export const formatTao = (rao: bigint, decimals = 9): string => `τ${formatUnits(rao, decimals)}`;
/** `α12.25`: alpha for people (pass the subnet symbol to show it instead of α). */
export const formatAlpha = (rao: bigint, symbol = 'α', decimals = 9): string =>
  `${symbol}${formatUnits(rao, decimals)}`;
