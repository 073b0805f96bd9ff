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

  it('refuses a malformed rootStake entry', () => {
    const raw = JSON.parse(chainSpecToJson(devChainSpec())) as { genesis: { rootStake: unknown[] } };
    raw.genesis.rootStake = [{ coldkey: '0x12', hotkey: devAccount('Bob'), amount: '5' }];
    expect(() => chainSpecFromJson(JSON.stringify(raw))).toThrow(ChainSpecError);
    raw.genesis.rootStake = [{ coldkey: devAccount('Bob'), hotkey: devAccount('Bob'), amount: -5 }];
    expect(() => chainSpecFromJson(JSON.stringify(raw))).toThrow(/rootStake\[0\]/);
  });
});
