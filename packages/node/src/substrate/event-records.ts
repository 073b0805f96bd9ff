/**
 * System.Events: a block's results (`BlockResult`, what `taonet_getEvents` serves) as Substrate
 * event records. Block-step events get phase Initialization; each extrinsic's events get
 * ApplyExtrinsic(i) and end with TransactionPayment.TransactionFeePaid and System.ExtrinsicSuccess
 * or ExtrinsicFailed, whose DispatchError::Module names the error by its position in the pallet's
 * error enum.
 *
 * Taonet events with a subtensor equivalent of the same meaning take subtensor's variant and field
 * order; the others (Taonet-only events, and moves whose TAO amount subtensor reports but Taonet's
 * event does not carry) are `SubtensorModule.TaonetEvent { name, data }` with the event's JSON, a
 * variant appended after subtensor's so that subtensor's indices stay where they are.
 */
import { type AccountId, accountToBytes } from '@taonet/primitives';
import type { BlockResult, RuntimeErrorInfo, RuntimeEvent } from '@taonet/runtime';
import { stringify } from '../rpc/json.js';
import { fields, type ScaleType, T, unnamed } from './scale-type.js';
import { H256 } from './types.js';

export const Phase = T.variant('frame_system::Phase', [
  { name: 'ApplyExtrinsic', index: 0, fields: unnamed(T.u32) },
  { name: 'Finalization', index: 1, fields: [] },
  { name: 'Initialization', index: 2, fields: [] },
]);

export function eventRecordType(runtimeEvent: ScaleType): ScaleType {
  return T.composite('frame_system::EventRecord', fields({ phase: Phase, event: runtimeEvent, topics: T.vec(H256) }), [
    { name: 'E', type: runtimeEvent },
    { name: 'T', type: H256 },
  ]);
}

/** What the records need besides the results: each extrinsic's tip (Taonet's fee includes it). */
export interface BlockEvents {
  readonly result: BlockResult;
  readonly tips: readonly bigint[];
}

/** Where an error name sits: a pallet's error enum, or one of DispatchError's own variants. */
export interface ErrorIndex {
  readonly moduleError: (code: string) => { index: number; error: number } | null;
}

type Enc = { tag: string; value: unknown };
const v = (tag: string, value?: unknown): Enc => ({ tag, value });
const acct = (x: unknown): Uint8Array => accountToBytes(x as AccountId);
const hash = (x: unknown): Uint8Array => Uint8Array.from(Buffer.from(String(x).slice(2), 'hex'));
const num = (x: unknown): number => Number(x);
const big = (x: unknown): bigint => BigInt(x as bigint);

/** The mechanism storage index subtensor's weight events carry (mecid × 4096 + netuid). */
const nsi = (d: Readonly<Record<string, unknown>>): number => num(d.mecid ?? 0) * 4096 + num(d.netuid);
const subtensor = (variant: string, value: unknown): Enc => v('SubtensorModule', v(variant, value));

const proxyChange = (d: Readonly<Record<string, unknown>>) => ({
  delegator: acct(d.delegator),
  delegatee: acct(d.delegatee),
  proxy_type: v(String(d.proxyType)),
  delay: num(d.delay),
});

/** Taonet event name → the record's event value, for events whose meaning subtensor shares. */
const MAPPED: Readonly<Record<string, (d: Readonly<Record<string, unknown>>) => Enc>> = {
  Transfer: (d) => v('Balances', v('Transfer', { from: acct(d.from), to: acct(d.to), amount: big(d.amount) })),
  // The second field is the subnet mechanism: 1 (dynamic) for every subnet registered by a call.
  NetworkAdded: (d) => subtensor('NetworkAdded', [num(d.netuid), 1]),
  NetworkRemoved: (d) => subtensor('NetworkRemoved', num(d.netuid)),
  StakeAdded: (d) =>
    subtensor('StakeAdded', [acct(d.coldkey), acct(d.hotkey), big(d.tao), big(d.alpha), num(d.netuid), big(d.fee)]),
  StakeRemoved: (d) =>
    subtensor('StakeRemoved', [acct(d.coldkey), acct(d.hotkey), big(d.tao), big(d.alpha), num(d.netuid), big(d.fee)]),
  WeightsSet: (d) => subtensor('WeightsSet', [num(d.netuid), num(d.uid)]),
  NeuronRegistered: (d) => subtensor('NeuronRegistered', [num(d.netuid), num(d.uid), acct(d.hotkey)]),
  AxonServed: (d) => subtensor('AxonServed', [num(d.netuid), acct(d.hotkey)]),
  TakeIncreased: (d) => subtensor('TakeIncreased', [acct(d.coldkey), acct(d.hotkey), num(d.take)]),
  TakeDecreased: (d) => subtensor('TakeDecreased', [acct(d.coldkey), acct(d.hotkey), num(d.take)]),
  SubnetIdentitySet: (d) => subtensor('SubnetIdentitySet', num(d.netuid)),
  SymbolUpdated: (d) =>
    subtensor('SymbolUpdated', { netuid: num(d.netuid), symbol: new TextEncoder().encode(String(d.symbol)) }),
  FirstEmissionBlockNumberSet: (d) => subtensor('FirstEmissionBlockNumberSet', [num(d.netuid), big(d.block)]),
  WeightsCommitted: (d) => subtensor('WeightsCommitted', [acct(d.hotkey), num(d.netuid), hash(d.hash)]),
  WeightsRevealed: (d) => subtensor('WeightsRevealed', [acct(d.hotkey), num(d.netuid), hash(d.hash)]),
  TimelockedWeightsCommitted: (d) =>
    subtensor('TimelockedWeightsCommitted', [acct(d.hotkey), nsi(d), hash(d.hash), big(d.revealRound)]),
  TimelockedWeightsRevealed: (d) => subtensor('TimelockedWeightsRevealed', [nsi(d), acct(d.hotkey)]),
  Commitment: (d) => v('Commitments', v('Commitment', { netuid: num(d.netuid), who: acct(d.who) })),
  TimelockCommitment: (d) =>
    v(
      'Commitments',
      v('TimelockCommitment', { netuid: num(d.netuid), who: acct(d.who), reveal_round: big(d.revealRound) }),
    ),
  CommitmentRevealed: (d) => v('Commitments', v('CommitmentRevealed', { netuid: num(d.netuid), who: acct(d.who) })),
  NewPulse: (d) => v('Drand', v('NewPulse', { rounds: (d.rounds as bigint[]).map(big) })),
  RootClaimed: (d) => subtensor('RootClaimed', { coldkey: acct(d.coldkey) }),
  AdminFreezeWindowSet: (d) => subtensor('AdminFreezeWindowSet', num(d.window)),
  OwnerHyperparamRateLimitSet: (d) => subtensor('OwnerHyperparamRateLimitSet', num(d.epochs)),
  // bittensor 10.5 requires this record in the carrier's events before it looks for the inner.
  EncryptedSubmitted: (d) => v('MevShield', v('EncryptedSubmitted', { id: hash(d.id), who: acct(d.who) })),
  Announced: (d) =>
    v('Proxy', v('Announced', { real: acct(d.real), proxy: acct(d.proxy), call_hash: hash(d.callHash) })),
  ProxyAdded: (d) => v('Proxy', v('ProxyAdded', proxyChange(d))),
  ProxyRemoved: (d) => v('Proxy', v('ProxyRemoved', proxyChange(d))),
  RootClaimTypeSet: (d) =>
    subtensor('RootClaimTypeSet', {
      coldkey: acct(d.coldkey),
      root_claim_type: v(d.type === 'keep' ? 'Keep' : 'Swap', undefined),
    }),
};

/** Taonet's own per-extrinsic events, which the System and TransactionPayment records replace. */
const OUTCOME = new Set(['ExtrinsicSuccess', 'ExtrinsicFailed']);

export const TAONET_EVENT_VARIANT = 'TaonetEvent';

/** Sudo's events, whose inner result is a DispatchResult (clients read an Err as a failure). */
function sudoEvent(e: RuntimeEvent, errors: ErrorIndex): Enc | undefined {
  const d = e.data;
  const result = (): Enc => {
    const r = d.sudoResult as 'ok' | { error: RuntimeErrorInfo };
    return r === 'ok' ? v('Ok', []) : v('Err', dispatchError(r.error, errors));
  };
  switch (e.name) {
    case 'Sudid':
    case 'SudoAsDone':
      return v('Sudo', v(e.name, { sudo_result: result() }));
    case 'KeyChanged':
      return v('Sudo', v('KeyChanged', { old: d.old === null ? v('None') : v('Some', acct(d.old)), new: acct(d.new) }));
    case 'KeyRemoved':
      return v('Sudo', v('KeyRemoved'));
    default:
      return undefined;
  }
}

function eventValue(e: RuntimeEvent, errors: ErrorIndex): Enc {
  const sudo = sudoEvent(e, errors);
  if (sudo !== undefined) return sudo;
  if (e.name === 'ProxyExecuted') {
    const r = e.data.result as 'ok' | { error: RuntimeErrorInfo };
    return v(
      'Proxy',
      v('ProxyExecuted', { result: r === 'ok' ? v('Ok', []) : v('Err', dispatchError(r.error, errors)) }),
    );
  }
  const map = MAPPED[e.name];
  if (map !== undefined) return map(e.data);
  return subtensor(TAONET_EVENT_VARIANT, {
    name: new TextEncoder().encode(e.name),
    data: new TextEncoder().encode(stringify(e.data)),
  });
}

const ZERO_WEIGHT = { ref_time: 0n, proof_size: 0n };

function dispatchError(err: RuntimeErrorInfo | undefined, errors: ErrorIndex): Enc {
  if (err === undefined) return v('Other');
  if (err.code === 'BadOrigin') return v('BadOrigin');
  const m = errors.moduleError(err.code);
  if (m === null) return v('Other');
  return v('Module', { index: m.index, error: new Uint8Array([m.error, 0, 0, 0]) });
}

/** The block's event records, as the codec value of Vec<EventRecord>. */
export function eventRecords(block: BlockEvents, errors: ErrorIndex): unknown[] {
  const out: unknown[] = [];
  const record = (phase: Enc, event: Enc) => out.push({ phase, event, topics: [] });
  for (const e of block.result.events) record(v('Initialization'), eventValue(e, errors));
  block.result.extrinsics.forEach((x, i) => {
    const phase = v('ApplyExtrinsic', i);
    const outcome = x.events.find((e) => OUTCOME.has(e.name));
    for (const e of x.events) if (!OUTCOME.has(e.name)) record(phase, eventValue(e, errors));
    const signer = outcome?.data.signer;
    if (signer !== undefined && x.fee > 0n) {
      record(
        phase,
        v(
          'TransactionPayment',
          v('TransactionFeePaid', { who: acct(signer), actual_fee: x.fee, tip: block.tips[i] ?? 0n }),
        ),
      );
    }
    // An inherent (no signer) is Mandatory, as Substrate classes the author's own extrinsics.
    const info = {
      weight: ZERO_WEIGHT,
      class: v(signer === undefined ? 'Mandatory' : 'Normal'),
      pays_fee: v(x.fee > 0n ? 'Yes' : 'No'),
    };
    record(
      phase,
      x.ok
        ? v('System', v('ExtrinsicSuccess', { dispatch_info: info }))
        : v('System', v('ExtrinsicFailed', { dispatch_error: dispatchError(x.error, errors), dispatch_info: info })),
    );
  });
  return out;
}
