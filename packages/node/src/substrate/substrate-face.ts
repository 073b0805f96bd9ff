/**
 * The Substrate face of one chain: its runtime description, metadata, storage index and runtime
 * APIs, built once per chain (constants depend on its spec), plus the storage context of a block.
 */
import { fromHex, isBare } from '@taonet/primitives';
import type { Chain } from '../chain/chain.js';
import { digestOf } from '../codec/block.js';
import { decodeBlockExtrinsicOrReject } from '../chain/transaction-checks.js';
import { HistoricalState } from '../storage/historical-state.js';
import type { BlockEvents } from './event-records.js';
import { buildMetadata, type BuiltMetadata, METADATA_VERSIONS } from './metadata.js';
import type { StorageContext } from './pallet.js';
import type { ApiContext, ApiMethodDef } from './runtime-apis.js';
import type { TransactionHooks } from './transaction-apis.js';
import { describeRuntime, type RuntimeDescription } from './runtime-description.js';
import { codecOf, type ScaleType, T } from './scale-type.js';
import { StorageIndex } from './storage-keys.js';

export class RuntimeApiError extends Error {
  override readonly name = 'RuntimeApiError';
  constructor(
    readonly code: 'UnknownRuntimeApi' | 'BadRuntimeApiArgs',
    explanation: string,
    readonly hint?: string,
  ) {
    super(explanation);
  }
}

export class SubstrateFace {
  readonly runtime: RuntimeDescription;
  readonly storage: StorageIndex;
  private built: BuiltMetadata | null = null;
  private readonly methods = new Map<string, ApiMethodDef>();
  private readonly argCodecs = new Map<string, ReturnType<typeof codecOf>>();

  constructor(blockTimeMs: number) {
    this.runtime = describeRuntime({ blockTimeMs });
    this.storage = new StorageIndex(this.runtime.pallets);
    for (const api of this.runtime.apis) {
      for (const m of api.methods) {
        const name = `${api.name}_${m.name}`;
        this.methods.set(name, m);
        this.argCodecs.set(name, codecOf(T.tuple(...m.inputs.map((f) => f.type))));
      }
    }
  }

  /** Metadata blobs (magic ‖ version ‖ body), built on first use (about 0.1 s). */
  get metadata(): BuiltMetadata {
    this.built ??= buildMetadata(this.runtime);
    return this.built;
  }

  metadataAt(version: number): Uint8Array | null {
    if (version === 14) return this.metadata.v14;
    if (version === 15) return this.metadata.v15;
    return null;
  }

  /** Runs `<Api>_<method>` on SCALE args; returns the SCALE result. */
  call(name: string, args: Uint8Array, storage: StorageContext, transactions?: TransactionHooks): Uint8Array {
    const m = this.methods.get(name);
    const codec = this.argCodecs.get(name);
    if (m === undefined || codec === undefined) {
      throw new RuntimeApiError(
        'UnknownRuntimeApi',
        `Exported method ${name} is not found`,
        `this node serves: ${[...this.methods.keys()].join(', ')}`,
      );
    }
    let decoded: unknown[];
    try {
      // A fresh copy: scale-ts decoders read from the start of the underlying buffer.
      const d = codec.dec(new Uint8Array(args));
      decoded = m.inputs.length === 0 ? [] : (d as unknown[]);
      // The args must be exactly consumed: re-encoding gives the same length.
      if (codec.enc(d as never).length !== args.length) throw new Error('trailing bytes');
    } catch (e) {
      throw new RuntimeApiError(
        'BadRuntimeApiArgs',
        `cannot decode the arguments of ${name}: ${(e as Error).message}`,
        `expected SCALE of (${m.inputs.map((f) => f.name ?? '_').join(', ')})`,
      );
    }
    const ctx: ApiContext = {
      storage,
      metadata: (v) => this.metadataAt(v),
      metadataVersions: METADATA_VERSIONS,
      version: this.runtime.version.scale,
      ...(transactions === undefined ? {} : { transactions }),
    };
    return codecOf(m.output as ScaleType).enc(m.run(ctx, decoded) as never);
  }
}

const faces = new WeakMap<Chain, SubstrateFace>();

export function faceOf(chain: Chain): SubstrateFace {
  let f = faces.get(chain);
  if (f === undefined) {
    f = new SubstrateFace(chain.spec.blockTimeMs);
    faces.set(chain, f);
  }
  return f;
}

/** Hash (bytes) of block `n` of the chain, or null. */
export function blockHashBytes(chain: Chain, n: bigint): Uint8Array | null {
  if (n === chain.head.number) return fromHex(chain.headHash);
  if (n > chain.head.number || n < 0n) return null;
  const next = chain.store.blockByNumber(n + 1n);
  return next === null ? null : fromHex(next.header.parentHash);
}

/** A block's results and each extrinsic's tip, for System.Events. */
export function blockEvents(chain: Chain, n: bigint): BlockEvents | null {
  const result = chain.store.resultByNumber(n);
  const block = chain.store.blockByNumber(n);
  if (result === null || block === null) return null;
  return {
    result,
    tips: block.extrinsics.map((x) => {
      const d = decodeBlockExtrinsicOrReject(x);
      return isBare(d) ? 0n : d.tip;
    }),
  };
}

/** The storage context at the head. */
export function headContext(chain: Chain): StorageContext {
  return contextAtNumber(chain, chain.head.number);
}

/** The storage context at block `n` (the head's state, or a read-only view of the state history). */
export function contextAtNumber(chain: Chain, n: bigint): StorageContext {
  return {
    state: n === chain.head.number ? chain.state : new HistoricalState(chain.store, n),
    number: n,
    blockHash: (b) => blockHashBytes(chain, b),
    blockEvents: (b) => blockEvents(chain, b),
    blockDigest: (b) => {
      const block = chain.store.blockByNumber(b);
      return block === null ? [] : digestOf({ ...block.header, seal: null });
    },
  };
}
