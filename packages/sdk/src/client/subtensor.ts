/**
 * `Subtensor`: the typed client for a Taonet node. One managed WebSocket connection (reconnects
 * and resubscribes on its own), a deadline on every call, typed amounts (`Tao`, `Alpha`), stake
 * calls that quote first and send a limit price, and writes that return a `TxResult` explaining
 * any failure — checked before anything is paid where the node can tell (a dry run).
 *
 * @example
 * const st = await Subtensor.connect('ws://127.0.0.1:9944');
 * const alice = keypairSigner(keypairFromUri('//Alice'));
 * const r = await st.transfer(alice, bobAddress, Tao.of('1.5'));
 * if (!r.ok) console.log(r.code, r.explanation, r.hint);
 */
import { signExtrinsic, type SignedExtrinsic, signerKeyFault, toHex as pToHex } from '@taonet/primitives';
import { fromHex, toHex } from '../bytes.js';
import { SdkError, SignerKeyRefused } from '../errors.js';
import { weightsCommitHash } from '../weights/commit-hash.js';
import { normalizeWeightsForEmit } from '../weights/normalize.js';
import { Alpha, Price, Tao } from '../units/balance.js';
import { toAccountHex, toSs58 } from './address.js';
import { big, withBigints } from './decode.js';
import { JsonRpcClient, type JsonRpcOptions, RpcCallError } from './json-rpc.js';
import type { Signer } from './signer.js';
import type { AccountInfo, StakeQuote, SubnetInfo, TxResult } from './types.js';

export interface SubmitOptions {
  /** Resolve once the extrinsic is in a block (default) or once that block is final. */
  readonly wait?: 'inBlock' | 'finalized';
  /** Dry-run first and return the typed error without paying a fee (default true). */
  readonly precheck?: boolean;
  readonly tip?: bigint;
  /** Blocks the transaction stays valid for (default 64). */
  readonly period?: number;
  /** Give up waiting after this long (ms, default 60 s). */
  readonly timeoutMs?: number;
}

export interface StakeOptions {
  /** Accepted price move, as a fraction (default 0.005 = 0.5%). */
  readonly tolerance?: number;
  /** Fill what fits under the limit instead of failing (default false). */
  readonly allowPartial?: boolean;
  /** An explicit limit price in rao per alpha (overrides the tolerance). */
  readonly limitPrice?: bigint;
}

export interface PendingCommit {
  readonly netuid: number;
  readonly hotkey: string;
  readonly uids: readonly number[];
  readonly values: readonly number[];
  readonly salt: readonly number[];
  readonly versionKey: bigint;
  readonly hash: string;
  readonly committedAt: bigint;
}

const TOLERANCE_SCALE = 1_000_000n;

function toleranceParts(t: number): bigint {
  if (!(t >= 0 && t < 10))
    throw new SdkError('InvalidTolerance', `tolerance ${t} is out of range`, 'use a fraction such as 0.005 for 0.5%');
  return BigInt(Math.round(t * 1_000_000));
}

function randomSalt(n = 8): number[] {
  const b = new Uint16Array(n);
  globalThis.crypto.getRandomValues(b);
  return Array.from(b);
}

export class Subtensor {
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

  // ---- reads ---------------------------------------------------------------------------------

  async head(): Promise<{ number: bigint; hash: string }> {
    const h = (await this.rpc.call('chain_getHeader')) as { number: string; hash: string };
    return { number: big(h.number), hash: h.hash };
  }

  async accountInfo(address: string): Promise<AccountInfo> {
    const hex = toAccountHex(address);
    const r = (await this.rpc.call('taonet_accountInfo', [hex])) as Record<string, unknown>;
    const stakes = (r.stakes as Record<string, unknown>[]).map((p) => {
      const netuid = p.netuid as number;
      const symbol = p.symbol as string;
      return {
        hotkey: toSs58(p.hotkey as string),
        netuid,
        symbol,
        alpha: new Alpha(big(p.alpha), netuid, symbol),
        price: new Price(big(p.price), netuid),
        taoValue: new Tao(big(p.taoValue)),
        rootClaimable: new Alpha(big(p.rootClaimable), netuid, symbol),
        take: p.take as number,
      };
    });
    return {
      address: toSs58(hex),
      publicKey: hex,
      free: new Tao(big(r.free)),
      nonce: big(r.nonce),
      stakes,
      stakedTaoValue: new Tao(big(r.stakedTaoValue)),
    };
  }

  async balance(address: string): Promise<Tao> {
    return (await this.accountInfo(address)).free;
  }

  private subnetInfo(d: Record<string, unknown>): SubnetInfo {
    const netuid = d.netuid as number;
    const symbol = d.symbol as string;
    return {
      netuid,
      name: d.name as string,
      symbol,
      owner: d.owner === null ? null : toSs58(d.owner as string),
      ownerHotkey: d.ownerHotkey === null ? null : toSs58(d.ownerHotkey as string),
      started: d.started as boolean,
      emissionEnabled: d.emissionEnabled as boolean,
      tempo: d.tempo as number,
      n: d.n as number,
      maxUids: d.maxUids as number,
      price: new Price(big(d.price), netuid),
      movingPrice: big(d.movingPrice),
      taoIn: new Tao(big(d.taoIn)),
      alphaIn: new Alpha(big(d.alphaIn), netuid, symbol),
      alphaOut: new Alpha(big(d.alphaOut), netuid, symbol),
      emissionShare: big(d.emissionShare),
      taoEmission: new Tao(big(d.taoEmission)),
      registrationCost: new Tao(big(d.registrationCost)),
      blocksUntilNextEpoch: big(d.blocksUntilNextEpoch),
      lastEpochBlock: big(d.lastEpochBlock),
      taoFlow: big(d.taoFlow),
      flowEma: big(d.flowEma),
      volume: new Tao(big(d.volume)),
      raw: d,
    };
  }

  async subnets(): Promise<SubnetInfo[]> {
    const all = (await this.rpc.call('taonet_allDynamicInfo')) as Record<string, unknown>[];
    return all.map((d) => this.subnetInfo(d));
  }

  async subnet(netuid: number): Promise<SubnetInfo | null> {
    const d = (await this.rpc.call('taonet_dynamicInfo', [netuid])) as Record<string, unknown> | null;
    return d === null ? null : this.subnetInfo(d);
  }

  async hyperparameters(
    netuid: number,
  ): Promise<{ name: string; value: unknown; ownerSettable: boolean; description: string }[] | null> {
    return (await this.rpc.call('taonet_hyperparameters', [netuid])) as never;
  }

  async hyperparameter<T = unknown>(netuid: number, name: string): Promise<T | undefined> {
    const hp = await this.hyperparameters(netuid);
    return hp?.find((h) => h.name === name)?.value as T | undefined;
  }

  async registrationPrices(): Promise<{ neuron: Record<number, Tao>; network: Tao }> {
    const r = (await this.rpc.call('taonet_registrationPrices')) as { neuron: Record<string, string>; network: string };
    const neuron: Record<number, Tao> = {};
    for (const [k, v] of Object.entries(r.neuron)) neuron[Number(k)] = new Tao(big(v));
    return { neuron, network: new Tao(big(r.network)) };
  }

  async nextAllowed(
    netuid: number,
    hotkey: string,
  ): Promise<{ registered: boolean; weights: bigint | null; serve: bigint }> {
    const r = (await this.rpc.call('taonet_nextAllowed', [netuid, toAccountHex(hotkey)])) as Record<string, unknown>;
    return {
      registered: r.registered as boolean,
      weights: r.weights === null ? null : big(r.weights),
      serve: big(r.serve),
    };
  }

  async uidOf(netuid: number, hotkey: string): Promise<number | null> {
    const mg = (await this.rpc.call('taonet_metagraph', [netuid, ['hotkeys']])) as { hotkeys?: string[] } | null;
    const i = mg?.hotkeys?.indexOf(toAccountHex(hotkey)) ?? -1;
    return i < 0 ? null : i;
  }

  /** Quotes a stake of `amount` TAO into `netuid` and the limit price for `tolerance`. */
  async quoteStake(netuid: number, amount: Tao, opts: StakeOptions = {}): Promise<StakeQuote> {
    return this.quote(netuid, 'buy', amount.rao, opts);
  }

  /** Quotes an unstake of `amount` alpha from `netuid`. */
  async quoteUnstake(netuid: number, amount: Alpha, opts: StakeOptions = {}): Promise<StakeQuote> {
    return this.quote(netuid, 'sell', amount.rao, opts);
  }

  private async quote(netuid: number, side: 'buy' | 'sell', amount: bigint, opts: StakeOptions): Promise<StakeQuote> {
    const r = withBigints<Record<string, bigint>>(
      (await this.rpc.call('taonet_simSwap', [netuid, side, amount.toString()])) as Record<string, unknown>,
      ['paidIn', 'paidOut', 'fee', 'priceBefore', 'priceAfter'],
    );
    const sub = await this.subnet(netuid);
    const symbol = sub?.symbol ?? 'α';
    const before = new Price(r.priceBefore as bigint, netuid);
    const after = new Price(r.priceAfter as bigint, netuid);
    const tol = toleranceParts(opts.tolerance ?? 0.005);
    const spotRao = before.raoPerAlpha();
    const limitPrice =
      opts.limitPrice ??
      (side === 'buy'
        ? (spotRao * (TOLERANCE_SCALE + tol)) / TOLERANCE_SCALE
        : (spotRao * (TOLERANCE_SCALE - tol)) / TOLERANCE_SCALE);
    const impact = before.raw === 0n ? 0 : Math.abs(Number(((after.raw - before.raw) * 1_000_000n) / before.raw)) / 1e6;
    const paidOut = r.paidOut as bigint;
    const minOut = (paidOut * (TOLERANCE_SCALE - tol)) / TOLERANCE_SCALE;
    return side === 'buy'
      ? {
          netuid,
          side,
          amountIn: new Tao(amount),
          expectedOut: new Alpha(paidOut, netuid, symbol),
          fee: new Tao(r.fee as bigint),
          priceBefore: before,
          priceAfter: after,
          priceImpact: impact,
          limitPrice,
          minimumOut: new Alpha(minOut, netuid, symbol),
        }
      : {
          netuid,
          side,
          amountIn: new Alpha(amount, netuid, symbol),
          expectedOut: new Tao(paidOut),
          fee: new Alpha(r.fee as bigint, netuid, symbol),
          priceBefore: before,
          priceAfter: after,
          priceImpact: impact,
          limitPrice,
          minimumOut: new Tao(minOut),
        };
  }

  // ---- writes --------------------------------------------------------------------------------

  /**
   * Signs and submits a call; resolves with what happened to it.
   * @throws SignerKeyRefused (before any request) when the signer is the all-zero or a non-canonical key.
   */
  async submit(
    signer: Signer,
    call: { method: string; args: Record<string, unknown> },
    o: SubmitOptions = {},
  ): Promise<TxResult> {
    // The signer-key rule: the node would refuse the all-zero key anyway; say so before any request.
    const fault = signerKeyFault(signer.publicKey);
    if (fault !== null) throw new SignerKeyRefused(fault);
    const who = toHex(signer.publicKey);
    const [nonceRaw, headRaw] = await Promise.all([this.rpc.call('system_accountNextIndex', [who]), this.head()]);
    const tx: SignedExtrinsic = signExtrinsic(
      {
        signer: who as never,
        nonce: big(nonceRaw),
        era: { birth: headRaw.number, period: o.period ?? 64 },
        tip: o.tip ?? 0n,
        call,
      },
      (m) => signer.sign(m),
      fromHex(this.genesisHash),
    );
    const hex = pToHex(tx.bytes);
    if (o.precheck ?? true) {
      const err = (await this.rpc.call('taonet_dryRun', [hex])) as {
        code: string;
        explanation: string;
        hint?: string;
      } | null;
      if (err !== null)
        return {
          ok: false,
          stage: 'precheck',
          code: err.code,
          explanation: err.explanation,
          ...(err.hint === undefined ? {} : { hint: err.hint }),
          txHash: tx.hash,
          events: [],
        };
    }
    const wait = o.wait ?? 'inBlock';
    const timeoutMs = o.timeoutMs ?? 60_000;
    return new Promise<TxResult>((resolve) => {
      let done = false;
      let unsubscribe: (() => Promise<void>) | null = null;
      const finish = (r: TxResult): void => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        void unsubscribe?.();
        resolve(r);
      };
      const timer = setTimeout(
        () =>
          finish({
            ok: false,
            code: 'Timeout',
            explanation: `no ${wait} confirmation within ${timeoutMs} ms`,
            hint: `look it up later by hash ${tx.hash}`,
            txHash: tx.hash,
            events: [],
          }),
        timeoutMs,
      );
      let inBlock: { blockHash: string; number: bigint; index: number } | null = null;
      const settle = async (): Promise<void> => {
        if (inBlock === null) return;
        const ev = (await this.rpc.call('taonet_getEvents', [inBlock.blockHash])) as {
          extrinsics: {
            ok: boolean;
            fee: string;
            events: { name: string; data: Record<string, unknown> }[];
            error?: { code: string; explanation: string; hint?: string };
          }[];
        } | null;
        const r = ev?.extrinsics[inBlock.index];
        finish({
          ok: r?.ok ?? false,
          stage: 'block',
          ...(r?.error === undefined
            ? {}
            : {
                code: r.error.code,
                explanation: r.error.explanation,
                ...(r.error.hint === undefined ? {} : { hint: r.error.hint }),
              }),
          txHash: tx.hash,
          blockHash: inBlock.blockHash,
          blockNumber: inBlock.number,
          events: r?.events ?? [],
          ...(r === undefined ? {} : { fee: new Tao(big(r.fee)) }),
        });
      };
      this.rpc
        .subscribe('author_submitAndWatchExtrinsic', [hex], 'author_unwatchExtrinsic', (s) => {
          const st = s as {
            type: string;
            blockHash?: string;
            number?: string;
            index?: number;
            reason?: { code: string; explanation: string; hint?: string };
            error?: { code: string; explanation: string; hint?: string };
          };
          if (st.type === 'inBlock') {
            inBlock = { blockHash: st.blockHash as string, number: big(st.number), index: st.index as number };
            if (wait === 'inBlock') void settle();
          } else if (st.type === 'finalized') {
            if (wait === 'finalized') void settle();
          } else if (st.type === 'dropped' || st.type === 'invalid') {
            const e = st.reason ?? st.error;
            finish({
              ok: false,
              stage: 'pool',
              code: e?.code ?? 'Dropped',
              explanation: e?.explanation ?? 'the pool dropped the transaction',
              ...(e?.hint === undefined ? {} : { hint: e.hint }),
              txHash: tx.hash,
              events: [],
            });
          }
        })
        .then((u) => {
          unsubscribe = u;
          if (done) void u();
        })
        .catch((e: unknown) => {
          const err = e instanceof RpcCallError || e instanceof SdkError ? e : new SdkError('SubmitFailed', String(e));
          finish({
            ok: false,
            stage: 'pool',
            code: err.code,
            explanation: err.explanation,
            ...(err.hint === undefined ? {} : { hint: err.hint }),
            txHash: tx.hash,
            events: [],
          });
        });
    });
  }

  transfer(signer: Signer, dest: string, amount: Tao, o?: SubmitOptions): Promise<TxResult> {
    return this.submit(signer, { method: 'transfer', args: { dest: toAccountHex(dest), amount: amount.rao } }, o);
  }

  registerNetwork(
    signer: Signer,
    hotkey: string,
    identity?: Record<string, string>,
    o?: SubmitOptions,
  ): Promise<TxResult> {
    return this.submit(
      signer,
      {
        method: 'register_network',
        args: { hotkey: toAccountHex(hotkey), ...(identity === undefined ? {} : { identity }) },
      },
      o,
    );
  }

  startCall(signer: Signer, netuid: number, o?: SubmitOptions): Promise<TxResult> {
    return this.submit(signer, { method: 'start_call', args: { netuid } }, o);
  }

  /** Burned registration of `hotkey` on `netuid`, paid by the coldkey `signer`; fails above `maxPrice`. */
  register(signer: Signer, netuid: number, hotkey: string, maxPrice?: Tao, o?: SubmitOptions): Promise<TxResult> {
    const args: Record<string, unknown> = { netuid, hotkey: toAccountHex(hotkey) };
    if (maxPrice !== undefined) args.limitPrice = maxPrice.rao;
    return this.submit(
      signer,
      netuid === 0 ? { method: 'root_register', args: { hotkey: args.hotkey } } : { method: 'burned_register', args },
      o,
    );
  }

  serveAxon(
    hotkey: Signer,
    a: { netuid: number; ip: string; port: number; protocol?: number; version?: number },
    o?: SubmitOptions,
  ): Promise<TxResult> {
    const v4 = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(a.ip);
    let ip: bigint;
    let ipType: number;
    if (v4 !== null) {
      ip = v4.slice(1).reduce((acc, x) => (acc << 8n) | BigInt(Number(x) & 255), 0n);
      ipType = 4;
    } else {
      const parts = a.ip.split(':');
      if (parts.length !== 8) throw new SdkError('InvalidIp', `'${a.ip}' is not an IPv4 or full IPv6 address`);
      ip = parts.reduce((acc, x) => (acc << 16n) | BigInt(Number.parseInt(x, 16) & 0xffff), 0n);
      ipType = 6;
    }
    return this.submit(
      hotkey,
      {
        method: 'serve_axon',
        args: { netuid: a.netuid, version: a.version ?? 1, ip, port: a.port, ipType, protocol: a.protocol ?? 4 },
      },
      o,
    );
  }

  /** Quotes, then stakes with a limit price from the tolerance. */
  async addStake(
    signer: Signer,
    a: { hotkey: string; netuid: number; amount: Tao } & StakeOptions,
    o?: SubmitOptions,
  ): Promise<{ quote: StakeQuote; result: TxResult }> {
    const quote = await this.quoteStake(a.netuid, a.amount, a);
    const result = await this.submit(
      signer,
      {
        method: 'add_stake',
        args: {
          hotkey: toAccountHex(a.hotkey),
          netuid: a.netuid,
          amount: a.amount.rao,
          limitPrice: quote.limitPrice,
          allowPartial: a.allowPartial ?? false,
        },
      },
      o,
    );
    return { quote, result };
  }

  async removeStake(
    signer: Signer,
    a: { hotkey: string; netuid: number; amount: Alpha } & StakeOptions,
    o?: SubmitOptions,
  ): Promise<{ quote: StakeQuote; result: TxResult }> {
    const quote = await this.quoteUnstake(a.netuid, a.amount, a);
    const result = await this.submit(
      signer,
      {
        method: 'remove_stake',
        args: {
          hotkey: toAccountHex(a.hotkey),
          netuid: a.netuid,
          amount: a.amount.rao,
          limitPrice: quote.limitPrice,
          allowPartial: a.allowPartial ?? false,
        },
      },
      o,
    );
    return { quote, result };
  }

  moveStake(
    signer: Signer,
    a: { originHotkey: string; destHotkey: string; originNetuid: number; destNetuid: number; amount: Alpha },
    o?: SubmitOptions,
  ): Promise<TxResult> {
    return this.submit(
      signer,
      {
        method: 'move_stake',
        args: {
          originHotkey: toAccountHex(a.originHotkey),
          destHotkey: toAccountHex(a.destHotkey),
          originNetuid: a.originNetuid,
          destNetuid: a.destNetuid,
          amount: a.amount.rao,
        },
      },
      o,
    );
  }

  transferStake(
    signer: Signer,
    a: { destColdkey: string; hotkey: string; originNetuid: number; destNetuid: number; amount: Alpha },
    o?: SubmitOptions,
  ): Promise<TxResult> {
    return this.submit(
      signer,
      {
        method: 'transfer_stake',
        args: {
          destColdkey: toAccountHex(a.destColdkey),
          hotkey: toAccountHex(a.hotkey),
          originNetuid: a.originNetuid,
          destNetuid: a.destNetuid,
          amount: a.amount.rao,
        },
      },
      o,
    );
  }

  swapStake(
    signer: Signer,
    a: { hotkey: string; originNetuid: number; destNetuid: number; amount: Alpha },
    o?: SubmitOptions,
  ): Promise<TxResult> {
    return this.submit(
      signer,
      {
        method: 'swap_stake',
        args: {
          hotkey: toAccountHex(a.hotkey),
          originNetuid: a.originNetuid,
          destNetuid: a.destNetuid,
          amount: a.amount.rao,
        },
      },
      o,
    );
  }

  unstakeAll(signer: Signer, hotkey: string, o?: SubmitOptions): Promise<TxResult> {
    return this.submit(signer, { method: 'unstake_all', args: { hotkey: toAccountHex(hotkey) } }, o);
  }

  setHyperparameter(
    signer: Signer,
    netuid: number,
    name: string,
    value: number | bigint | boolean | string,
    o?: SubmitOptions,
  ): Promise<TxResult> {
    return this.submit(signer, { method: 'set_hyperparameter', args: { netuid, name, value } }, o);
  }

  /** Sets u16 weights directly (subnets without commit-reveal). */
  setWeights(
    hotkey: Signer,
    a: { netuid: number; uids: readonly number[]; values: readonly number[]; versionKey?: bigint },
    o?: SubmitOptions,
  ): Promise<TxResult> {
    return this.submit(
      hotkey,
      {
        method: 'set_weights',
        args: { netuid: a.netuid, uids: [...a.uids], values: [...a.values], versionKey: a.versionKey ?? 0n },
      },
      o,
    );
  }

  /** Commits the hash of u16 weights; keeps what is needed to reveal them. */
  async commitWeights(
    hotkey: Signer,
    a: {
      netuid: number;
      uids: readonly number[];
      values: readonly number[];
      versionKey?: bigint;
      salt?: readonly number[];
    },
    o?: SubmitOptions,
  ): Promise<{ commit: PendingCommit; result: TxResult }> {
    const salt = a.salt ?? randomSalt();
    const versionKey = a.versionKey ?? 0n;
    const hash = toHex(
      weightsCommitHash({
        hotkeyPublicKey: hotkey.publicKey,
        storageIndex: a.netuid,
        uids: a.uids,
        values: a.values,
        salt,
        versionKey,
      }),
    );
    const result = await this.submit(hotkey, { method: 'commit_weights', args: { netuid: a.netuid, hash } }, o);
    const commit: PendingCommit = {
      netuid: a.netuid,
      hotkey: toHex(hotkey.publicKey),
      uids: a.uids,
      values: a.values,
      salt,
      versionKey,
      hash,
      committedAt: result.blockNumber ?? 0n,
    };
    if (result.ok) this.pendingCommits.set(hash, commit);
    return { commit, result };
  }

  revealWeights(hotkey: Signer, c: PendingCommit, o?: SubmitOptions): Promise<TxResult> {
    return this.submit(
      hotkey,
      {
        method: 'reveal_weights',
        args: {
          netuid: c.netuid,
          uids: [...c.uids],
          values: [...c.values],
          salt: [...c.salt],
          versionKey: c.versionKey,
        },
      },
      o,
    );
  }

  /**
   * Sets weights the way the subnet wants them: directly, or as a commit to reveal later when the
   * subnet uses commit-reveal. Float weights are normalised like Bittensor (max → 65535, zeros dropped).
   */
  async submitWeights(
    hotkey: Signer,
    a: { netuid: number; uids: readonly number[]; weights: readonly number[]; versionKey?: bigint },
    o?: SubmitOptions,
  ): Promise<{ mode: 'direct' | 'commit'; result: TxResult }> {
    const { uids, values } = normalizeWeightsForEmit(a.uids, a.weights);
    const cr = await this.hyperparameter<boolean>(a.netuid, 'commitRevealEnabled');
    if (cr === true) {
      const { result } = await this.commitWeights(
        hotkey,
        { netuid: a.netuid, uids, values, ...(a.versionKey === undefined ? {} : { versionKey: a.versionKey }) },
        o,
      );
      return { mode: 'commit', result };
    }
    return {
      mode: 'direct',
      result: await this.setWeights(
        hotkey,
        { netuid: a.netuid, uids, values, ...(a.versionKey === undefined ? {} : { versionKey: a.versionKey }) },
        o,
      ),
    };
  }

  /**
   * Reveals every pending commit of `hotkey` whose reveal epoch has come (checked by a dry run, so
   * nothing is paid too early). Call it every block or tempo; returns what was revealed.
   */
  async revealDue(hotkey: Signer): Promise<{ commit: PendingCommit; result: TxResult }[]> {
    const me = toHex(hotkey.publicKey);
    const out: { commit: PendingCommit; result: TxResult }[] = [];
    for (const c of [...this.pendingCommits.values()]) {
      if (c.hotkey !== me) continue;
      const result = await this.revealWeights(hotkey, c);
      if (result.ok || (result.code !== 'RevealTooEarly' && result.stage !== 'pool'))
        this.pendingCommits.delete(c.hash);
      if (result.code !== 'RevealTooEarly') out.push({ commit: c, result });
    }
    return out;
  }

  increaseTake(signer: Signer, hotkey: string, take: number, o?: SubmitOptions): Promise<TxResult> {
    return this.submit(signer, { method: 'increase_take', args: { hotkey: toAccountHex(hotkey), take } }, o);
  }

  decreaseTake(signer: Signer, hotkey: string, take: number, o?: SubmitOptions): Promise<TxResult> {
    return this.submit(signer, { method: 'decrease_take', args: { hotkey: toAccountHex(hotkey), take } }, o);
  }

  claimRoot(signer: Signer, netuids: readonly number[], o?: SubmitOptions): Promise<TxResult> {
    return this.submit(signer, { method: 'claim_root', args: { netuids: [...netuids] } }, o);
  }

  /** Raw access to any RPC method. */
  call(method: string, params: readonly unknown[] = []): Promise<unknown> {
    return this.rpc.call(method, params);
  }

  /** Follows new heads; returns an unsubscribe function. */
  onNewHead(cb: (h: { number: bigint; hash: string }) => void): Promise<() => Promise<void>> {
    return this.rpc.subscribe('chain_subscribeNewHeads', [], 'chain_unsubscribeNewHeads', (h) => {
      const x = h as { number: string; hash: string };
      cb({ number: big(x.number), hash: x.hash });
    });
  }
}
