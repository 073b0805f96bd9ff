/**
 * The SCALE metadata decodes with both client stacks (polkadot-api's substrate-bindings and
 * @polkadot/types), carries subtensor's names and indices, keeps error enums contiguous, and
 * honours the hard requirements clients have (type 0 = AccountId32, the extrinsic type's params,
 * CheckMetadataHash's "Disabled").
 */
import { decAnyMetadata, type V14, type V15 } from '@polkadot-api/substrate-bindings';
import { Metadata, TypeRegistry } from '@polkadot/types';
import { describe, expect, it } from 'vitest';
import { SubstrateFace } from '../src/substrate/substrate-face.js';

const face = new SubstrateFace(250);
const { v14: blob14, v15: blob15 } = face.metadata;
const v14 = decAnyMetadata(blob14).metadata.value as V14;
const v15 = decAnyMetadata(blob15).metadata.value as V15;

type Lookup = V15['lookup'];
const typeAt = (lookup: Lookup, id: number) => {
  const t = lookup[id];
  if (t === undefined) throw new Error(`no type ${id}`);
  return t;
};
const variantsOf = (lookup: Lookup, id: number) => {
  const d = typeAt(lookup, id).def;
  if (d.tag !== 'variant') throw new Error(`type ${id} is not a variant`);
  return d.value;
};
const pallet = (name: string) => {
  const p = v15.pallets.find((x) => x.name === name);
  if (p === undefined) throw new Error(`no pallet ${name}`);
  return p;
};

describe('metadata', () => {
  it('starts with "meta" and the version byte; V14 and V15 share one type registry', () => {
    expect(Buffer.from(blob14.subarray(0, 5)).toString('hex')).toBe('6d6574610e');
    expect(Buffer.from(blob15.subarray(0, 5)).toString('hex')).toBe('6d6574610f');
    expect(v14.lookup).toEqual(v15.lookup);
  });

  it('has subtensor pallet names and indices', () => {
    expect(v15.pallets.map((p) => [p.name, p.index])).toEqual([
      ['System', 0],
      ['Timestamp', 2],
      ['Aura', 3],
      ['Balances', 5],
      ['TransactionPayment', 6],
      ['SubtensorModule', 7],
      ['Utility', 11],
      ['Sudo', 12],
      ['Proxy', 16],
      ['Commitments', 18],
      ['AdminUtils', 19],
      ['Drand', 26],
      ['MevShield', 30],
      ['TaonetAdmin', 200],
    ]);
  });

  it('type 0 is sp_core::crypto::AccountId32', () => {
    expect(typeAt(v15.lookup, 0).path).toEqual(['sp_core', 'crypto', 'AccountId32']);
  });

  it('the extrinsic type is UncheckedExtrinsic with Address, Call, Signature params (V14), version 4', () => {
    const t = typeAt(v14.lookup, v14.extrinsic.type);
    expect(t.path.join('::')).toBe('sp_runtime::generic::unchecked_extrinsic::UncheckedExtrinsic');
    expect(t.params.map((p) => p.name)).toEqual(['Address', 'Call', 'Signature', 'Extra']);
    expect(v14.extrinsic.version).toBe(4);
    expect(v15.extrinsic.version).toBe(4);
    expect(typeAt(v15.lookup, v15.extrinsic.address).path.join('::')).toBe('sp_runtime::multiaddress::MultiAddress');
  });

  it('lists subtensor transaction extensions in order; CheckMetadataHash mode 0 is "Disabled"', () => {
    const ids = v15.extrinsic.signedExtensions.map((e) => e.identifier);
    expect(ids).toEqual([
      'CheckNonZeroSender',
      'CheckSpecVersion',
      'CheckTxVersion',
      'CheckGenesis',
      'CheckMortality',
      'CheckNonce',
      'CheckWeight',
      'ChargeTransactionPayment',
      'SubtensorTransactionExtension',
      'DrandPriority',
      'CheckMetadataHash',
    ]);
    const cmh = v15.extrinsic.signedExtensions.at(-1);
    const def = typeAt(v15.lookup, cmh?.type ?? -1).def;
    expect(def.tag).toBe('composite');
    const modeTy = def.tag === 'composite' ? (def.value[0]?.type ?? -1) : -1;
    expect(variantsOf(v15.lookup, modeTy).map((v) => [v.name, v.index])).toEqual([
      ['Disabled', 0],
      ['Enabled', 1],
    ]);
  });

  it('every error enum is contiguous from 0 and documented; subtensor positions hold', () => {
    for (const p of v15.pallets) {
      if (p.errors === undefined) continue;
      const vs = variantsOf(v15.lookup, p.errors);
      expect(vs.map((v) => v.index)).toEqual(vs.map((_, i) => i));
      for (const v of vs) expect(v.docs.join('').length, `${p.name}.${v.name}`).toBeGreaterThan(0);
    }
    const errs = variantsOf(v15.lookup, pallet('SubtensorModule').errors ?? -1);
    expect(errs[0]?.name).toBe('RootNetworkDoesNotExist');
    expect(errs[12]?.name).toBe('NotEnoughBalanceToStake');
    expect(errs.find((e) => e.name === 'SettingWeightsTooFast')).toBeDefined();
    // Taonet's explanation where Taonet raises the error.
    expect(errs[12]?.docs[0]).toMatch(/free TAO/);
  });

  it('event enums are contiguous; NetworkAdded keeps unnamed fields', () => {
    for (const p of v15.pallets) {
      if (p.events === undefined) continue;
      const vs = variantsOf(v15.lookup, p.events);
      expect(vs.map((v) => v.index)).toEqual(vs.map((_, i) => i));
    }
    const evs = variantsOf(v15.lookup, pallet('SubtensorModule').events ?? -1);
    expect(evs[0]?.name).toBe('NetworkAdded');
    expect(evs[0]?.fields.map((f) => f.name)).toEqual([undefined, undefined]);
    expect(evs[6]?.name).toBe('NeuronRegistered');
  });

  it('calls carry subtensor indices and argument names', () => {
    const calls = variantsOf(v15.lookup, pallet('SubtensorModule').calls ?? -1);
    const byName = new Map(calls.map((c) => [c.name, c]));
    expect(byName.get('add_stake')?.index).toBe(2);
    expect(byName.get('add_stake')?.fields.map((f) => f.name)).toEqual(['hotkey', 'netuid', 'amount_staked']);
    expect(byName.get('burned_register')?.index).toBe(7);
    expect(byName.get('add_stake_limit')?.index).toBe(88);
    expect(byName.get('set_mechanism_weights')?.fields.map((f) => f.name)).toEqual([
      'netuid',
      'mecid',
      'dests',
      'weights',
      'version_key',
    ]);
    expect(byName.get('register_limit')?.index).toBe(134);
    const bal = variantsOf(v15.lookup, pallet('Balances').calls ?? -1);
    expect(bal.map((c) => [c.name, c.index])).toEqual([
      ['transfer_allow_death', 0],
      ['transfer_keep_alive', 3],
    ]);
  });

  it("serves subtensor's owner limits: the u16 items with their defaults, the AdminUtils setters, the events", () => {
    const items = pallet('SubtensorModule').storage?.items ?? [];
    for (const [name, fallback] of [
      ['AdminFreezeWindow', '0x0a00'],
      ['OwnerHyperparamRateLimit', '0x0200'],
    ] as const) {
      const item = items.find((i) => i.name === name);
      expect(item?.type.tag, name).toBe('plain');
      const def = typeAt(v15.lookup, item?.type.value as number).def;
      expect(def, name).toEqual({ tag: 'primitive', value: { tag: 'u16', value: undefined } });
      expect(item?.fallback, name).toBe(fallback);
    }
    const admin = variantsOf(v15.lookup, pallet('AdminUtils').calls ?? -1);
    const call = (n: string) => admin.find((c) => c.name === n);
    expect([call('sudo_set_admin_freeze_window')?.index, call('sudo_set_owner_hparam_rate_limit')?.index]).toEqual([
      74, 75,
    ]);
    expect(call('sudo_set_admin_freeze_window')?.fields.map((f) => [f.name, f.typeName])).toEqual([['window', 'u16']]);
    expect(call('sudo_set_owner_hparam_rate_limit')?.fields.map((f) => [f.name, f.typeName])).toEqual([
      ['epochs', 'u16'],
    ]);
    const evs = variantsOf(v15.lookup, pallet('SubtensorModule').events ?? -1);
    expect(evs.findIndex((e) => e.name === 'AdminFreezeWindowSet')).toBe(43);
    expect(evs.findIndex((e) => e.name === 'OwnerHyperparamRateLimitSet')).toBe(44);
  });

  it('has the constants clients read', () => {
    const constant = (p: string, c: string) => pallet(p).constants.find((x) => x.name === c)?.value;
    expect(constant('System', 'SS58Prefix')).toBe('0x2a00');
    expect(constant('System', 'BlockHashCount')).toBe('0x60090000');
    expect(constant('Balances', 'ExistentialDeposit')).toBe('0xf401000000000000');
    expect(constant('Aura', 'SlotDuration')).toBe('0xfa00000000000000');
    expect(constant('Timestamp', 'MinimumPeriod')).toBe('0x7d00000000000000');
    expect(constant('System', 'Version')).toBeDefined();
  });

  it('declares the runtime APIs it serves in V15', () => {
    expect(v15.apis.map((a) => [a.name, a.methods.map((m) => m.name)])).toEqual([
      ['Core', ['version']],
      ['Metadata', ['metadata', 'metadata_at_version', 'metadata_versions']],
      ['AccountNonceApi', ['account_nonce']],
      ['TaggedTransactionQueue', ['validate_transaction']],
      ['TransactionPaymentApi', ['query_info', 'query_fee_details']],
      ['DelegateInfoRuntimeApi', ['get_delegates', 'get_delegate', 'get_delegated']],
      ['NeuronInfoRuntimeApi', ['get_neurons', 'get_neuron', 'get_neurons_lite', 'get_neuron_lite']],
      [
        'SubnetInfoRuntimeApi',
        [
          'get_subnet_info',
          'get_subnets_info',
          'get_subnet_info_v2',
          'get_subnets_info_v2',
          'get_subnet_hyperparams',
          'get_subnet_hyperparams_v2',
          'get_subnet_hyperparams_v3',
          'get_all_dynamic_info',
          'get_all_metagraphs',
          'get_metagraph',
          'get_all_mechagraphs',
          'get_mechagraph',
          'get_dynamic_info',
          'get_subnet_state',
          'get_selective_metagraph',
          'get_coldkey_auto_stake_hotkey',
          'get_selective_mechagraph',
          'get_next_epoch_start_block',
        ],
      ],
      [
        'StakeInfoRuntimeApi',
        [
          'get_stake_info_for_coldkey',
          'get_stake_info_for_coldkeys',
          'get_stake_info_for_hotkey_coldkey_netuid',
          'get_stake_availability_for_coldkeys',
          'get_stake_fee',
          'get_coldkey_lock',
          'get_hotkey_conviction',
          'get_most_convicted_hotkey_on_subnet',
        ],
      ],
      ['SubnetRegistrationRuntimeApi', ['get_network_registration_cost']],
      [
        'SwapRuntimeApi',
        ['current_alpha_price', 'current_alpha_price_all', 'sim_swap_tao_for_alpha', 'sim_swap_alpha_for_tao'],
      ],
      ['BetaBasketRuntimeApi', ['get_root_basket_owed', 'get_root_basket_positions']],
    ]);
  });

  it('runtime API inputs carry subtensor’s argument names; SubnetInfoRuntimeApi is version 2', () => {
    const inputs = (api: string, method: string) =>
      v15.apis
        .find((a) => a.name === api)
        ?.methods.find((m) => m.name === method)
        ?.inputs.map((i) => i.name);
    expect(inputs('SwapRuntimeApi', 'sim_swap_tao_for_alpha')).toEqual(['netuid', 'tao']);
    expect(inputs('SwapRuntimeApi', 'sim_swap_alpha_for_tao')).toEqual(['netuid', 'alpha']);
    expect(inputs('StakeInfoRuntimeApi', 'get_stake_availability_for_coldkeys')).toEqual([
      'coldkey_accounts',
      'netuids',
    ]);
    expect(inputs('SubnetInfoRuntimeApi', 'get_selective_mechagraph')).toEqual([
      'netuid',
      'subid',
      'metagraph_indexes',
    ]);
    expect(inputs('DelegateInfoRuntimeApi', 'get_delegated')).toEqual(['delegatee_account']);
    const apis = new SubstrateFace(250).runtime.version.json.apis as [string, number][];
    expect(apis).toContainEqual(['0x8375104b299b74c5', 2]);
  });

  it('@polkadot/types reads both versions and resolves a module error by index', () => {
    for (const blob of [blob14, blob15]) {
      const registry = new TypeRegistry();
      const md = new Metadata(registry, blob);
      registry.setMetadata(md);
      const err = registry.findMetaError(new Uint8Array([7, 12]));
      expect(err.section).toBe('subtensorModule');
      expect(err.name).toBe('NotEnoughBalanceToStake');
      expect(md.asLatest.pallets.map((p) => p.name.toString())).toContain('SubtensorModule');
    }
  });
});
