/**
 * Option values checked at the edge: a netuid, an amount, a tolerance. Bad input stops here with a
 * typed, hinted error naming the flag, before anything reaches the node.
 */
import { Alpha, SdkError, Tao } from '@taonet/sdk';

/** `--netuid one` or `--netuid -1`: refused with the flag named. */
export function parseNetuid(text: string, flag = '--netuid'): number {
  if (!/^\d{1,5}$/.test(text.trim()) || Number(text) > 65535)
    throw new SdkError(
      'InvalidNetuid',
      `${flag} ${text} is not a subnet id (a whole number from 0 to 65535)`,
      'list subnets with `taonet subnets list`',
    );
  return Number(text);
}

/** `--mecid`: a mechanism id (0..255); absent means mechanism 0. */
export function parseMecid(text: string | undefined, flag = '--mecid'): number {
  if (text === undefined) return 0;
  if (!/^\d{1,3}$/.test(text.trim()) || Number(text) > 255)
    throw new SdkError(
      'InvalidArgument',
      `${flag} ${text} is not a mechanism id (a whole number from 0 to 255)`,
      'see how many a subnet has with `taonet subnets mechanisms count --netuid <n>`',
    );
  return Number(text);
}

function checkPositive(text: string, flag: string, unit: string): void {
  if (/^\s*-/.test(text))
    throw new SdkError('InvalidAmount', `${flag} ${text} is negative`, `give a positive amount of ${unit}, e.g. 1.5`);
}

function zero(flag: string, unit: string): SdkError {
  return new SdkError('InvalidAmount', `${flag} 0 moves nothing`, `give a positive amount of ${unit}, e.g. 1.5`);
}

/** A positive TAO amount (decimal text, at most 9 decimals). */
export function parseTao(text: string, flag = '--amount'): Tao {
  checkPositive(text, flag, 'TAO');
  const t = Tao.of(text);
  if (t.rao === 0n) throw zero(flag, 'TAO');
  return t;
}

/** A positive alpha amount of subnet `netuid`. */
export function parseAlpha<N extends number>(text: string, netuid: N, symbol = 'α', flag = '--amount'): Alpha<N> {
  checkPositive(text, flag, 'alpha');
  const a = Alpha.of(text, netuid, symbol);
  if (a.rao === 0n) throw zero(flag, 'alpha');
  return a;
}

/** A price tolerance: a fraction from 0 to 1 (0.05 = 5%). */
export function parseTolerance(text: string): number {
  const v = Number(text);
  if (text.trim() === '' || !Number.isFinite(v) || v < 0 || v > 1)
    throw new SdkError(
      'InvalidTolerance',
      `--tolerance ${text} is not a fraction from 0 to 1`,
      'write 0.05 for 5%, or use --unsafe for no limit price',
    );
  return v;
}

/** A limit price in rao per alpha (a positive whole number). */
export function parseRaoPrice(text: string): bigint {
  if (!/^\d+$/.test(text.trim()) || BigInt(text) === 0n)
    throw new SdkError(
      'InvalidLimitPrice',
      `--limit-price ${text} is not a positive whole number of rao per alpha`,
      'e.g. 1000000000 for 1 τ/α, or use --tolerance',
    );
  return BigInt(text);
}
