/**
 * The whole Substrate-facing runtime in one value: the pallets (subtensor's names and indices),
 * the outer call/event/error enums built from them, the extrinsic envelope and its transaction
 * extensions, the runtime APIs and the runtime version. Metadata, storage keys and `state_call`
 * are all derived from it.
 */
import { DEFAULT_NETWORK_PARAMS } from '@taonet/runtime';
import { type ErrorIndex, eventRecordType } from './event-records.js';
import type { PalletDef } from './pallet.js';
import { auraPallet } from './pallets/aura.js';
import { balancesPallet } from './pallets/balances.js';
import { commitmentsPallet } from './pallets/commitments.js';
import { mevShieldPallet } from './pallets/mev-shield.js';
import { drandPallet } from './pallets/drand.js';
import { subtensorModulePallet } from './pallets/subtensor-module.js';
import { systemPallet } from './pallets/system.js';
import { adminUtilsPallet } from './pallets/admin-utils.js';
import { palletCallEnum, registeredPallets, RUNTIME_CALL } from '@taonet/primitives/substrate';
import { proxyPallet, utilityPallet } from './pallets/utility-proxy.js';
import { sudoPallet } from './pallets/sudo.js';
import { taonetAdminPallet } from './pallets/taonet-admin.js';
import { timestampPallet } from './pallets/timestamp.js';
import { transactionPaymentPallet } from './pallets/transaction-payment.js';
import { RUNTIME_APIS, type RuntimeApiDef } from './runtime-apis.js';
import { type RuntimeVersion, runtimeVersion } from './runtime-version.js';
import { fields, type ScaleType, T, unnamed } from './scale-type.js';
import { Era, H256, MultiAddress, MultiSignature, option } from './types.js';

/** Block hashes kept in System.BlockHash (subtensor's value; also bounds mortal eras). */
export const BLOCK_HASH_COUNT = 2400;

export interface TransactionExtensionDef {
  readonly identifier: string;
  /** What the extrinsic carries. */
  readonly type: ScaleType;
  /** What the signature covers besides (implicit). */
  readonly additionalSigned: ScaleType;
}

export interface RuntimeDescription {
  readonly pallets: readonly PalletDef[];
  readonly runtimeCall: ScaleType;
  readonly runtimeEvent: ScaleType;
  readonly runtimeError: ScaleType;
  readonly extensions: readonly TransactionExtensionDef[];
  readonly extrinsicType: ScaleType;
  readonly address: ScaleType;
  readonly signature: ScaleType;
  readonly extra: ScaleType;
  readonly runtimeType: ScaleType;
  readonly apis: readonly RuntimeApiDef[];
  readonly version: RuntimeVersion;
  /** Error name → (pallet index, position), for DispatchError::Module. */
  readonly errors: ErrorIndex;
}

const RUNTIME = 'node_subtensor_runtime';

const pathOf = (pallet: string, what: string): string =>
  `${pallet === 'System' ? 'frame_system' : `pallet_${snake(pallet)}`}::pallet::${what}`;

function snake(s: string): string {
  return s === 'SubtensorModule' ? 'subtensor' : s.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase();
}

const empty = (path: string): ScaleType => T.composite(path, []);

/** subtensor's transaction extensions in its order (shared/spec/substrate-face.md §4), without the HEAD-only ones. */
function extensions(): TransactionExtensionDef[] {
  const unit = T.tuple();
  const mode = T.variant('frame_metadata_hash_extension::Mode', [
    { name: 'Disabled', index: 0, fields: [] },
    { name: 'Enabled', index: 1, fields: [] },
  ]);
  return [
    {
      identifier: 'CheckNonZeroSender',
      type: empty('frame_system::extensions::check_non_zero_sender::CheckNonZeroSender'),
      additionalSigned: unit,
    },
    {
      identifier: 'CheckSpecVersion',
      type: empty('frame_system::extensions::check_spec_version::CheckSpecVersion'),
      additionalSigned: T.u32,
    },
    {
      identifier: 'CheckTxVersion',
      type: empty('frame_system::extensions::check_tx_version::CheckTxVersion'),
      additionalSigned: T.u32,
    },
    {
      identifier: 'CheckGenesis',
      type: empty('frame_system::extensions::check_genesis::CheckGenesis'),
      additionalSigned: H256,
    },
    {
      identifier: 'CheckMortality',
      type: T.composite('node_subtensor_runtime::check_mortality::CheckMortality', unnamed(Era)),
      additionalSigned: H256,
    },
    {
      identifier: 'CheckNonce',
      type: T.composite('node_subtensor_runtime::check_nonce::CheckNonce', unnamed(T.compact(T.u32))),
      additionalSigned: unit,
    },
    {
      identifier: 'CheckWeight',
      type: empty('frame_system::extensions::check_weight::CheckWeight'),
      additionalSigned: unit,
    },
    {
      identifier: 'ChargeTransactionPayment',
      type: T.composite('pallet_transaction_payment::ChargeTransactionPayment', unnamed(T.compact(T.u64))),
      additionalSigned: unit,
    },
    {
      identifier: 'SubtensorTransactionExtension',
      type: empty('pallet_subtensor::extensions::SubtensorTransactionExtension'),
      additionalSigned: unit,
    },
    {
      identifier: 'DrandPriority',
      type: empty('pallet_drand::drand_priority::DrandPriority'),
      additionalSigned: unit,
    },
    {
      identifier: 'CheckMetadataHash',
      type: T.composite('frame_metadata_hash_extension::CheckMetadataHash', fields({ mode })),
      additionalSigned: option(T.array(32, T.u8)),
    },
  ];
}

/** Lazy over the pallet list, so that a pallet's own items (System.Events) can refer to it. */
function outerEnum(what: 'Call' | 'Event' | 'Error', pallets: () => readonly PalletDef[]): ScaleType {
  const has = (p: PalletDef) =>
    what === 'Call'
      ? (p.calls?.length ?? 0) > 0
      : what === 'Event'
        ? (p.events?.length ?? 0) > 0
        : (p.errors?.length ?? 0) > 0;
  return T.variant(`${RUNTIME}::Runtime${what}`, () =>
    pallets()
      .filter(has)
      .map((p) => ({ name: p.name, index: p.index, fields: unnamed(palletEnum(what, p)) })),
  );
}

/**
 * Where a Taonet error name sits in the error enums: SubtensorModule first (where subtensor and
 * Taonet raise most of them), then the other pallets in index order.
 */
function errorIndex(pallets: () => readonly PalletDef[]): ErrorIndex {
  let table: Map<string, { index: number; error: number }> | null = null;
  return {
    moduleError: (code) => {
      if (table === null) {
        table = new Map();
        const ordered = [...pallets()].sort((a, b) =>
          a.name === 'SubtensorModule' ? -1 : b.name === 'SubtensorModule' ? 1 : a.index - b.index,
        );
        for (const p of ordered)
          for (const e of p.errors ?? []) if (!table.has(e.name)) table.set(e.name, { index: p.index, error: e.index });
      }
      return table.get(code) ?? null;
    },
  };
}

/** One enum per pallet and kind, cached so the registry sees one type. */
const palletEnums = new WeakMap<PalletDef, Map<string, ScaleType>>();
export function palletEnum(what: 'Call' | 'Event' | 'Error', p: PalletDef): ScaleType {
  let m = palletEnums.get(p);
  if (m === undefined) {
    m = new Map();
    palletEnums.set(p, m);
  }
  let t = m.get(what);
  if (t === undefined && what === 'Call') {
    const table = registeredPallets().find((x) => x.pallet === p.name);
    if (table !== undefined) t = palletCallEnum(table);
  }
  if (t === undefined) {
    const variants =
      what === 'Call'
        ? (p.calls ?? []).map((c) => ({ name: c.name, index: c.index, fields: c.args, docs: c.docs ?? [] }))
        : what === 'Event'
          ? (p.events ?? [])
          : (p.errors ?? []);
    t = T.variant(pathOf(p.name, what), variants, [{ name: 'T', type: null }]);
    m.set(what, t);
  }
  return t;
}

/** The description of this node's runtime; constants that depend on the chain come from its spec. */
export function describeRuntime(opts: { blockTimeMs: number }): RuntimeDescription {
  const apis = RUNTIME_APIS;
  const version = runtimeVersion(apis);
  let pallets: PalletDef[] = [];
  const all = () => pallets;
  const runtimeEvent = outerEnum('Event', all);
  const errors = errorIndex(all);
  pallets = [
    systemPallet(version, BLOCK_HASH_COUNT, eventRecordType(runtimeEvent), errors),
    timestampPallet(opts.blockTimeMs),
    auraPallet(opts.blockTimeMs),
    balancesPallet(DEFAULT_NETWORK_PARAMS.existentialDeposit),
    transactionPaymentPallet(),
    subtensorModulePallet(),
    utilityPallet(),
    sudoPallet(),
    proxyPallet(),
    commitmentsPallet(),
    adminUtilsPallet(),
    drandPallet(),
    mevShieldPallet(),
    taonetAdminPallet(),
  ];
  // The call enum is primitives' (the SDK encodes with the same type objects).
  const runtimeCall = RUNTIME_CALL;
  const exts = extensions();
  const extra = T.tuple(...exts.map((e) => e.type));
  const extrinsicType = T.composite(
    'sp_runtime::generic::unchecked_extrinsic::UncheckedExtrinsic',
    unnamed(T.vec(T.u8)),
    [
      { name: 'Address', type: MultiAddress },
      { name: 'Call', type: runtimeCall },
      { name: 'Signature', type: MultiSignature },
      { name: 'Extra', type: extra },
    ],
  );
  return {
    pallets,
    runtimeCall,
    runtimeEvent,
    runtimeError: outerEnum('Error', all),
    errors,
    extensions: exts,
    extrinsicType,
    address: MultiAddress,
    signature: MultiSignature,
    extra,
    runtimeType: T.composite(`${RUNTIME}::Runtime`, []),
    apis,
    version,
  };
}
