/**
 * The explorer's pure parts: number formatting (τ before, the subnet's symbol after, no scientific
 * notation), the halving countdown, CSV quoting, the ring buffer and the page's Buffer stand-in.
 * The server, history endpoints and pages are covered end to end in e2e.test.ts.
 */
import { describe, expect, it } from 'vitest';
import {
  alphaToTao,
  csvField,
  fmtAlpha,
  fmtNumber,
  fmtPct,
  fmtPrice,
  fmtTao,
  halving,
  raoToDecimal,
  toCsv,
  TOTAL_SUPPLY,
} from '../src/app/format.js';
import { Buffer as ShimBuffer } from '../src/app/buffer-shim.js';
import { Ring } from '../src/ring.js';

const RAO = 1_000_000_000n;

describe('formatting', () => {
  it('writes TAO with τ in front and alpha with the subnet symbol behind, with separators', () => {
    expect(fmtTao(1_234_567n * RAO + 500_000_000n)).toBe('τ1,234,567.5');
    expect(fmtTao(1_500_000_000n)).toBe('τ1.5');
    expect(fmtTao(1n)).toBe('τ0.000000001');
    expect(fmtAlpha(2n * RAO + 250_000_000n, 3, 'γ')).toBe('2.25 γ');
    expect(fmtTao(0n)).toBe('τ0');
  });

  it('never uses scientific notation', () => {
    for (const s of [fmtNumber(1e-7, 9), fmtNumber(1e21), fmtPct(1e-9), fmtTao(10n ** 30n), fmtPrice(1n, 'α')])
      expect(s).not.toMatch(/\de[+-]?\d/i);
    expect(fmtNumber(0.0000001, 9)).toBe('0.0000001');
  });

  it('prices are TAO per alpha of that subnet; alpha turns into TAO only through a price', () => {
    const half = 1n << 63n; // 0.5 in U64F64
    expect(fmtPrice(half, 'β')).toBe('τ0.5 / β');
    expect(alphaToTao(10n * RAO, half)).toBe(5n * RAO);
  });

  it('exports exact decimal text', () => {
    expect(raoToDecimal(1_000_000_001n)).toBe('1.000000001');
    expect(raoToDecimal(-5n * RAO)).toBe('-5');
    expect(raoToDecimal(0n)).toBe('0');
  });

  it('counts down to the next halving', () => {
    const h0 = halving(6_000_000n * RAO, RAO);
    expect(h0).toMatchObject({ halvings: 0, emission: RAO, nextAt: TOTAL_SUPPLY / 2n, blocksLeft: 4_500_000n });
    const h1 = halving(TOTAL_SUPPLY / 2n, RAO);
    expect(h1).toMatchObject({ halvings: 1, emission: RAO / 2n, nextAt: (TOTAL_SUPPLY * 3n) / 4n });
    expect(halving(TOTAL_SUPPLY, RAO).emission).toBe(0n);
  });

  it('quotes CSV fields that need it', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField(null)).toBe('');
    expect(toCsv(['x', 'y'], [[1, 'a\nb']])).toBe('x,y\n1,"a\nb"\n');
  });
});

describe('Ring', () => {
  it('keeps the newest items up to its capacity', () => {
    const r = new Ring<number>(3);
    for (let i = 1; i <= 5; i++) r.push(i);
    expect(r.toArray()).toEqual([3, 4, 5]);
    expect(r.last()).toBe(5);
    expect(r.length).toBe(3);
    expect(() => new Ring(0)).toThrow(RangeError);
  });
});

describe('the page’s Buffer stand-in', () => {
  it('matches Node’s Buffer for hex and base64 both ways', () => {
    const bytes = Uint8Array.from([0, 1, 127, 128, 250, 255, 62, 63]);
    const view = ShimBuffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    expect(view.toString('hex')).toBe(Buffer.from(bytes).toString('hex'));
    expect(view.toString('base64')).toBe(Buffer.from(bytes).toString('base64'));
    expect([...ShimBuffer.from('00017f80faff3e3f', 'hex')]).toEqual([...bytes]);
    expect([...ShimBuffer.from(Buffer.from(bytes).toString('base64url'), 'base64url')]).toEqual([...bytes]);
  });
});
