/**
 * Invariants that must hold after every block. Tests and the dev node check them; a violation is a
 * bug, reported with what was expected and what was found.
 */
import { type AccountId, MAX_TAO_SUPPLY } from '@taonet/primitives';
import { Accounts, GenesisIssuance, TotalIssuance, TotalMinted, TotalRecycled } from './balances/storage.js';
import type { State } from './state/state.js';
import { stakeOf } from './staking/stake-pool-state.js';
import { StakeShares, TotalHotkeyAlpha } from './staking/storage.js';
import {
  Netuids,
  PendingOwnerCut,
  PendingRootAlphaDivs,
  PendingServerEmission,
  PendingValidatorEmission,
} from './subnets/storage.js';
import { SubnetAccountTao, SubnetAlphaBurned, SubnetAlphaOut, SubnetProtocolAlpha, SubnetTao } from './swap/storage.js';

/** Items holding signed quantities (flows and their EMAs). */
const SIGNED_ITEMS = new Set(['subnets.taoFlow', 'subnets.protocolFlow', 'subnets.flowEma', 'subnets.protocolFlowEma']);

function negativeIn(v: unknown): boolean {
  if (typeof v === 'bigint') return v < 0n;
  if (typeof v === 'number') return v < 0;
  if (v instanceof BigInt64Array) return v.some((x) => x < 0n);
  if (Array.isArray(v)) return v.some(negativeIn);
  // A SafeFloat's exponent is a scale, not an amount: only its mantissa must be non-negative.
  if (v !== null && typeof v === 'object' && 'mantissa' in v && 'exponent' in v) return negativeIn(v.mantissa);
  if (v !== null && typeof v === 'object' && !ArrayBuffer.isView(v)) return Object.values(v).some(negativeIn);
  return false;
}

export function checkInvariants(s: State): string[] {
  const problems: string[] = [];
  const issuance = s.value(TotalIssuance);
  let held = 0n;
  for (const [, acc] of s.entries(Accounts)) held += acc?.free ?? 0n;
  const netuids = s.value(Netuids);
  for (const n of netuids) held += s.get(SubnetTao, n) + s.get(SubnetAccountTao, n);
  if (held !== issuance) problems.push(`TAO: issuance ${issuance} but holdings ${held} (diff ${issuance - held})`);
  if (issuance > MAX_TAO_SUPPLY) problems.push(`TAO: issuance ${issuance} above the cap`);
  const expected = s.value(GenesisIssuance) + s.value(TotalMinted) - s.value(TotalRecycled);
  if (expected !== issuance) problems.push(`TAO: genesis + minted − recycled = ${expected}, issuance ${issuance}`);

  for (const [item, key, value] of s.allEntries()) {
    if (!SIGNED_ITEMS.has(item) && negativeIn(value)) problems.push(`negative amount in ${item}[${key}]`);
  }

  // Stake pools: what nominators can withdraw never exceeds the pool, and misses at most dust.
  const holders = new Map<string, { hotkey: AccountId; netuid: number; coldkeys: AccountId[] }>();
  for (const [k] of s.entries(StakeShares)) {
    const [hotkey, coldkey, n] = k.split('/') as [AccountId, AccountId, string];
    const pool = `${hotkey}/${n}`;
    const e = holders.get(pool) ?? { hotkey, netuid: Number(n), coldkeys: [] };
    e.coldkeys.push(coldkey);
    holders.set(pool, e);
  }
  const stakedPerSubnet = new Map<number, bigint>();
  for (const [key, total] of s.entries(TotalHotkeyAlpha)) {
    const [hotkey, n] = key.split('/') as [AccountId, string];
    const netuid = Number(n);
    stakedPerSubnet.set(netuid, (stakedPerSubnet.get(netuid) ?? 0n) + total);
    const e = holders.get(key);
    const sum = e === undefined ? 0n : e.coldkeys.reduce((a, c) => a + stakeOf(s, hotkey, c, netuid), 0n);
    const slack = BigInt(e?.coldkeys.length ?? 0) + total / 10n ** 15n;
    if (sum > total) problems.push(`stake pool ${key}: holders own ${sum} > pool ${total}`);
    else if (total - sum > slack + 1n && e !== undefined) problems.push(`stake pool ${key}: ${total - sum} alpha owned by nobody`);
  }
  for (const n of netuids) {
    const claimed =
      (stakedPerSubnet.get(n) ?? 0n) +
      s.get(PendingServerEmission, n) +
      s.get(PendingValidatorEmission, n) +
      s.get(PendingRootAlphaDivs, n) +
      s.get(PendingOwnerCut, n) +
      s.get(SubnetProtocolAlpha, n) +
      s.get(SubnetAlphaBurned, n);
    const out = s.get(SubnetAlphaOut, n);
    if (n !== 0 && claimed > out) problems.push(`subnet ${n}: stake + pending + protocol ${claimed} > alpha out ${out}`);
  }
  return problems;
}

