/**
 * The shared SCALE types of the Substrate face, with the paths clients look types up by
 * (scalecodec and cyscale map `sp_core::crypto::AccountId32`, `sp_runtime::multiaddress::
 * MultiAddress`, `sp_runtime::generic::era::Era`, … by path; see shared/spec/substrate-face.md §2).
 */
import { fields, type ScaleType, T, unnamed, type VariantDef } from './scale-type.js';

const bytes32 = T.array(32, T.u8);

/** Must be type id 0: ASI 1.x treats `scale_info::0` as an SS58 account. */
export const AccountId32 = T.composite('sp_core::crypto::AccountId32', unnamed(bytes32));
export const H256 = T.composite('primitive_types::H256', unnamed(bytes32));
export const H160 = T.composite('primitive_types::H160', unnamed(T.array(20, T.u8)));
export const Bytes = T.vec(T.u8);

/** subtensor's newtypes: same bytes as the integer, their own paths. */
export const NetUid = T.composite('subtensor_runtime_common::NetUid', unnamed(T.u16));
/** mecid · 4096 + netuid; Taonet has one mechanism per subnet, so it is the netuid. */
export const NetUidStorageIndex = T.composite('subtensor_runtime_common::NetUidStorageIndex', unnamed(T.u16));
export const TaoBalance = T.composite('subtensor_runtime_common::TaoBalance', unnamed(T.u64));
export const AlphaBalance = T.composite('subtensor_runtime_common::AlphaBalance', unnamed(T.u64));
export const MechId = T.composite('subtensor_runtime_common::MechId', unnamed(T.u8));

/** Fixed-point numbers travel as their raw bits. */
export const U64F64 = T.composite('substrate_fixed::FixedU128', fields({ bits: T.u128 }), [
  { name: 'Frac', type: null },
]);
export const I96F32 = T.composite('substrate_fixed::FixedI128', fields({ bits: T.i128 }), [
  { name: 'Frac', type: null },
]);
/** Same layout and path as I96F32 (the fraction width is not part of the metadata type). */
export const I64F64 = I96F32;
export const I32F32 = T.composite('substrate_fixed::FixedI64', fields({ bits: T.i64 }), [{ name: 'Frac', type: null }]);
export const SafeFloat = T.composite('share_pool::SafeFloat', fields({ mantissa: T.u128, exponent: T.i64 }));

export const MultiAddress = T.variant(
  'sp_runtime::multiaddress::MultiAddress',
  [
    { name: 'Id', index: 0, fields: unnamed(AccountId32) },
    { name: 'Index', index: 1, fields: unnamed(T.compact(T.tuple())) },
    { name: 'Raw', index: 2, fields: unnamed(Bytes) },
    { name: 'Address32', index: 3, fields: unnamed(bytes32) },
    { name: 'Address20', index: 4, fields: unnamed(T.array(20, T.u8)) },
  ],
  [
    { name: 'AccountId', type: AccountId32 },
    { name: 'AccountIndex', type: T.tuple() },
  ],
);

const sig64 = T.array(64, T.u8);
export const MultiSignature = T.variant('sp_runtime::MultiSignature', [
  { name: 'Ed25519', index: 0, fields: unnamed(T.composite('sp_core::ed25519::Signature', unnamed(sig64))) },
  { name: 'Sr25519', index: 1, fields: unnamed(T.composite('sp_core::sr25519::Signature', unnamed(sig64))) },
  {
    name: 'Ecdsa',
    index: 2,
    fields: unnamed(T.composite('sp_core::ecdsa::Signature', unnamed(T.array(65, T.u8)))),
  },
]);

/** Immortal, then Mortal1…Mortal255 (the first byte of a mortal era), each carrying the second byte. */
export const Era = T.variant('sp_runtime::generic::era::Era', () => {
  const vs: VariantDef[] = [{ name: 'Immortal', index: 0, fields: [] }];
  for (let i = 1; i < 256; i++) vs.push({ name: `Mortal${i}`, index: i, fields: unnamed(T.u8) });
  return vs;
});

const simpleEnum = (path: string, names: readonly string[]): ScaleType =>
  T.variant(
    path,
    names.map((name, index) => ({ name, index, fields: [] })),
  );

export const ModuleError = T.composite('sp_runtime::ModuleError', fields({ index: T.u8, error: T.array(4, T.u8) }));

export const DispatchError = T.variant('sp_runtime::DispatchError', [
  { name: 'Other', index: 0, fields: [] },
  { name: 'CannotLookup', index: 1, fields: [] },
  { name: 'BadOrigin', index: 2, fields: [] },
  { name: 'Module', index: 3, fields: unnamed(ModuleError) },
  { name: 'ConsumerRemaining', index: 4, fields: [] },
  { name: 'NoProviders', index: 5, fields: [] },
  { name: 'TooManyConsumers', index: 6, fields: [] },
  {
    name: 'Token',
    index: 7,
    fields: unnamed(
      simpleEnum('sp_runtime::TokenError', [
        'FundsUnavailable',
        'OnlyProvider',
        'BelowMinimum',
        'CannotCreate',
        'UnknownAsset',
        'Frozen',
        'Unsupported',
        'CannotCreateHold',
        'NotExpendable',
        'Blocked',
      ]),
    ),
  },
  {
    name: 'Arithmetic',
    index: 8,
    fields: unnamed(simpleEnum('sp_arithmetic::ArithmeticError', ['Underflow', 'Overflow', 'DivisionByZero'])),
  },
  {
    name: 'Transactional',
    index: 9,
    fields: unnamed(simpleEnum('sp_runtime::TransactionalError', ['LimitReached', 'NoLayer'])),
  },
  { name: 'Exhausted', index: 10, fields: [] },
  { name: 'Corruption', index: 11, fields: [] },
  { name: 'Unavailable', index: 12, fields: [] },
  { name: 'RootNotAllowed', index: 13, fields: [] },
  {
    name: 'Trie',
    index: 14,
    fields: unnamed(
      simpleEnum('sp_runtime::proving_trie::TrieError', [
        'InvalidStateRoot',
        'IncompleteDatabase',
        'ValueAtIncompleteKey',
        'DecoderError',
        'InvalidHash',
        'DuplicateKey',
        'ExtraneousNode',
        'ExtraneousValue',
        'ExtraneousHashReference',
        'InvalidChildReference',
        'ValueMismatch',
        'IncompleteProof',
        'RootMismatch',
        'DecodeError',
      ]),
    ),
  },
]);

export const DispatchResult = T.variant(
  'Result',
  [
    { name: 'Ok', index: 0, fields: unnamed(T.tuple()) },
    { name: 'Err', index: 1, fields: unnamed(DispatchError) },
  ],
  [
    { name: 'T', type: T.tuple() },
    { name: 'E', type: DispatchError },
  ],
);

export const Weight = T.composite(
  'sp_weights::weight_v2::Weight',
  fields({ ref_time: T.compact(T.u64), proof_size: T.compact(T.u64) }),
);

export const DispatchClass = simpleEnum('frame_support::dispatch::DispatchClass', [
  'Normal',
  'Operational',
  'Mandatory',
]);
export const Pays = simpleEnum('frame_support::dispatch::Pays', ['Yes', 'No']);

export const DispatchInfo = T.composite(
  'frame_support::dispatch::DispatchInfo',
  fields({ weight: Weight, class: DispatchClass, pays_fee: Pays }),
);

/** `Option<T>` with scale-info's path, so clients recognise it. */
const options = new Map<ScaleType, ScaleType>();
export function option(of: ScaleType): ScaleType {
  let t = options.get(of);
  if (t === undefined) {
    t = T.variant(
      'Option',
      [
        { name: 'None', index: 0, fields: [] },
        { name: 'Some', index: 1, fields: unnamed(of) },
      ],
      [{ name: 'T', type: of }],
    );
    options.set(of, t);
  }
  return t;
}

/** `BTreeMap<K, V>` as scale-info shows it: a sequence of (key, value) under the path clients map. */
const btreeMaps = new Map<ScaleType, Map<ScaleType, ScaleType>>();
export function btreeMap(k: ScaleType, v: ScaleType): ScaleType {
  let byV = btreeMaps.get(k);
  if (byV === undefined) {
    byV = new Map();
    btreeMaps.set(k, byV);
  }
  let t = byV.get(v);
  if (t === undefined) {
    t = T.composite('BTreeMap', unnamed(T.vec(T.tuple(k, v))), [
      { name: 'K', type: k },
      { name: 'V', type: v },
    ]);
    byV.set(v, t);
  }
  return t;
}
