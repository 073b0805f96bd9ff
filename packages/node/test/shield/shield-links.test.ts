import { describe, expect, it } from 'vitest';
import { MAX_SHIELD_LINKS, ShieldLinks } from '../../src/shield/shield-links.js';

const h = (n: number) => `0x${n.toString(16).padStart(64, '0')}`;

describe('ShieldLinks', () => {
  it('answers both ways, and nothing for a hash it never recorded', () => {
    const l = new ShieldLinks();
    l.record([{ carrier: h(1), inner: h(2) }]);
    expect(l.innerOf(h(1))).toBe(h(2));
    expect(l.carrierOf(h(2))).toBe(h(1));
    expect(l.innerOf(h(2))).toBeUndefined();
    expect(l.carrierOf(h(3))).toBeUndefined();
  });

  it('forgets the oldest links past its bound, both ways', () => {
    const l = new ShieldLinks();
    const links = Array.from({ length: MAX_SHIELD_LINKS + 2 }, (_, i) => ({ carrier: h(2 * i), inner: h(2 * i + 1) }));
    l.record(links);
    expect(l.innerOf(h(0))).toBeUndefined();
    expect(l.carrierOf(h(3))).toBeUndefined();
    expect(l.innerOf(h(4))).toBe(h(5));
    expect(l.carrierOf(h(2 * (MAX_SHIELD_LINKS + 1) + 1))).toBe(h(2 * (MAX_SHIELD_LINKS + 1)));
  });
});
