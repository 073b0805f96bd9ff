/**
 * The runtime APIs about transactions: TaggedTransactionQueue (papi asks it before broadcasting)
 * and TransactionPaymentApi (fee quotes; clients send the extrinsic with a zero signature, so the
 * quote never checks it). Both answer from the same rule the pool and blocks use
 * (`validateExtrinsic`, `transactionFee`), through hooks the RPC layer gives the call.
 */
import type { RuntimeErrorInfo } from '@taonet/runtime';
import type { ApiContext, RuntimeApiDef } from './runtime-apis.js';
import { fields, type ScaleType, T, unnamed } from './scale-type.js';
import { DispatchClass, H256, Weight } from './types.js';

/** What the chain tells these APIs about one extrinsic. */
export interface TransactionHooks {
  /** The pool's verdict on `bytes` (signature, era, the runtime's validity rule). */
  validate(bytes: Uint8Array): TxVerdict;
  /** The fee `bytes` would pay with `length` bytes (signature not checked), or the decode error. */
  fee(
    bytes: Uint8Array,
    length: number,
  ): { ok: true; fee: bigint; tip: bigint; pays: boolean } | { ok: false; error: RuntimeErrorInfo };
}

export type TxVerdict =
  | {
      readonly ok: true;
      readonly priority: bigint;
      readonly requires: Uint8Array[];
      readonly provides: Uint8Array[];
      readonly longevity: bigint;
    }
  | { readonly ok: false; readonly error: RuntimeErrorInfo };

const bytes = T.vec(T.u8);
/** The opaque extrinsic (its SCALE form is the length-prefixed bytes). */
const OpaqueExtrinsic = T.composite('sp_runtime::OpaqueExtrinsic', unnamed(bytes));

const TransactionSource = T.variant('sp_runtime::transaction_validity::TransactionSource', [
  { name: 'InBlock', index: 0, fields: [] },
  { name: 'Local', index: 1, fields: [] },
  { name: 'External', index: 2, fields: [] },
]);

const INVALID = [
  'Call',
  'Payment',
  'Future',
  'Stale',
  'BadProof',
  'AncientBirthBlock',
  'ExhaustsResources',
  'Custom',
  'BadMandatory',
  'MandatoryValidation',
  'BadSigner',
  'IndeterminateImplicit',
  'UnknownOrigin',
] as const;
const InvalidTransaction = T.variant(
  'sp_runtime::transaction_validity::InvalidTransaction',
  INVALID.map((name, index) => ({ name, index, fields: name === 'Custom' ? unnamed(T.u8) : [] })),
);
const UnknownTransaction = T.variant('sp_runtime::transaction_validity::UnknownTransaction', [
  { name: 'CannotLookup', index: 0, fields: [] },
  { name: 'NoUnsignedValidator', index: 1, fields: [] },
  { name: 'Custom', index: 2, fields: unnamed(T.u8) },
]);
const TransactionValidityError = T.variant('sp_runtime::transaction_validity::TransactionValidityError', [
  { name: 'Invalid', index: 0, fields: unnamed(InvalidTransaction) },
  { name: 'Unknown', index: 1, fields: unnamed(UnknownTransaction) },
]);
const ValidTransaction = T.composite(
  'sp_runtime::transaction_validity::ValidTransaction',
  fields({
    priority: T.u64,
    requires: T.vec(bytes),
    provides: T.vec(bytes),
    longevity: T.u64,
    propagate: T.bool,
  }),
);
const result = (ok: ScaleType, err: ScaleType): ScaleType =>
  T.variant(
    'Result',
    [
      { name: 'Ok', index: 0, fields: unnamed(ok) },
      { name: 'Err', index: 1, fields: unnamed(err) },
    ],
    [
      { name: 'T', type: ok },
      { name: 'E', type: err },
    ],
  );
const TransactionValidity = result(ValidTransaction, TransactionValidityError);

const RuntimeDispatchInfo = T.composite(
  'pallet_transaction_payment::types::RuntimeDispatchInfo',
  fields({ weight: Weight, class: DispatchClass, partial_fee: T.u64 }),
);
const InclusionFee = T.composite(
  'pallet_transaction_payment::types::InclusionFee',
  fields({ base_fee: T.u64, len_fee: T.u64, adjusted_weight_fee: T.u64 }),
);
const FeeDetails = T.composite(
  'pallet_transaction_payment::types::FeeDetails',
  fields({
    inclusion_fee: T.variant(
      'Option',
      [
        { name: 'None', index: 0, fields: [] },
        { name: 'Some', index: 1, fields: unnamed(InclusionFee) },
      ],
      [{ name: 'T', type: InclusionFee }],
    ),
    tip: T.u64,
  }),
);

/** Taonet's refusal → the nearest Substrate reason (clients show the reason; Taonet's words are in the pool's RPC error). */
const REASON: Readonly<Record<string, (typeof INVALID)[number]>> = {
  StaleNonce: 'Stale',
  FutureNonce: 'Future',
  BadSignature: 'BadProof',
  AncientBirthBlock: 'AncientBirthBlock',
  ExpiredTransaction: 'AncientBirthBlock',
  InsufficientFeeBalance: 'Payment',
  ZeroSigner: 'BadSigner',
  NonCanonicalSigner: 'BadSigner',
  MalformedExtrinsic: 'Call',
  CallDisabled: 'Call',
  BadOrigin: 'BadSigner',
};

const v = (tag: string, value?: unknown) => ({ tag, value });

function validityError(e: RuntimeErrorInfo): unknown {
  const reason = REASON[e.code];
  return v('Invalid', reason === undefined ? v('Custom', 255) : v(reason));
}

const hooksOf = (ctx: ApiContext): TransactionHooks => {
  if (ctx.transactions === undefined) throw new Error('transaction APIs need the chain');
  return ctx.transactions;
};

const ZERO_WEIGHT = { ref_time: 0n, proof_size: 0n };

export const TRANSACTION_APIS: readonly RuntimeApiDef[] = [
  {
    name: 'TaggedTransactionQueue',
    version: 3,
    docs: ['Whether a transaction would enter the pool, and what it requires and provides.'],
    methods: [
      {
        name: 'validate_transaction',
        inputs: fields({ source: TransactionSource, tx: OpaqueExtrinsic, block_hash: H256 }),
        output: TransactionValidity,
        run: (ctx, [, tx]) => {
          const r = hooksOf(ctx).validate(tx as Uint8Array);
          if (!r.ok) return v('Err', validityError(r.error));
          return v('Ok', { ...r, propagate: true });
        },
      },
    ],
  },
  {
    name: 'TransactionPaymentApi',
    version: 4,
    docs: ['The fee an extrinsic pays (its signature is not checked: quotes use a zero one).'],
    methods: [
      {
        name: 'query_info',
        inputs: fields({ uxt: OpaqueExtrinsic, len: T.u32 }),
        output: RuntimeDispatchInfo,
        run: (ctx, [uxt, len]) => {
          const r = hooksOf(ctx).fee(uxt as Uint8Array, len as number);
          if (!r.ok) throw new TransactionApiError(r.error);
          return { weight: ZERO_WEIGHT, class: v('Normal'), partial_fee: r.fee - r.tip };
        },
      },
      {
        name: 'query_fee_details',
        inputs: fields({ uxt: OpaqueExtrinsic, len: T.u32 }),
        output: FeeDetails,
        run: (ctx, [uxt, len]) => {
          const r = hooksOf(ctx).fee(uxt as Uint8Array, len as number);
          if (!r.ok) throw new TransactionApiError(r.error);
          const base = r.fee - r.tip;
          return {
            inclusion_fee: r.pays ? v('Some', { base_fee: base, len_fee: 0n, adjusted_weight_fee: 0n }) : v('None'),
            tip: r.tip,
          };
        },
      },
    ],
  },
];

/** A fee quote for bytes that do not decode: the RPC answers with the typed reason. */
export class TransactionApiError extends Error {
  override readonly name = 'TransactionApiError';
  constructor(readonly error: RuntimeErrorInfo) {
    super(`${error.code}: ${error.explanation}`);
  }
}
