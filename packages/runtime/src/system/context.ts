/**
 * What a call or a block step sees: the state, the block it runs in, and a sink for events. The
 * block number, author and parent hash come from the block header; there is no other clock or
 * source of randomness.
 */
import type { AccountId } from '@taonet/primitives';
import type { NetworkParams } from '../params/network-params.js';
import { Params } from '../params/storage.js';
import type { State } from '../state/state.js';
import type { Call } from './call.js';
import type { RuntimeEvent } from './events.js';

export interface BlockInfo {
  readonly number: bigint;
  readonly parentHash: string;
  /** Receives transaction fees and swap fees; null burns them. */
  readonly author: AccountId | null;
  /** Milliseconds since the epoch, from the block header. */
  readonly timestamp: bigint;
  /** The Aura slot from the header's digest (the MEV shield's key rotation needs it). */
  readonly slot?: bigint;
  /** The consensus authorities in order (slot mod n names the author), from the chain spec. */
  readonly authorities?: readonly AccountId[];
}

/** A restriction on the calls a dispatch may make (a proxy's type, batch_all's no-nesting rule). */
export type CallFilter = (call: Call) => boolean;

export class Ctx {
  readonly events: RuntimeEvent[] = [];
  /** Filters of the dispatches in progress: a nested call (in a batch or a proxy) must pass them all. */
  readonly callFilters: CallFilter[] = [];
  /** True while a call runs with Root origin (dispatched by Sudo); `block/dispatch.ts` sets it. */
  root = false;
  constructor(
    readonly state: State,
    readonly block: BlockInfo,
  ) {}

  get params(): NetworkParams {
    return this.state.value(Params);
  }

  get now(): bigint {
    return this.block.number;
  }

  emit(e: RuntimeEvent): void {
    this.events.push(e);
  }
}
