/**
 * The localnet setup's chain client over an in-process runtime: every write is one block with one
 * extrinsic (after the dev beacon's pulse inherent when a round is due), applied by the runtime's
 * `BlockBuilder` as a dev node does; blocks in between are empty. It builds the same calls
 * and limit prices as the SDK's `Subtensor`, without the node, the pool or the network, so a test
 * can run thousands of blocks in seconds.
 */
import { dueRounds } from '@taonet/node';
import { type AccountId, accountFromBytes, blake2b256, devBeaconPulse } from '@taonet/primitives';
import {
  type applyBlock,
  BlockBuilder,
  type Call,
  currentPrice,
  type ExtrinsicResult,
  freeBalance,
  type GenesisConfig,
  genesisState,
  nonceOf,
  type State,
  storage,
  views,
} from '@taonet/runtime';
import { type Signer, ss58Decode, Tao, toHex, type TxResult } from '@taonet/sdk';
import type { SetupClient } from '../../src/localnet/setup.js';

const TOLERANCE_SCALE = 1_000_000n;

export class RuntimeClient implements SetupClient {
  readonly state: State;
  private parentHash = `0x${'0'.repeat(64)}`;

  constructor(
    genesis: GenesisConfig,
    private readonly author: AccountId,
  ) {
    this.state = genesisState(genesis);
  }

  get block(): bigint {
    return this.state.value(storage.BlockNumber);
  }

  /** Applies `n` empty blocks. */
  run(n: number): void {
    for (let i = 0; i < n; i++) this.apply([]);
  }

  private apply(xs: Parameters<typeof applyBlock>[1]['extrinsics']): ExtrinsicResult[] {
    const number = this.block + 1n;
    const timestamp = number * 250n;
    const builder = new BlockBuilder(this.state, {
      number,
      parentHash: this.parentHash,
      author: this.author,
      timestamp,
    });
    let r: ReturnType<BlockBuilder['finish']>;
    try {
      // The author's pulse inherent, as a dev node writes it: the dev beacon's rounds due by now.
      const due = dueRounds(this.state, timestamp);
      if (due !== null) {
        const pulses = [];
        for (let round = due.from; round <= due.to; round++) pulses.push(devBeaconPulse(round));
        builder.applyInherent({ method: 'write_pulse', args: { pulses } });
      }
      for (const x of xs) {
        const pushed = builder.push(x);
        if (!pushed.included) builder.results.push({ ok: false, fee: 0n, events: [], error: pushed.error });
      }
      r = builder.finish();
    } catch (e) {
      builder.abort();
      throw e;
    }
    // Stand-in for the header hash: deterministic and different every block (root auto-claims
    // draw their coldkeys from it).
    this.parentHash = toHex(blake2b256(new TextEncoder().encode(`block ${number}`)));
    return r.extrinsics;
  }

  /** Submits one call in its own block, like the SDK waiting for inclusion. */
  async submit(signer: Signer, call: Call): Promise<TxResult> {
    return this.include(signer, call);
  }

  private include(signer: Signer, call: Call): TxResult {
    const who = accountFromBytes(signer.publicKey);
    const r = this.apply([{ signer: who, nonce: nonceOf(this.state, who), call, length: 120 }]).at(-1);
    if (r === undefined) throw new Error('the block did not include the extrinsic');
    const events = r.events.map((e) => ({ name: e.name, data: e.data as Record<string, unknown> }));
    return r.error === undefined
      ? { ok: true, stage: 'block', events, fee: new Tao(r.fee) }
      : {
          ok: false,
          stage: 'block',
          code: r.error.code,
          explanation: r.error.explanation,
          ...(r.error.hint === undefined ? {} : { hint: r.error.hint }),
          events,
        };
  }

  async balance(address: string): Promise<Tao> {
    return new Tao(freeBalance(this.state, account(address)));
  }

  async transfer(signer: Signer, dest: string, amount: Tao): Promise<TxResult> {
    return this.include(signer, { method: 'transfer', args: { dest: account(dest), amount: amount.rao } });
  }

  async registerNetwork(signer: Signer, hotkey: string, identity?: Record<string, string>): Promise<TxResult> {
    return this.include(signer, {
      method: 'register_network',
      args: { hotkey: account(hotkey), ...(identity === undefined ? {} : { identity }) },
    });
  }

  async startCall(signer: Signer, netuid: number): Promise<TxResult> {
    return this.include(signer, { method: 'start_call', args: { netuid } });
  }

  async setHyperparameter(signer: Signer, netuid: number, name: string, value: boolean | bigint): Promise<TxResult> {
    return this.include(signer, { method: 'set_hyperparameter', args: { netuid, name, value } });
  }

  async uidOf(netuid: number, hotkey: string): Promise<number | null> {
    return this.state.get(storage.Uids, [netuid, account(hotkey)]);
  }

  async register(signer: Signer, netuid: number, hotkey: string): Promise<TxResult> {
    return this.include(signer, { method: 'burned_register', args: { netuid, hotkey: account(hotkey) } });
  }

  async registrationPrices(): Promise<{ network: Tao }> {
    return { network: new Tao(views.registrationPrices(this.state, this.block).network) };
  }

  /** Rao per alpha at the current spot price. */
  spotRao(netuid: number): bigint {
    return (currentPrice(this.state, netuid) * 1_000_000_000n) >> 64n;
  }

  async addStake(
    signer: Signer,
    a: { hotkey: string; netuid: number; amount: Tao; tolerance: number; allowPartial?: boolean },
  ): Promise<{ result: TxResult; limitPrice: bigint }> {
    const limitPrice =
      (this.spotRao(a.netuid) * (TOLERANCE_SCALE + BigInt(Math.round(a.tolerance * 1e6)))) / TOLERANCE_SCALE;
    const result = this.include(signer, {
      method: 'add_stake',
      args: {
        hotkey: account(a.hotkey),
        netuid: a.netuid,
        amount: a.amount.rao,
        limitPrice,
        allowPartial: a.allowPartial ?? false,
      },
    });
    return { result, limitPrice };
  }
}

function account(address: string): AccountId {
  return accountFromBytes(ss58Decode(address).publicKey);
}
