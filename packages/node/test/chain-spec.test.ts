/** Chain specs: the dev genesis seeds root stake, and a spec written as JSON reads back to the same genesis. */
import { storage } from '@taonet/runtime';
import { describe, expect, it } from 'vitest';
import { Chain } from '../src/chain/chain.js';
import { initCrypto } from '../src/crypto.js';
import {
  ChainSpecError,
  chainSpecFromJson,
  chainSpecToJson,
  DEV_ROOT_STAKE,
  DEV_ROOT_VALIDATOR,
  devAccount,
  devChainSpec,
  localChainSpec,
} from '../src/chain-spec.js';

await initCrypto();

describe('chain specs', () => {
  it('the dev genesis has a root validator holding DEV_ROOT_STAKE on root', () => {
    const { state } = Chain.genesisBlock(devChainSpec());
    const hot = devAccount(`${DEV_ROOT_VALIDATOR}//hot`);
    expect(state.get(storage.Keys, 0)).toEqual([hot]);
    expect(state.get(storage.SubnetTao, 0)).toBe(DEV_ROOT_STAKE);
    expect(state.get(storage.Owner, hot)).toBe(devAccount(DEV_ROOT_VALIDATOR));
    // The six dev accounts keep their 1,000,000 TAO.
    expect(state.get(storage.Accounts, devAccount('Alice'))?.free).toBe(1_000_000n * 1_000_000_000n);
  });

  it('round-trips through JSON with the same genesis hash, root stake included', () => {
    for (const spec of [devChainSpec(), localChainSpec()]) {
      const back = chainSpecFromJson(chainSpecToJson(spec));
      expect(back.genesis.rootStake).toEqual(spec.genesis.rootStake);
      expect(Chain.genesisBlock(back).hash).toBe(Chain.genesisBlock(spec).hash);
    }
  });

  it('sets the owner limits from the spec, leaving the default genesis hash alone', () => {
    const dev = devChainSpec();
    const raw = JSON.parse(chainSpecToJson(dev)) as { genesis: Record<string, unknown> };
    expect(raw.genesis.adminFreezeWindow).toBeUndefined();
    // Subtensor's defaults written out are the same chain as none written.
    raw.genesis.adminFreezeWindow = 10;
    raw.genesis.ownerHyperparamRateLimit = 2;
    expect(Chain.genesisBlock(chainSpecFromJson(JSON.stringify(raw))).hash).toBe(Chain.genesisBlock(dev).hash);
    raw.genesis.adminFreezeWindow = 0;
    raw.genesis.ownerHyperparamRateLimit = 5;
    const spec = chainSpecFromJson(JSON.stringify(raw));
    const { state, hash } = Chain.genesisBlock(spec);
    expect(state.value(storage.AdminFreezeWindow)).toBe(0);
    expect(state.value(storage.OwnerHyperparamRateLimit)).toBe(5);
    expect(hash).not.toBe(Chain.genesisBlock(dev).hash);
    expect(chainSpecFromJson(chainSpecToJson(spec)).genesis.adminFreezeWindow).toBe(0);
    raw.genesis.adminFreezeWindow = 65_536;
    expect(() => chainSpecFromJson(JSON.stringify(raw))).toThrow(
      /genesis.adminFreezeWindow must be an integer in 0..65535/,
    );
    raw.genesis.adminFreezeWindow = '0';
    expect(() => chainSpecFromJson(JSON.stringify(raw))).toThrow(ChainSpecError);
  });

  it('refuses a malformed rootStake entry', () => {
    const raw = JSON.parse(chainSpecToJson(devChainSpec())) as { genesis: { rootStake: unknown[] } };
    raw.genesis.rootStake = [{ coldkey: '0x12', hotkey: devAccount('Bob'), amount: '5' }];
    expect(() => chainSpecFromJson(JSON.stringify(raw))).toThrow(ChainSpecError);
    raw.genesis.rootStake = [{ coldkey: devAccount('Bob'), hotkey: devAccount('Bob'), amount: -5 }];
    expect(() => chainSpecFromJson(JSON.stringify(raw))).toThrow(/rootStake\[0\]/);
  });
});
