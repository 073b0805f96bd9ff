/**
 * `Subtensor`: the typed client for a Taonet node. One managed WebSocket connection (reconnects
 * and resubscribes on its own), a deadline on every call, typed amounts (`Tao`, `Alpha`), stake
 * calls that send a limit price from a quote, and writes that return a `TxResult` explaining any
 * failure — checked before anything is paid where the node can tell (a dry run).
 *
 * Each method binds one action of `client/actions/<name>.ts`, where its types, example and logic
 * live; the class keeps the connection and the pending weight commits.
 *
 * @example
 * const st = await Subtensor.connect('ws://127.0.0.1:9944');
 * const alice = keypairSigner(keypairFromUri('//Alice'));
 * const r = await st.transfer(alice, bobAddress, Tao.of('1.5'));
 * if (!r.ok) console.log(r.code, r.explanation, r.hint);
 */
import type { HyperparameterReply } from '@taonet/primitives';
import type { Alpha, Tao } from '../units/balance.js';
import * as act from './actions/index.js';
import type { PendingCommit } from './actions/commit-weights.js';
import type { StakeOptions } from './actions/stake-quote.js';
import type { ChainClient } from './chain-client.js';
import { JsonRpcClient, type JsonRpcOptions } from './json-rpc.js';
import type { Signer } from './signer.js';
import { type CallSpec, type SubmitOptions, submit } from './submit.js';
import type { AccountInfo, StakeQuote, SubnetInfo, TxResult } from './types.js';

export type { PendingCommit } from './actions/commit-weights.js';
export type { StakeOptions } from './actions/stake-quote.js';
export type { SubmitOptions } from './submit.js';

export class Subtensor implements ChainClient {
  /** Commits made by `submitWeights` that still wait for their reveal, by commit hash. */
  readonly pendingCommits = new Map<string, PendingCommit>();

  private constructor(
    readonly rpc: JsonRpcClient,
    readonly url: string,
    readonly genesisHash: string,
    readonly chain: string,
  ) {}

  /** Connects to a node (ws:// URL, default the local dev node). */
  static async connect(url = 'ws://127.0.0.1:9944', opts: Partial<JsonRpcOptions> = {}): Promise<Subtensor> {
    const rpc = new JsonRpcClient(url, opts);
    await rpc.connect();
    const [genesis, chain] = await Promise.all([rpc.call('chain_getGenesisHash'), rpc.call('system_chain')]);
    return new Subtensor(rpc, url, genesis as string, chain as string);
  }

  close(): void {
    this.rpc.close();
  }

  /** Raw access to any RPC method. */
  call(method: string, params: readonly unknown[] = []): Promise<unknown> {
    return this.rpc.call(method, params);
  }

  // ---- reads ---------------------------------------------------------------------------------

  head(): Promise<act.HeadResult> {
    return act.head(this);
  }

  /** Follows new heads; returns an unsubscribe function. */
  onNewHead(cb: act.OnNewHeadParameters): Promise<act.OnNewHeadResult> {
    return act.onNewHead(this, cb);
  }

  accountInfo(address: string): Promise<AccountInfo> {
    return act.accountInfo(this, address);
  }

  balance(address: string): Promise<Tao> {
    return act.balance(this, address);
  }

  subnets(): Promise<SubnetInfo[]> {
    return act.subnets(this);
  }

  subnet(netuid: number): Promise<SubnetInfo | null> {
    return act.subnet(this, netuid);
  }

  hyperparameters(netuid: number): Promise<HyperparameterReply[] | null> {
    return act.hyperparameters(this, netuid);
  }

  hyperparameter<T = unknown>(netuid: number, name: string): Promise<T | undefined> {
    return act.hyperparameter<T>(this, { netuid, name });
  }

  registrationPrices(): Promise<act.RegistrationPricesResult> {
    return act.registrationPrices(this);
  }

  nextAllowed(netuid: number, hotkey: string): Promise<act.NextAllowedResult> {
    return act.nextAllowed(this, { netuid, hotkey });
  }

  uidOf(netuid: number, hotkey: string): Promise<number | null> {
    return act.uidOf(this, { netuid, hotkey });
  }

  /** Quotes a stake of `amount` TAO into `netuid` and the limit price for `tolerance`. */
  quoteStake(netuid: number, amount: Tao, opts: StakeOptions = {}): Promise<StakeQuote> {
    return act.quoteStake(this, { ...opts, netuid, amount });
  }

  /** Quotes an unstake of `amount` alpha from `netuid`. */
  quoteUnstake(netuid: number, amount: Alpha, opts: StakeOptions = {}): Promise<StakeQuote> {
    return act.quoteUnstake(this, { ...opts, netuid, amount });
  }

  // ---- writes --------------------------------------------------------------------------------

  /** Signs and submits a call; resolves with what happened to it. */
  submit(signer: Signer, call: CallSpec, o: SubmitOptions = {}): Promise<TxResult> {
    return submit(this, signer, call, o);
  }

  transfer(signer: Signer, dest: string, amount: Tao, o?: SubmitOptions): Promise<TxResult> {
    return act.transfer(this, signer, { dest, amount }, o);
  }

  registerNetwork(
    signer: Signer,
    hotkey: string,
    identity?: Record<string, string>,
    o?: SubmitOptions,
  ): Promise<TxResult> {
    return act.registerNetwork(this, signer, { hotkey, ...(identity === undefined ? {} : { identity }) }, o);
  }

  startCall(signer: Signer, netuid: number, o?: SubmitOptions): Promise<TxResult> {
    return act.startCall(this, signer, { netuid }, o);
  }

  /** Burned registration of `hotkey` on `netuid`, paid by the coldkey `signer`; fails above `maxPrice`. */
  register(signer: Signer, netuid: number, hotkey: string, maxPrice?: Tao, o?: SubmitOptions): Promise<TxResult> {
    return act.register(this, signer, { netuid, hotkey, ...(maxPrice === undefined ? {} : { maxPrice }) }, o);
  }

  serveAxon(hotkey: Signer, a: act.ServeAxonParameters, o?: SubmitOptions): Promise<TxResult> {
    return act.serveAxon(this, hotkey, a, o);
  }

  /** Stakes with the limit price of `a.quote` (the quote shown) or of a fresh quote. */
  addStake(signer: Signer, a: act.AddStakeParameters, o?: SubmitOptions): Promise<act.AddStakeResult> {
    return act.addStake(this, signer, a, o);
  }

  removeStake(signer: Signer, a: act.RemoveStakeParameters, o?: SubmitOptions): Promise<act.RemoveStakeResult> {
    return act.removeStake(this, signer, a, o);
  }

  moveStake(signer: Signer, a: act.MoveStakeParameters, o?: SubmitOptions): Promise<TxResult> {
    return act.moveStake(this, signer, a, o);
  }

  transferStake(signer: Signer, a: act.TransferStakeParameters, o?: SubmitOptions): Promise<TxResult> {
    return act.transferStake(this, signer, a, o);
  }

  swapStake(signer: Signer, a: act.SwapStakeParameters, o?: SubmitOptions): Promise<TxResult> {
    return act.swapStake(this, signer, a, o);
  }

  unstakeAll(signer: Signer, hotkey: string, o?: SubmitOptions): Promise<TxResult> {
    return act.unstakeAll(this, signer, { hotkey }, o);
  }

  setHyperparameter(
    signer: Signer,
    netuid: number,
    name: string,
    value: number | bigint | boolean | string,
    o?: SubmitOptions,
  ): Promise<TxResult> {
    return act.setHyperparameter(this, signer, { netuid, name, value }, o);
  }

  /** A subnet's mechanisms: count, emission split, emission per mechanism; null: no subnet. */
  mechanisms(netuid: number): Promise<act.MechanismsResult | null> {
    return act.mechanisms(this, netuid);
  }

  /** Sets how many mechanisms a subnet runs (owner or admin). */
  setMechanismCount(signer: Signer, netuid: number, count: number, o?: SubmitOptions): Promise<TxResult> {
    return act.setMechanismCount(this, signer, { netuid, count }, o);
  }

  /** Splits a subnet's emission between its mechanisms: u16 parts summing to 65535, or null for even. */
  setMechanismEmissionSplit(
    signer: Signer,
    netuid: number,
    split: readonly number[] | null,
    o?: SubmitOptions,
  ): Promise<TxResult> {
    return act.setMechanismEmissionSplit(this, signer, { netuid, split }, o);
  }

  /** Sets u16 weights directly (subnets without commit-reveal). */
  setWeights(hotkey: Signer, a: act.SetWeightsParameters, o?: SubmitOptions): Promise<TxResult> {
    return act.setWeights(this, hotkey, a, o);
  }

  /** Commits the hash of u16 weights; keeps what is needed to reveal them. */
  commitWeights(hotkey: Signer, a: act.CommitWeightsParameters, o?: SubmitOptions): Promise<act.CommitWeightsResult> {
    return act.commitWeights(this, hotkey, a, o);
  }

  /** Commits u16 weights encrypted to the chain's beacon; the chain reveals them at the round. */
  commitTimelockedWeights(
    hotkey: Signer,
    a: act.CommitTimelockedWeightsParameters,
    o?: SubmitOptions,
  ): Promise<act.CommitTimelockedWeightsResult> {
    return act.commitTimelockedWeights(this, hotkey, a, o);
  }

  /** The chain's drand beacon, or null. */
  beacon(): Promise<act.BeaconResult> {
    return act.beacon(this);
  }

  /** A subnet's pending timelocked commits and failed reveals. */
  timelockedCommits(netuid: number): Promise<act.TimelockedCommitsResult> {
    return act.timelockedCommits(this, netuid);
  }

  revealWeights(hotkey: Signer, c: PendingCommit, o?: SubmitOptions): Promise<TxResult> {
    return act.revealWeights(this, hotkey, c, o);
  }

  /** Sets weights directly, or commits them when the subnet uses commit-reveal. */
  submitWeights(hotkey: Signer, a: act.SubmitWeightsParameters, o?: SubmitOptions): Promise<act.SubmitWeightsResult> {
    return act.submitWeights(this, hotkey, a, o);
  }

  /** Reveals every pending commit of `hotkey` whose reveal epoch has come. */
  revealDue(hotkey: Signer): Promise<act.RevealDueResult> {
    return act.revealDue(this, hotkey);
  }

  increaseTake(signer: Signer, hotkey: string, take: number, o?: SubmitOptions): Promise<TxResult> {
    return act.increaseTake(this, signer, { hotkey, take }, o);
  }

  decreaseTake(signer: Signer, hotkey: string, take: number, o?: SubmitOptions): Promise<TxResult> {
    return act.decreaseTake(this, signer, { hotkey, take }, o);
  }

  childKeys(netuid: number, hotkey: string): Promise<act.ChildKeysResult> {
    return act.childKeys(this, { netuid, hotkey });
  }

  setChildren(signer: Signer, a: act.SetChildrenParameters, o?: SubmitOptions): Promise<TxResult> {
    return act.setChildren(this, signer, a, o);
  }

  setChildkeyTake(signer: Signer, a: act.SetChildkeyTakeParameters, o?: SubmitOptions): Promise<TxResult> {
    return act.setChildkeyTake(this, signer, a, o);
  }

  claimRoot(signer: Signer, netuids: readonly number[], o?: SubmitOptions): Promise<TxResult> {
    return act.claimRoot(this, signer, { netuids }, o);
  }

  unstakeAllAlpha(signer: Signer, hotkey: string, o?: SubmitOptions): Promise<TxResult> {
    return act.unstakeAllAlpha(this, signer, { hotkey }, o);
  }

  removeStakeFullLimit(signer: Signer, a: act.RemoveStakeFullLimitParameters, o?: SubmitOptions): Promise<TxResult> {
    return act.removeStakeFullLimit(this, signer, a, o);
  }

  recycleAlpha(signer: Signer, a: act.RecycleAlphaParameters, o?: SubmitOptions): Promise<TxResult> {
    return act.recycleAlpha(this, signer, a, o);
  }

  burnAlpha(signer: Signer, a: act.BurnAlphaParameters, o?: SubmitOptions): Promise<TxResult> {
    return act.burnAlpha(this, signer, a, o);
  }

  swapHotkey(signer: Signer, a: act.SwapHotkeyParameters, o?: SubmitOptions): Promise<TxResult> {
    return act.swapHotkey(this, signer, a, o);
  }

  announceColdkeySwap(signer: Signer, newColdkey: string, o?: SubmitOptions): Promise<TxResult> {
    return act.announceColdkeySwap(this, signer, { newColdkey }, o);
  }

  swapColdkeyAnnounced(signer: Signer, newColdkey: string, o?: SubmitOptions): Promise<TxResult> {
    return act.swapColdkeyAnnounced(this, signer, { newColdkey }, o);
  }

  disputeColdkeySwap(signer: Signer, o?: SubmitOptions): Promise<TxResult> {
    return act.disputeColdkeySwap(this, signer, {}, o);
  }

  clearColdkeySwapAnnouncement(signer: Signer, o?: SubmitOptions): Promise<TxResult> {
    return act.clearColdkeySwapAnnouncement(this, signer, {}, o);
  }

  coldkeySwapStatus(coldkey: string): Promise<act.ColdkeySwapStatusResult> {
    return act.coldkeySwapStatus(this, { coldkey });
  }

  setIdentity(signer: Signer, a: act.SetIdentityParameters, o?: SubmitOptions): Promise<TxResult> {
    return act.setIdentity(this, signer, a, o);
  }

  identity(coldkey: string): Promise<act.IdentityResult> {
    return act.identity(this, { coldkey });
  }

  identities(): Promise<{ coldkey: string; identity: act.ChainIdentity }[]> {
    return act.identities(this);
  }

  setCommitment(hotkey: Signer, a: act.SetCommitmentParameters, o?: SubmitOptions): Promise<TxResult> {
    return act.setCommitment(this, hotkey, a, o);
  }

  setRevealCommitment(
    hotkey: Signer,
    a: act.SetRevealCommitmentParameters,
    o?: SubmitOptions,
  ): Promise<act.SetRevealCommitmentResult> {
    return act.setRevealCommitment(this, hotkey, a, o);
  }

  commitment(netuid: number, hotkey: string): Promise<act.CommitmentResult> {
    return act.commitment(this, { netuid, hotkey });
  }

  allCommitments(netuid: number): Promise<act.Commitment[]> {
    return act.allCommitments(this, { netuid });
  }

  batch(signer: Signer, a: act.BatchParameters, o?: SubmitOptions): Promise<act.BatchResult> {
    return act.batch(this, signer, a, o);
  }

  proxy(signer: Signer, a: act.ProxyParameters, o?: SubmitOptions): Promise<act.ProxyResult> {
    return act.proxy(this, signer, a, o);
  }

  addProxy(signer: Signer, a: act.AddProxyParameters, o?: SubmitOptions): Promise<TxResult> {
    return act.addProxy(this, signer, a, o);
  }

  removeProxy(signer: Signer, a: act.AddProxyParameters, o?: SubmitOptions): Promise<TxResult> {
    return act.removeProxy(this, signer, a, o);
  }

  announceProxy(signer: Signer, a: act.AnnounceProxyParameters, o?: SubmitOptions): Promise<TxResult> {
    return act.announceProxy(this, signer, a, o);
  }

  removeProxyAnnouncement(signer: Signer, a: act.AnnounceProxyParameters, o?: SubmitOptions): Promise<TxResult> {
    return act.removeProxyAnnouncement(this, signer, a, o);
  }

  rejectProxyAnnouncement(
    signer: Signer,
    a: act.RejectProxyAnnouncementParameters,
    o?: SubmitOptions,
  ): Promise<TxResult> {
    return act.rejectProxyAnnouncement(this, signer, a, o);
  }

  proxyAnnounced(signer: Signer, a: act.ProxyAnnouncedParameters, o?: SubmitOptions): Promise<act.ProxyResult> {
    return act.proxyAnnounced(this, signer, a, o);
  }

  proxies(real: string): Promise<act.ProxiesResult> {
    return act.proxies(this, { real });
  }
}
