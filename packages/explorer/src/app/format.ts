/**
 * Number formatting for people: τ before TAO amounts, each subnet's own symbol after alpha
 * amounts, thousands separators, a few significant decimals, and never scientific notation.
 * Amounts stay bigint rao until the last step; only percentages and chart points become floats.
 * Pure: used by the page and by the server's CSV/JSON exports, and unit-tested.
 */
import { MAX_TAO_SUPPLY } from '@taonet/primitives';
import { Alpha, Tao } from '@taonet/sdk/client';

export const RAO = 1_000_000_000n;
export const U64F64_ONE = 1n << 64n;
export const U16_MAX = 65535;
export const TOTAL_SUPPLY: bigint = MAX_TAO_SUPPLY;

/** Decimals worth showing for an amount in rao: fewer for big amounts, all nine for dust. */
export function decimalsFor(rao: bigint): number {
  const a = rao < 0n ? -rao : rao;
  if (a >= 1000n * RAO) return 2;
  if (a >= RAO) return 4;
  if (a >= 1_000_000n) return 6;
  return 9;
}

export function fmtTao(rao: bigint, decimals = decimalsFor(rao)): string {
  return new Tao(rao).format(decimals);
}

export function fmtAlpha(rao: bigint, netuid: number, symbol: string, decimals = decimalsFor(rao)): string {
  return new Alpha(rao, netuid, symbol).format(decimals);
}

/** Exact decimal text of an amount in rao (for CSV/JSON exports): "1234.500000001". */
export function raoToDecimal(rao: bigint): string {
  const neg = rao < 0n;
  const a = neg ? -rao : rao;
  const frac = (a % RAO).toString().padStart(9, '0').replace(/0+$/, '');
  return `${neg ? '-' : ''}${a / RAO}${frac.length > 0 ? `.${frac}` : ''}`;
}

/** Rao of TAO per whole alpha from a U64F64 price (floored). */
export function priceRaoPerAlpha(raw: bigint): bigint {
  return (raw * RAO) >> 64n;
}

/** `τ0.0123 / α`: the TAO price of one alpha, with the subnet's symbol. */
export function fmtPrice(raw: bigint, symbol: string): string {
  const rao = priceRaoPerAlpha(raw);
  const d = rao >= 100n * RAO ? 2 : rao >= RAO ? 4 : 6;
  const shown = rao > 0n && rao < 1000n ? 9 : d;
  return `${new Tao(rao).format(shown)} / ${symbol}`;
}

/** TAO value of an alpha amount at a U64F64 price (floored) — the only way alpha becomes TAO. */
export function alphaToTao(alphaRao: bigint, priceRaw: bigint): bigint {
  return (alphaRao * priceRaw) >> 64n;
}

/** Display-only float of a U64F64 value. */
export function u64f64ToNumber(raw: bigint): number {
  return Number(raw) / 2 ** 64;
}

const pctFmt = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const intFmt = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** A fraction (0.1234) as `12.34%`. */
export function fmtPct(fraction: number): string {
  if (!Number.isFinite(fraction)) return '—';
  return `${pctFmt.format(fraction * 100)}%`;
}

/** A u16 proportion (0..65535) as a fraction. */
export const u16ToFraction = (v: number): number => v / U16_MAX;

export function fmtInt(n: number | bigint): string {
  return typeof n === 'bigint' ? n.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',') : intFmt.format(n);
}

/** A plain decimal with up to `max` decimals and separators; never `1e-7`. */
export function fmtNumber(n: number, max = 4): string {
  if (!Number.isFinite(n)) return '—';
  return new Intl.NumberFormat('en-US', { maximumFractionDigits: max }).format(n);
}

/** `5d 3h`, `3h 12m`, `4m 10s`, `12s`. */
export function fmtDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '—';
  const s = Math.round(ms / 1000);
  const d = Math.floor(s / 86400);
  const h = Math.floor((s % 86400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  if (d > 0) return `${fmtInt(d)}d ${h}h`;
  if (h > 0) return `${h}h ${m}m`;
  if (m > 0) return `${m}m ${s % 60}s`;
  return `${s}s`;
}

export function shortHash(h: string, n = 6): string {
  return h.length <= 2 + 2 * n ? h : `${h.slice(0, 2 + n)}…${h.slice(-n)}`;
}

export function shortAddress(a: string, n = 6): string {
  return a.length <= 2 * n + 1 ? a : `${a.slice(0, n)}…${a.slice(-n)}`;
}

export interface Halving {
  /** Halvings so far. */
  readonly halvings: number;
  /** TAO per block now (rao). */
  readonly emission: bigint;
  /** Issuance at which the next halving happens (rao). */
  readonly nextAt: bigint;
  /** Blocks until then at the current emission (ignores recycling and fees). */
  readonly blocksLeft: bigint;
}

/**
 * Where issuance stands on the halving curve: emission halves each time issuance crosses another
 * half of what is left below the cap (10.5M, 15.75M, …).
 */
export function halving(issuance: bigint, defaultEmission: bigint, cap = TOTAL_SUPPLY): Halving {
  let h = 0;
  let next = cap / 2n;
  while (issuance >= next && h < 64) {
    h++;
    next = cap - (cap >> BigInt(h + 1));
  }
  const emission = issuance >= cap ? 0n : defaultEmission >> BigInt(h);
  const left = next - issuance;
  return {
    halvings: h,
    emission,
    nextAt: next,
    blocksLeft: emission === 0n ? 0n : (left + emission - 1n) / emission,
  };
}

/** One CSV field, quoted when needed (RFC 4180). */
export function csvField(v: unknown): string {
  const s = v === null || v === undefined ? '' : typeof v === 'string' ? v : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return `${[header, ...rows].map((r) => r.map(csvField).join(',')).join('\n')}\n`;
}

const TAO_EVENT_KEYS = new Set(['tao', 'fee', 'amount', 'lockCost', 'paidOut', 'recycled']);

/**
 * An event field's amount as people read it (τ, or α of the event's subnet), or null when the
 * field is no amount. Raw rao stays in the exports, not beside the formatted value.
 */
export function eventAmountText(key: string, value: unknown, data: Readonly<Record<string, unknown>>): string | null {
  if (typeof value !== 'string' || !/^\d+$/.test(value)) return null;
  if (TAO_EVENT_KEYS.has(key)) return fmtTao(BigInt(value));
  if (key === 'alpha' && typeof data.netuid === 'number') return fmtAlpha(BigInt(value), data.netuid, 'α');
  return null;
}
