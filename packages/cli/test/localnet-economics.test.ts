/**
 * The localnet's economics over 2,000 blocks: the dev genesis (root stake at the reference TAO
 * weight) and the localnet's own setup (subnets, neurons, validator stakes), run through the real
 * runtime, block by block. Prices must stay in band, and the README's stake must go through at
 * its printed tolerance. The same run on a genesis without root stake leaves the band: the test
 * can tell the two apart.
 */
import { devAccount, devChainSpec } from '@taonet/node';
import { type GenesisConfig, poolOf, storage, swap, views } from '@taonet/runtime';
import { keypairFromUri, keypairSigner, Tao } from '@taonet/sdk';
import { describe, expect, it } from 'vitest';
import { DEMO_SUBNETS, makePlan } from '../src/localnet/plan.js';
import { setupNetwork } from '../src/localnet/setup.js';
import { RuntimeClient } from './utils/runtime-client.js';

const BLOCKS = 2_000;
/**
 * The band, relative to each subnet's price when the setup is done. With root stake, a subnet's TAO
 * emission is injected with alpha at the current price, which leaves the price where it is; only
 * trades move it, and the localnet's neurons do not trade after setup. A fifth either way leaves
 * room for rounding and for the root cap starting to bind; runaway emission buys (the bug) go far
 * past it.
 */
const BAND = { low: 0.8, high: 1.25 };

async function localnet(genesis: GenesisConfig) {
  const chain = new RuntimeClient(genesis, devAccount('Alice'));
  const plan = makePlan({ validators: 2, miners: 2, cheaters: true, basePort: 9000 });
  await setupNetwork(chain, plan, () => {});
  const netuids = plan.subnets.map((s) => s.netuid as number);
  return { chain, plan, netuids };
}

const priceRao = (chain: RuntimeClient, netuid: number): bigint => chain.spotRao(netuid);

describe('localnet economics', () => {
  it(`keeps every subnet's price in band for ${BLOCKS} blocks; then a 10 TAO stake at 5% tolerance goes through`, async () => {
    const { chain, plan, netuids } = await localnet(devChainSpec().genesis);
    expect(netuids).toHaveLength(DEMO_SUBNETS.length);
    const start = new Map(netuids.map((n) => [n, priceRao(chain, n)]));
    for (const [n, p] of start) {
      // Pools start at the reference minimum lock, about 1 τ/α, like a new subnet on the real network.
      expect(Number(p) / 1e9, `subnet ${n} after setup`).toBeGreaterThan(0.9);
      expect(Number(p) / 1e9, `subnet ${n} after setup`).toBeLessThan(1.2);
      expect(views.dynamicInfo(chain.state, n, chain.block)?.taoIn).toBeGreaterThanOrEqual(1000n * 1_000_000_000n);
      // Deep enough from the start for the README's stake: 10 TAO fits under a 5% limit.
      const fits = swap.maxAmountAdd(poolOf(chain.state, n), (p * 105n) / 100n);
      expect(fits, `subnet ${n}: TAO that fits under +5%`).toBeGreaterThan(10n * 1_000_000_000n);
    }
    // The deeper lock was only for the localnet's own subnets: users' subnets cost the dev lock again.
    expect(chain.state.value(storage.Params).networkMinLockCost).toBe(
      devChainSpec().genesis.params?.networkMinLockCost,
    );
    chain.run(5);
    expect((await chain.registrationPrices()).network.rao).toBe(10n * 1_000_000_000n);
    let lowest = 1;
    let highest = 1;
    for (let b = 0; b < BLOCKS; b++) {
      chain.run(1);
      for (const n of netuids) {
        const ratio = Number((priceRao(chain, n) * 1_000_000n) / (start.get(n) as bigint)) / 1e6;
        lowest = Math.min(lowest, ratio);
        highest = Math.max(highest, ratio);
        // Emission goes in at the price: both sides of the pool grow every block.
        const d = views.dynamicInfo(chain.state, n, chain.block);
        expect(d?.alphaInEmission, `subnet ${n} alpha injected at block ${chain.block}`).toBeGreaterThan(0n);
      }
    }
    expect(lowest).toBeGreaterThanOrEqual(BAND.low);
    expect(highest).toBeLessThanOrEqual(BAND.high);

    // The README: a new wallet funded by //Alice stakes 10 TAO into a forecasting validator at 5%.
    const me = keypairFromUri('//ReadmeUser');
    const funded = await chain.transfer(keypairSigner(keypairFromUri('//Alice')), me.ss58Address, Tao.of('100'));
    expect(funded.ok).toBe(true);
    const validator = plan.neurons.find((n) => n.role === 'validator' && n.subnet === 'forecasting');
    const { result } = await chain.addStake(keypairSigner(me), {
      hotkey: keypairFromUri(validator?.hotkeyUri ?? '').ss58Address,
      netuid: netuids[0] as number,
      amount: Tao.of('10'),
      tolerance: 0.05,
    });
    expect(result.code, result.hint).toBeUndefined();
    expect(result.ok).toBe(true);
    const added = result.events.find((e) => e.name === 'StakeAdded');
    expect(added?.data.tao).toBe(10n * 1_000_000_000n);
  });

  it('without root stake the same network leaves the band (every block’s TAO buys alpha)', async () => {
    const { rootStake: _dropped, ...genesis } = devChainSpec().genesis;
    const { chain, netuids } = await localnet(genesis);
    const start = new Map(netuids.map((n) => [n, priceRao(chain, n)]));
    chain.run(BLOCKS);
    for (const n of netuids) {
      expect(views.dynamicInfo(chain.state, n, chain.block)?.alphaInEmission).toBe(0n);
      const ratio = Number((priceRao(chain, n) * 1000n) / (start.get(n) as bigint)) / 1000;
      expect(ratio, `subnet ${n}`).toBeGreaterThan(BAND.high);
    }
  });
});
