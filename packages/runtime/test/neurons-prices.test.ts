/** The registration price: the bump after each registration and the per-block decay (§8.2, §13.8). */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freeBalance } from '../src/balances/ledger.js';
import { updateRegistrationPrices } from '../src/neurons/registration-prices.js';
import { Burn, RegistrationsThisBlock } from '../src/neurons/storage.js';
import type { SubnetHyperparameters } from '../src/params/hyperparameters.js';
import type { State } from '../src/state/state.js';
import { addSubnet, call, coldkey, ctxAt, fund, hotkey, newState } from './utils/neuron-fixture.js';

const U64_MAX = (1n << 64n) - 1n;
const ONE = 1n << 64n;

function chain(burn: bigint, hp: Partial<SubnetHyperparameters>): State {
  const s = newState();
  addSubnet(s, { netuid: 1, burn, hp: { minBurn: 0n, maxBurn: U64_MAX, ...hp } });
  return s;
}

/** Runs the block step's price update for blocks from..to and returns the burn after each. */
function decayBlocks(s: State, from: bigint, to: bigint): bigint[] {
  const out: bigint[] = [];
  for (let b = from; b <= to; b++) {
    updateRegistrationPrices(ctxAt(s, b));
    out.push(s.get(Burn, 1));
  }
  return out;
}

describe('per-block decay', () => {
  it('decays once per block and resets the registration counter', () => {
    const s = chain(1000n, { burnHalfLife: 1000 });
    s.set(RegistrationsThisBlock, 1, 3);
    updateRegistrationPrices(ctxAt(s, 2n));
    expect(s.get(Burn, 1)).toBe(999n);
    expect(s.get(RegistrationsThisBlock, 1)).toBe(0);
  });

  it('halves every half-life (upstream test_burn_halves_every_half_life)', () => {
    const s = chain(1024n, { burnHalfLife: 2, burnIncreaseMult: ONE });
    expect(decayBlocks(s, 2n, 5n)).toEqual([724n, 511n, 361n, 255n]);
  });

  it('1 TAO is at half after 360 decays and 499038087 rao after 361 at half-life 360', () => {
    const s = chain(1_000_000_000n, { burnHalfLife: 360 });
    const burns = decayBlocks(s, 2n, 362n);
    expect(burns[359]).toBe(499_999_865n);
    expect(burns[360]).toBe(499_038_087n);
  });

  it('does not decay at block 1', () => {
    const s = chain(1000n, { burnHalfLife: 1 });
    updateRegistrationPrices(ctxAt(s, 1n));
    expect(s.get(Burn, 1)).toBe(1000n);
  });

  it('clamps to [minBurn, maxBurn], so the price never gets stuck at zero', () => {
    const s = chain(1n, { burnHalfLife: 1, burnIncreaseMult: 2n * ONE, minBurn: 100_000n, maxBurn: 150_000n });
    updateRegistrationPrices(ctxAt(s, 2n));
    expect(s.get(Burn, 1)).toBe(100_000n);
    const ctx = ctxAt(s, 2n);
    fund(s, coldkey(1), 10n ** 12n);
    call(ctx, coldkey(1), 'burned_register', { netuid: 1, hotkey: hotkey(1) });
    expect(s.get(Burn, 1)).toBe(150_000n);
    expect(decayBlocks(s, 3n, 4n)).toEqual([100_000n, 100_000n]);
  });

  it('covers every listed subnet and nothing else', () => {
    const s = chain(1000n, { burnHalfLife: 1000 });
    addSubnet(s, { netuid: 2, burn: 2000n, hp: { burnHalfLife: 1, minBurn: 0n } });
    s.set(Burn, 9, 5000n);
    s.set(RegistrationsThisBlock, 9, 4);
    updateRegistrationPrices(ctxAt(s, 10n));
    expect(s.get(Burn, 1)).toBe(999n);
    expect(s.get(Burn, 2)).toBe(1000n);
    expect(s.get(Burn, 9)).toBe(5000n);
    expect(s.get(RegistrationsThisBlock, 9)).toBe(4);
  });
});

describe('price bump on registration', () => {
  function registerMany(s: State, n: number): bigint[] {
    const ctx = ctxAt(s, 100n);
    const burns: bigint[] = [];
    for (let i = 1; i <= n; i++) {
      fund(s, coldkey(i), 10n ** 12n);
      call(ctx, coldkey(i), 'burned_register', { netuid: 1, hotkey: hotkey(i) });
      burns.push(s.get(Burn, 1));
    }
    return burns;
  }

  it('multiplies immediately, each registration in the block paying more, capped at maxBurn', () => {
    const s = chain(2n, { burnIncreaseMult: 2n * ONE, maxBurn: 400n });
    expect(registerMany(s, 8)).toEqual([4n, 8n, 16n, 32n, 64n, 128n, 256n, 400n]);
    expect(s.get(RegistrationsThisBlock, 1)).toBe(8);
  });

  it('treats a multiplier below 1 as 1', () => {
    const s = chain(1000n, { burnIncreaseMult: 0n });
    expect(registerMany(s, 2)).toEqual([1000n, 1000n]);
  });

  it('a bump of 3× (upstream test_bump_registration_price_after_registration)', () => {
    const s = chain(1000n, { burnIncreaseMult: 3n * ONE });
    expect(registerMany(s, 1)).toEqual([3000n]);
  });

  it('register then decay (upstream test_burn_decay)', () => {
    const s = chain(1000n, { burnHalfLife: 1000, burnIncreaseMult: 2n * ONE });
    expect(registerMany(s, 1)).toEqual([2000n]);
    updateRegistrationPrices(ctxAt(s, 101n));
    expect(s.get(Burn, 1)).toBe(1998n);
  });
});

const root = resolve(import.meta.dirname, '../../..');
const VECTORS =
  process.env.TAONET_VECTORS ??
  (existsSync(join(root, '..', 'shared', 'vectors')) ? join(root, '..', 'shared', 'vectors') : join(root, 'vectors'));

interface BurnSequenceCase {
  readonly name: string;
  readonly fn: string;
  readonly input: {
    readonly burn: string;
    readonly block: string;
    readonly half_life: number;
    readonly mult: { readonly raw: string };
    readonly min_burn: string;
    readonly max_burn: string;
    readonly ops: readonly ('block' | 'register')[];
  };
  readonly expected: { readonly burns: readonly string[]; readonly paid: readonly string[] };
}

describe('shared burn_sequence vectors, driven through state and burned_register', () => {
  const file = join(VECTORS, 'economics-registration.json');
  it('the vector file is present', () => {
    expect(existsSync(file), `vectors not found at ${file}`).toBe(true);
  });
  const cases: BurnSequenceCase[] = existsSync(file)
    ? (JSON.parse(readFileSync(file, 'utf8')) as { cases: BurnSequenceCase[] }).cases.filter(
        (c) => c.fn === 'burn_sequence',
      )
    : [];
  for (const c of cases) {
    it(c.name, () => {
      const s = newState();
      // A stable pool swaps 1:1, so tiny prices never hit the pool's minimum-output rule.
      addSubnet(s, {
        netuid: 1,
        mechanism: 0,
        burn: BigInt(c.input.burn),
        hp: {
          burnHalfLife: c.input.half_life,
          burnIncreaseMult: BigInt(c.input.mult.raw),
          minBurn: BigInt(c.input.min_burn),
          maxBurn: BigInt(c.input.max_burn),
        },
      });
      let block = BigInt(c.input.block);
      const burns: string[] = [];
      const paid: string[] = [];
      c.input.ops.forEach((op, i) => {
        if (op === 'block') {
          block += 1n;
          updateRegistrationPrices(ctxAt(s, block));
        } else {
          const funds = 10n ** 15n;
          fund(s, coldkey(i + 1), funds);
          call(ctxAt(s, block), coldkey(i + 1), 'burned_register', { netuid: 1, hotkey: hotkey(i + 1) });
          paid.push(String(funds - freeBalance(s, coldkey(i + 1))));
        }
        burns.push(String(s.get(Burn, 1)));
      });
      expect(burns).toEqual(c.expected.burns);
      expect(paid).toEqual(c.expected.paid);
    });
  }
});
