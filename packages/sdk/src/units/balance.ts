/**
 * Typed money. `Tao` and `Alpha` are different classes, and an `Alpha` knows its subnet, so TAO
 * never adds to alpha — nor alpha of one subnet to alpha of another — without going through a
 * `Price`. Amounts are bigint rao; decimal text is parsed exactly, never through a float.
 */
import { SdkError } from '../errors.js';

export const RAO_PER_TOKEN = 1_000_000_000n;

export class UnitMismatch extends SdkError {
  constructor(what: string) {
    super('UnitMismatch', `cannot combine ${what}`, 'convert with a Price first (price.toTao / price.toAlpha)');
  }
}

function parseDecimal(text: string): bigint {
  const m = /^\s*(-)?(\d{1,12})(?:\.(\d{1,9}))?\s*$/.exec(text);
  if (m === null)
    throw new SdkError(
      'InvalidAmount',
      `'${text}' is not an amount with at most 9 decimals`,
      'write e.g. 1.5 or 0.000000001',
    );
  const v = BigInt(m[2] as string) * RAO_PER_TOKEN + BigInt((m[3] ?? '').padEnd(9, '0'));
  return m[1] === '-' ? -v : v;
}

function format(rao: bigint, decimals: number): string {
  const neg = rao < 0n;
  const a = neg ? -rao : rao;
  const whole = (a / RAO_PER_TOKEN).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const frac = (a % RAO_PER_TOKEN).toString().padStart(9, '0').slice(0, decimals).replace(/0+$/, '');
  return `${neg ? '-' : ''}${whole}${frac.length > 0 ? `.${frac}` : ''}`;
}

/** An amount of TAO. */
export class Tao {
  readonly unit = 'TAO' as const;
  constructor(readonly rao: bigint) {}

  /** From decimal TAO text ("1.5") or whole TAO as a bigint. */
  static of(tao: string | bigint): Tao {
    return new Tao(typeof tao === 'bigint' ? tao * RAO_PER_TOKEN : parseDecimal(tao));
  }

  static rao(rao: bigint | string): Tao {
    return new Tao(BigInt(rao));
  }

  plus(o: Tao): Tao {
    if (!(o instanceof Tao)) throw new UnitMismatch('TAO with a non-TAO amount');
    return new Tao(this.rao + o.rao);
  }

  minus(o: Tao): Tao {
    if (!(o instanceof Tao)) throw new UnitMismatch('TAO with a non-TAO amount');
    return new Tao(this.rao - o.rao);
  }

  gte(o: Tao): boolean {
    return this.rao >= o.rao;
  }

  /** `τ1,234.5` with up to `decimals` decimals (trailing zeros dropped). */
  format(decimals = 9): string {
    return `τ${format(this.rao, decimals)}`;
  }

  toString(): string {
    return this.format();
  }

  toJSON(): { unit: 'TAO'; rao: string; tao: string } {
    return { unit: 'TAO', rao: this.rao.toString(), tao: format(this.rao, 9).replaceAll(',', '') };
  }
}

/** An amount of one subnet's alpha. */
export class Alpha<N extends number = number> {
  readonly unit = 'alpha' as const;
  constructor(
    readonly rao: bigint,
    readonly netuid: N,
    readonly symbol = 'α',
  ) {}

  static of<N extends number>(amount: string | bigint, netuid: N, symbol = 'α'): Alpha<N> {
    return new Alpha(typeof amount === 'bigint' ? amount * RAO_PER_TOKEN : parseDecimal(amount), netuid, symbol);
  }

  private same(o: Alpha<N>): void {
    if (!(o instanceof Alpha) || o.netuid !== this.netuid) {
      throw new UnitMismatch(
        `alpha of subnet ${this.netuid} with ${o instanceof Alpha ? `alpha of subnet ${o.netuid}` : 'TAO'}`,
      );
    }
  }

  plus(o: Alpha<N>): Alpha<N> {
    this.same(o);
    return new Alpha(this.rao + o.rao, this.netuid, this.symbol);
  }

  minus(o: Alpha<N>): Alpha<N> {
    this.same(o);
    return new Alpha(this.rao - o.rao, this.netuid, this.symbol);
  }

  format(decimals = 9): string {
    return `${format(this.rao, decimals)} ${this.symbol}`;
  }

  toString(): string {
    return this.format();
  }

  toJSON(): { unit: 'alpha'; netuid: number; symbol: string; rao: string; alpha: string } {
    return {
      unit: 'alpha',
      netuid: this.netuid,
      symbol: this.symbol,
      rao: this.rao.toString(),
      alpha: format(this.rao, 9).replaceAll(',', ''),
    };
  }
}

/** The price of one alpha of a subnet in TAO, exact (U64F64 raw, as the chain computes it). */
export class Price {
  constructor(
    readonly raw: bigint,
    readonly netuid: number,
  ) {}

  /** TAO value of an alpha amount of this subnet at this price (floored). */
  toTao(a: Alpha): Tao {
    if (a.netuid !== this.netuid)
      throw new UnitMismatch(`a price of subnet ${this.netuid} with alpha of subnet ${a.netuid}`);
    return new Tao((a.rao * this.raw) >> 64n);
  }

  /** Alpha of this subnet worth `t` at this price (floored); 0 at price 0. */
  toAlpha(t: Tao, symbol = 'α'): Alpha {
    return new Alpha(this.raw === 0n ? 0n : (t.rao << 64n) / this.raw, this.netuid, symbol);
  }

  /** Rao of TAO per whole alpha: the unit of limit prices. */
  raoPerAlpha(): bigint {
    return (this.raw * RAO_PER_TOKEN) >> 64n;
  }

  /** For display only (loses precision). */
  toNumber(): number {
    return Number(this.raw) / 2 ** 64;
  }

  format(decimals = 6): string {
    return `${format(this.raoPerAlpha(), decimals)} τ/α`;
  }

  /** Exact in JSON: rao of TAO per whole alpha, with the unit named. */
  toJSON(): { unit: 'TAO/alpha'; netuid: number; raoPerAlpha: string; taoPerAlpha: string } {
    return {
      unit: 'TAO/alpha',
      netuid: this.netuid,
      raoPerAlpha: this.raoPerAlpha().toString(),
      taoPerAlpha: format(this.raoPerAlpha(), 9).replaceAll(',', ''),
    };
  }
}
