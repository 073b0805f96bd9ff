/**
 * Runtime APIs served over `state_call("<Api>_<method>", SCALE args)`. Each method declares its
 * inputs and output type (they go into the V15 metadata) and computes its answer from the node's
 * state or the metadata; no business rule lives here.
 */
import { storage } from '@taonet/runtime';
import { acct, type StorageContext } from './pallet.js';
import { type Field, fields, type ScaleType, T } from './scale-type.js';
import { RuntimeVersionType } from './runtime-version.js';
import { SUBTENSOR_RUNTIME_APIS } from './subtensor-runtime-apis.js';
import { TRANSACTION_APIS, type TransactionHooks } from './transaction-apis.js';
import { AccountId32, option } from './types.js';

/** What a runtime API call can see. */
export interface ApiContext {
  readonly storage: StorageContext;
  /** The versioned metadata blob (magic ‖ version ‖ body), or null for an unknown version. */
  readonly metadata: (version: number) => Uint8Array | null;
  readonly metadataVersions: readonly number[];
  /** The runtime version (the codec value of RuntimeVersionType). */
  readonly version: unknown;
  /** The pool's rule and the fee rule, for the transaction APIs (absent: those APIs refuse). */
  readonly transactions?: TransactionHooks;
}

export interface ApiMethodDef {
  readonly name: string;
  readonly inputs: readonly Field[];
  readonly output: ScaleType;
  readonly docs?: readonly string[];
  /** Decoded inputs in order → the output's codec value. */
  readonly run: (ctx: ApiContext, args: readonly unknown[]) => unknown;
}

export interface RuntimeApiDef {
  readonly name: string;
  /** The version announced in the runtime version's `apis`. */
  readonly version: number;
  readonly docs?: readonly string[];
  readonly methods: readonly ApiMethodDef[];
}

/** Opaque metadata: a Vec<u8> under its own path (a bare `Vec<u8>` output would take ASI's legacy decoder). */
export const OpaqueMetadata = T.composite('sp_core::OpaqueMetadata', [{ type: T.vec(T.u8) }]);

const CORE_APIS: readonly RuntimeApiDef[] = [
  {
    name: 'Core',
    version: 5,
    docs: ['The runtime’s version.'],
    methods: [{ name: 'version', inputs: [], output: RuntimeVersionType, run: (ctx) => ctx.version }],
  },
  {
    name: 'Metadata',
    version: 2,
    docs: ['The runtime metadata, in each version the node serves.'],
    methods: [
      {
        name: 'metadata',
        inputs: [],
        output: OpaqueMetadata,
        run: (ctx) => ctx.metadata(14),
      },
      {
        name: 'metadata_at_version',
        inputs: fields({ version: T.u32 }),
        output: option(OpaqueMetadata),
        run: (ctx, [v]) => {
          const m = ctx.metadata(v as number);
          return m === null ? { tag: 'None', value: undefined } : { tag: 'Some', value: m };
        },
      },
      {
        name: 'metadata_versions',
        inputs: [],
        output: T.vec(T.u32),
        run: (ctx) => [...ctx.metadataVersions],
      },
    ],
  },
  {
    name: 'AccountNonceApi',
    version: 1,
    docs: ['The nonce of an account (transactions in the pool not counted).'],
    methods: [
      {
        name: 'account_nonce',
        inputs: fields({ account: AccountId32 }),
        output: T.u32,
        run: (ctx, [who]) => Number(ctx.storage.state.get(storage.Accounts, acct(who))?.nonce ?? 0n),
      },
    ],
  },
];

/** Every runtime API the node serves, in the order of the V15 metadata and the runtime version. */
export const RUNTIME_APIS: readonly RuntimeApiDef[] = [...CORE_APIS, ...TRANSACTION_APIS, ...SUBTENSOR_RUNTIME_APIS];
