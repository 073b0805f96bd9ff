/**
 * Writes through the real Substrate clients, unchanged, against a real dev node: @polkadot/api
 * signs Substrate v4 extrinsics from the node's metadata and follows them to finalized; the
 * chain's blocks and events decode with the node's metadata; a failing call names subtensor's
 * error through findMetaError. polkadot-api does the core path with its WebSocket provider.
 */
import { ApiPromise, Keyring, WsProvider } from '@polkadot/api';
import type { SubmittableExtrinsic } from '@polkadot/api/types';
import type { EventRecord } from '@polkadot/types/interfaces';
import type { ISubmittableResult } from '@polkadot/types/types';
import { fromHex, RAO_PER_TAO, timelockEncrypt, toHex, weightsCommitHash } from '@taonet/primitives';
import { createClient } from 'polkadot-api';
import { getPolkadotSigner } from 'polkadot-api/signer';
import { getWsProvider } from 'polkadot-api/ws';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sign } from '../../src/crypto.js';
import { key, NodeProcess } from './harness.js';

const TAO = RAO_PER_TAO;
let node: NodeProcess;
let api: ApiPromise;
let sealer: NodeJS.Timeout;
const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
const alice = keyring.addFromUri('//Alice');
const bob = keyring.addFromUri('//Bob');
const dave = keyring.addFromUri('//Dave');
const daveHot = keyring.addFromUri('//Dave//hot');
const daveMiner = keyring.addFromUri('//Dave//miner');
const eve = keyring.addFromUri('//TaonetNobody');

/** A call of the node's metadata by section and name (the API is built from it at run time). */
function tx(section: string, method: string): (...args: unknown[]) => SubmittableExtrinsic<'promise'> {
  const f = api.tx[section]?.[method];
  if (f === undefined) throw new Error(`no call ${section}.${method} in the metadata`);
  return f as unknown as (...args: unknown[]) => SubmittableExtrinsic<'promise'>;
}

/** A storage query of the node's metadata by section and name. */
function query(section: string, item: string): (...args: unknown[]) => Promise<unknown> {
  const f = api.query[section]?.[item];
  if (f === undefined) throw new Error(`no storage ${section}.${item} in the metadata`);
  return f as unknown as (...args: unknown[]) => Promise<unknown>;
}

type Unsafe = ReturnType<ReturnType<typeof createClient>['getUnsafeApi']>;
const accountOf =
  (u: Unsafe) =>
  (who: string, at?: { at: string }): Promise<{ data: { free: bigint } }> => {
    const item = u.query.System?.Account;
    if (item === undefined) throw new Error('no System.Account');
    return item.getValue(who, ...(at === undefined ? [] : [at])) as Promise<{ data: { free: bigint } }>;
  };
const unsafeTx = (u: Unsafe, pallet: string, call: string) => {
  const f = u.tx[pallet]?.[call];
  if (f === undefined) throw new Error(`no call ${pallet}.${call}`);
  return f;
};

interface Outcome {
  readonly blockHash: string;
  readonly events: EventRecord[];
  readonly failed: { section: string; name: string } | null;
}

/** Signs and sends, resolving at finalized with the extrinsic's events and its decoded failure. */
function send(tx: SubmittableExtrinsic<'promise'>, signer: typeof alice): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    let unsub: (() => void) | null = null;
    tx.signAndSend(signer, (r: ISubmittableResult) => {
      if (r.isError) reject(new Error(`status ${r.status.type}`));
      if (!r.status.isFinalized) return;
      unsub?.();
      let failed: Outcome['failed'] = null;
      if (r.dispatchError?.isModule) {
        const m = api.registry.findMetaError(r.dispatchError.asModule);
        failed = { section: m.section, name: m.name };
      } else if (r.dispatchError !== undefined) failed = { section: 'system', name: r.dispatchError.type };
      resolve({ blockHash: r.status.asFinalized.toHex(), events: r.events, failed });
    })
      .then((u) => {
        unsub = u;
      })
      .catch(reject);
  });
}

/** Sends until the chain stops answering with one of `retryOn` (timing windows), at most 100 times. */
async function sendUntil(
  make: () => SubmittableExtrinsic<'promise'>,
  signer: typeof alice,
  retryOn: readonly string[],
): Promise<Outcome> {
  for (let i = 0; ; i++) {
    const o = await send(make(), signer);
    if (i >= 100 || !retryOn.includes(o.failed?.name ?? '')) return o;
  }
}

/** The sudo_result of the outcome's Sudo.Sudid event. */
function sudid(o: Outcome): unknown {
  const e = o.events.find((r) => r.event.section === 'sudo' && r.event.method === 'Sudid');
  if (e === undefined) throw new Error(`no Sudo.Sudid in ${o.events.map((r) => r.event.method)}`);
  return e.event.data[0];
}

const eventNames = (o: Outcome) => o.events.map((e) => `${e.event.section}.${e.event.method}`);
const free = async (addr: string): Promise<bigint> => {
  const a = (await api.query.system?.account?.(addr)) as unknown as { data: { free: { toBigInt(): bigint } } };
  return a.data.free.toBigInt();
};

beforeAll(async () => {
  node = await NodeProcess.start();
  // Manual sealing: a block every 100 ms while these tests run.
  sealer = setInterval(() => void node.seal(1).catch(() => {}), 100);
  api = await ApiPromise.create({
    provider: new WsProvider(node.wsUrl) as never,
    noInitWarn: true,
    throwOnConnect: true,
  });
}, 120_000);

afterAll(async () => {
  clearInterval(sealer);
  await api?.disconnect();
  await node?.kill();
});

describe('@polkadot/api writes', () => {
  it('Balances.transfer_keep_alive reaches finalized with ExtrinsicSuccess, and the balances move', async () => {
    const before = await free(bob.address);
    const o = await send(tx('balances', 'transferKeepAlive')(bob.address, 10n * TAO), alice);
    expect(o.failed?.name ?? null).toBeNull();
    expect(eventNames(o)).toEqual([
      'balances.Transfer',
      'transactionPayment.TransactionFeePaid',
      'system.ExtrinsicSuccess',
    ]);
    expect(await free(bob.address)).toBe(before + 10n * TAO);
    // The block decodes with the node's metadata and holds the extrinsic, signed by Alice.
    const block = await api.rpc.chain.getBlock(o.blockHash);
    const xt = block.block.extrinsics.find((x) => x.method.section === 'balances');
    expect(xt?.signer.toString()).toBe(alice.address);
    expect(xt?.method.method).toBe('transferKeepAlive');
    // The header hash clients compute is the node's block hash.
    expect(block.block.header.hash.toHex()).toBe(o.blockHash);
  });

  it('a subnet end to end through api.tx.subtensorModule: create, start, register, stake with a limit, weights, commit/reveal', async () => {
    await send(tx('balances', 'transferKeepAlive')(dave.address, 50_000n * TAO), alice);
    const created = await send(tx('subtensorModule', 'registerNetwork')(daveHot.address), dave);
    expect(created.failed?.name ?? null).toBeNull();
    const added = created.events.find((e) => e.event.method === 'NetworkAdded');
    if (added === undefined) throw new Error('no NetworkAdded event');
    const netuid = (added.event.data[0] as unknown as { toNumber(): number }).toNumber();
    expect(netuid).toBeGreaterThan(0);
    expect((await send(tx('subtensorModule', 'startCall')(netuid), dave)).failed).toBeNull();
    const reg = await send(tx('subtensorModule', 'burnedRegister')(netuid, daveMiner.address), dave);
    expect(reg.failed?.name ?? null).toBeNull();
    expect(eventNames(reg)).toContain('subtensorModule.NeuronRegistered');
    const uid = (
      (await query('subtensorModule', 'uids')(netuid, daveMiner.address)) as unknown as {
        unwrap(): { toNumber(): number };
      }
    )
      .unwrap()
      .toNumber();
    // add_stake_limit with a generous limit price (rao per alpha): fills.
    const staked = await send(
      tx('subtensorModule', 'addStakeLimit')(daveHot.address, netuid, 1n * TAO, 1000n * TAO, false),
      dave,
    );
    expect(staked.failed?.name ?? null).toBeNull();
    expect(eventNames(staked)).toContain('subtensorModule.StakeAdded');
    const info = await node.rpc<{ stakes: { netuid: number; alpha: string }[] }>('taonet_accountInfo', [
      toHex(dave.publicKey),
    ]);
    expect(BigInt(info.stakes.find((s) => s.netuid === netuid)?.alpha ?? 0)).toBeGreaterThan(0n);
    // Weights, signed by the hotkey (the fee goes to its coldkey's rules; the hotkey is funded).
    await send(tx('balances', 'transferKeepAlive')(daveHot.address, 10n * TAO), alice);
    const set = await send(tx('subtensorModule', 'setWeights')(netuid, [uid], [65535], 0), daveHot);
    expect(set.failed?.name ?? null).toBeNull();
    expect(eventNames(set)).toContain('subtensorModule.WeightsSet');
    // Commit-reveal on, by the owner through Taonet's admin pallet, then commit and reveal.
    const on = await sendUntil(
      () => tx('taonetAdmin', 'setHyperparameter')(netuid, 'commitRevealEnabled', { Bool: true }),
      dave,
      ['AdminActionProhibitedDuringWeightsWindow'],
    );
    expect(on.failed?.name ?? null).toBeNull();
    const salt = [1, 2, 3];
    const hash = weightsCommitHash({
      hotkeyPublicKey: daveHot.publicKey,
      storageIndex: netuid,
      uids: [uid],
      values: [65535],
      salt,
      versionKey: 0n,
    });
    const committed = await send(tx('subtensorModule', 'commitWeights')(netuid, hash), daveHot);
    expect(committed.failed?.name ?? null).toBeNull();
    expect(eventNames(committed)).toContain('subtensorModule.WeightsCommitted');
    // The reveal opens with a later epoch: retry while the chain says it is too early.
    const revealed = await sendUntil(
      () => tx('subtensorModule', 'revealWeights')(netuid, [uid], [65535], salt, 0),
      daveHot,
      ['RevealTooEarly'],
    );
    expect(revealed.failed?.name ?? null).toBeNull();
    expect(eventNames(revealed)).toContain('subtensorModule.WeightsRevealed');
  }, 120_000);

  it('operator calls through @polkadot/api: batch_all, a proxied add_stake, set_identity, set_commitment, set_children, swap_hotkey', async () => {
    const ferdie = keyring.addFromUri('//Ferdie');
    const proxyHot = keyring.addFromUri('//Ferdie//proxy');
    // batch_all: two transfers in one extrinsic, with Utility's events.
    const batch = await send(
      tx(
        'utility',
        'batchAll',
      )([
        tx('balances', 'transferKeepAlive')(proxyHot.address, 5n * TAO),
        tx('balances', 'transferKeepAlive')(daveHot.address, 1n * TAO),
      ]),
      ferdie,
    );
    expect(batch.failed?.name ?? null).toBeNull();
    expect(eventNames(batch)).toContain('system.ExtrinsicSuccess');
    // Ferdie lets a hot key stake for him, then the hot key stakes as Ferdie on Dave's subnet.
    const added = await send(tx('proxy', 'addProxy')(proxyHot.address, 'Staking', 0), ferdie);
    expect(added.failed?.name ?? null).toBeNull();
    const netuid = Math.max(...(await node.rpc<{ subnets: number[] }>('taonet_networkInfo')).subnets);
    const proxied = await send(
      tx('proxy', 'proxy')(ferdie.address, null, tx('subtensorModule', 'addStake')(daveHot.address, netuid, 2n * TAO)),
      proxyHot,
    );
    expect(proxied.failed?.name ?? null, 'proxy').toBeNull();
    const info = await node.rpc<{ stakes: { netuid: number; alpha: string }[] }>('taonet_accountInfo', [
      toHex(ferdie.publicKey),
    ]);
    expect(BigInt(info.stakes.find((x) => x.netuid === netuid)?.alpha ?? 0)).toBeGreaterThan(0n);
    const proxies = (await query('proxy', 'proxies')(ferdie.address)) as unknown as {
      0: { delegate: { toString(): string }; proxyType: { toString(): string }; delay: { toNumber(): number } }[];
    };
    expect(proxies[0].map((d) => [d.delegate.toString(), d.proxyType.toString(), d.delay.toNumber()])).toEqual([
      [proxyHot.address, 'Staking', 0],
    ]);
    // A commitment by Dave's hotkey (registered on the subnet), with a Raw field.
    const commit = await send(
      tx('commitments', 'setCommitment')(netuid, { fields: [{ Raw12: 'hello taonet' }] }),
      daveHot,
    );
    expect(commit.failed?.name ?? null, 'commitment').toBeNull();
    const got = await node.rpc<{ fields: { kind: string; data: string }[] } | null>('taonet_commitment', [
      netuid,
      toHex(daveHot.publicKey),
    ]);
    expect(got?.fields[0]).toEqual({ kind: 'raw', data: toHex(new TextEncoder().encode('hello taonet')) });
    // The same commitment through storage, as @polkadot/api decodes it from the metadata.
    const stored = (await query('commitments', 'commitmentOf')(netuid, daveHot.address)) as unknown as {
      unwrap(): {
        block: { toNumber(): number };
        info: { fields: { isRaw12: boolean; asRaw12: { toU8a(): Uint8Array } }[] };
      };
    };
    const reg = stored.unwrap();
    expect(reg.info.fields[0]?.isRaw12).toBe(true);
    expect(new TextDecoder().decode(reg.info.fields[0]?.asRaw12.toU8a())).toBe('hello taonet');
    const last = (await query('commitments', 'lastCommitment')(netuid, daveHot.address)) as unknown as {
      unwrap(): { toNumber(): number };
    };
    expect(last.unwrap().toNumber()).toBe(reg.block.toNumber());
    // A timelocked field, sealed to the node's beacon two rounds ahead: the chain reveals it itself
    // and @polkadot/api reads the plaintext from RevealedCommitments.
    const beacon = await node.rpc<{ publicKey: string; lastStoredRound: string }>('taonet_beacon');
    const round = BigInt(beacon.lastStoredRound) + 2n;
    const secret = new TextEncoder().encode('sealed endpoint');
    const encrypted = timelockEncrypt(fromHex(beacon.publicKey), round, secret, (n) => new Uint8Array(n).fill(7));
    const sealed = await send(
      tx('commitments', 'setCommitment')(netuid, {
        fields: [{ TimelockEncrypted: { encrypted: toHex(encrypted), reveal_round: round } }],
      }),
      daveHot,
    );
    expect(sealed.failed?.name ?? null, 'timelocked commitment').toBeNull();
    expect(eventNames(sealed)).toContain('commitments.TimelockCommitment');
    type Reveals = { isSome: boolean; unwrap(): [{ toU8a(raw: boolean): Uint8Array }, { toBigInt(): bigint }][] };
    let reveals = (await query('commitments', 'revealedCommitments')(netuid, daveHot.address)) as Reveals;
    for (let i = 0; i < 300 && !reveals.isSome; i++) {
      await new Promise((r) => setTimeout(r, 100));
      reveals = (await query('commitments', 'revealedCommitments')(netuid, daveHot.address)) as Reveals;
    }
    const [plain, revealedAt] = reveals.unwrap()[0] ?? [];
    expect(new TextDecoder().decode(plain?.toU8a(true))).toBe('sealed endpoint');
    expect(revealedAt?.toBigInt()).toBeGreaterThan(0n);
    const view = await node.rpc<{ pendingRounds: string[]; revealed: { data: string }[] }>('taonet_commitment', [
      netuid,
      toHex(daveHot.publicKey),
    ]);
    expect(view.pendingRounds).toEqual([]);
    expect(view.revealed[0]?.data).toBe(toHex(secret));
    // Child hotkeys: Dave lends half of his hotkey's weight to the miner hotkey.
    const children = await sendUntil(
      () =>
        tx('subtensorModule', 'setChildren')(daveHot.address, netuid, [[(1n << 63n).toString(), daveMiner.address]]),
      dave,
      ['TxRateLimitExceeded'],
    );
    expect(children.failed?.name ?? null, 'children').toBeNull();
    // The list waits out the cooldown in PendingChildKeys (subtensor's (children, cooldown block)).
    const pending = (await query('subtensorModule', 'pendingChildKeys')(netuid, daveHot.address)) as unknown as [
      { 0: { toBigInt(): bigint }; 1: { toString(): string } }[],
      { toBigInt(): bigint },
    ];
    expect(pending[0].map((l) => [l[0].toBigInt(), l[1].toString()])).toEqual([[1n << 63n, daveMiner.address]]);
    expect(pending[1].toBigInt()).toBeGreaterThan(0n);
    // A hotkey swap on the subnet's owner hotkey... of a fresh key pair owned by Ferdie.
    const oldHot = keyring.addFromUri('//Ferdie//old');
    const newHot = keyring.addFromUri('//Ferdie//new');
    expect(
      (await send(tx('subtensorModule', 'burnedRegister')(netuid, oldHot.address), ferdie)).failed?.name ?? null,
    ).toBeNull();
    // Identity (a coldkey with a registered hotkey may set one), read back through Taonet's view.
    const id = await send(
      tx('subtensorModule', 'setIdentity')('Ferdie Validator', 'https://f.example', '', '', '', 'fast', ''),
      ferdie,
    );
    expect(id.failed?.name ?? null).toBeNull();
    const who = await node.rpc<{ name: string } | null>('taonet_identity', [toHex(ferdie.publicKey)]);
    expect(who?.name).toBe('Ferdie Validator');
    const identity = (await query('subtensorModule', 'identitiesV2')(ferdie.address)) as unknown as {
      unwrap(): { name: { toUtf8(): string }; description: { toUtf8(): string } };
    };
    expect(identity.unwrap().name.toUtf8()).toBe('Ferdie Validator');
    expect(identity.unwrap().description.toUtf8()).toBe('fast');
    const swapped = await send(tx('subtensorModule', 'swapHotkey')(oldHot.address, newHot.address, null), ferdie);
    expect(swapped.failed?.name ?? null, 'swap').toBeNull();
    const uidNew = (await query('subtensorModule', 'uids')(netuid, newHot.address)) as unknown as { isSome: boolean };
    expect(uidNew.isSome).toBe(true);
  }, 120_000);

  it('proxy deposits and an announced proxy call through @polkadot/api: announce, proxy_announced, reject_announcement', async () => {
    const real = keyring.addFromUri('//Charlie');
    const delegate = keyring.addFromUri('//Charlie//delayed');
    const reservedOf = async (who: string) => {
      const a = (await query('system', 'account')(who)) as unknown as { data: { reserved: { toBigInt(): bigint } } };
      return a.data.reserved.toBigInt();
    };
    const constant = (name: string) =>
      ((api.consts.proxy as unknown as Record<string, unknown>)[name] as { toBigInt(): bigint }).toBigInt();
    const proxyDeposit = constant('proxyDepositBase') + constant('proxyDepositFactor');
    const annDeposit = constant('announcementDepositBase') + constant('announcementDepositFactor');
    expect(proxyDeposit).toBe(93_000_000n);
    expect((await send(tx('balances', 'transferKeepAlive')(delegate.address, 5n * TAO), real)).failed).toBeNull();
    const reservedBefore = await reservedOf(real.address);
    // A proxy with a delay of 2 blocks: its deposit is reserved from Charlie.
    const added = await send(tx('proxy', 'addProxy')(delegate.address, 'Any', 2), real);
    expect(added.failed).toBeNull();
    expect(eventNames(added)).toContain('proxy.ProxyAdded');
    expect((await reservedOf(real.address)) - reservedBefore).toBe(proxyDeposit);
    const proxies = (await query('proxy', 'proxies')(real.address)) as unknown as [unknown[], { toBigInt(): bigint }];
    expect(proxies[1].toBigInt()).toBe(proxyDeposit);
    // A plain proxy call is refused: the delegate must announce.
    const pay = tx('balances', 'transferKeepAlive')(eve.address, 1n * TAO);
    const direct = await send(tx('proxy', 'proxy')(real.address, null, pay), delegate);
    expect(direct.failed?.name).toBe('Unannounced');
    // Announce the call's hash (blake2-256 of its SCALE bytes, as @polkadot/api computes it).
    const hash = pay.method.hash.toHex();
    const announced = await send(tx('proxy', 'announce')(real.address, hash), delegate);
    expect(announced.failed?.name ?? null).toBeNull();
    const ev = announced.events.find((e) => e.event.section === 'proxy' && e.event.method === 'Announced');
    expect(ev?.event.data.map((x) => x.toString())).toEqual([real.address, delegate.address, hash]);
    expect(await reservedOf(delegate.address)).toBe(annDeposit);
    const pending = (await query('proxy', 'announcements')(delegate.address)) as unknown as [
      { real: { toString(): string }; callHash: { toHex(): string } }[],
      { toBigInt(): bigint },
    ];
    expect(pending[0].map((a) => [a.real.toString(), a.callHash.toHex()])).toEqual([[real.address, hash]]);
    // After the delay, anyone runs it with proxy_announced.
    const eveBefore = await free(eve.address);
    const ran = await sendUntil(() => tx('proxy', 'proxyAnnounced')(delegate.address, real.address, null, pay), bob, [
      'Unannounced',
    ]);
    expect(ran.failed?.name ?? null).toBeNull();
    const executed = ran.events.find((e) => e.event.section === 'proxy' && e.event.method === 'ProxyExecuted');
    expect((executed?.event.data[0] as unknown as { isOk: boolean } | undefined)?.isOk).toBe(true);
    expect(await free(eve.address)).toBe(eveBefore + 1n * TAO);
    expect(await reservedOf(delegate.address)).toBe(0n);
    // A second announcement, rejected by the real account: the delegate's deposit comes back.
    expect((await send(tx('proxy', 'announce')(real.address, hash), delegate)).failed).toBeNull();
    expect((await send(tx('proxy', 'rejectAnnouncement')(delegate.address, hash), real)).failed).toBeNull();
    expect(await reservedOf(delegate.address)).toBe(0n);
    // Removing the proxy returns Charlie's deposit.
    expect((await send(tx('proxy', 'removeProxy')(delegate.address, 'Any', 2), real)).failed).toBeNull();
    expect(await reservedOf(real.address)).toBe(reservedBefore);
  }, 120_000);

  it('a failing call reports subtensor’s error name through findMetaError, and the fee is still paid', async () => {
    await send(tx('balances', 'transferKeepAlive')(eve.address, 1n * TAO), alice);
    const before = await free(eve.address);
    const o = await send(tx('subtensorModule', 'addStake')(daveHot.address, 1, 1000n * TAO), eve);
    expect(o.failed?.section, JSON.stringify([o.failed, eventNames(o)])).toBe('subtensorModule');
    expect(['NotEnoughBalanceToStake', 'SubnetNotExists', 'HotKeyAccountNotExists']).toContain(o.failed?.name);
    expect(eventNames(o)).toContain('system.ExtrinsicFailed');
    expect(await free(eve.address)).toBeLessThan(before);
  });

  it('Sudo.sudo wraps a root-only AdminUtils setter (Alice is the key); Sudid carries an inner Err; others get RequireSudo', async () => {
    const key = (await query('sudo', 'key')()) as unknown as { unwrap(): { toString(): string } };
    expect(key.unwrap().toString()).toBe(alice.address);
    const netuid = Math.max(...(await node.rpc<{ subnets: number[] }>('taonet_networkInfo')).subnets);
    const rateLimit = async () =>
      ((await query('subtensorModule', 'weightsSetRateLimit')(netuid)) as { toBigInt(): bigint }).toBigInt();
    expect(await rateLimit()).not.toBe(3n);
    const setter = () => tx('adminUtils', 'sudoSetWeightsSetRateLimit')(netuid, 3);
    const o = await send(tx('sudo', 'sudo')(setter()), alice);
    expect(o.failed?.name ?? null).toBeNull();
    expect((sudid(o) as { isOk: boolean }).isOk).toBe(true);
    expect(await rateLimit()).toBe(3n);
    // Root may not transfer (it has no account): the extrinsic succeeds, Sudid holds the BadOrigin.
    const inner = await send(tx('sudo', 'sudo')(tx('balances', 'transferKeepAlive')(bob.address, TAO)), alice);
    expect(inner.failed?.name ?? null).toBeNull();
    const err = sudid(inner) as { isErr: boolean; asErr: { isBadOrigin: boolean } };
    expect(err.isErr && err.asErr.isBadOrigin).toBe(true);
    // A module error in the inner call is named through the metadata, as for a failed extrinsic.
    const missing = await send(tx('sudo', 'sudo')(tx('adminUtils', 'sudoSetWeightsSetRateLimit')(9999, 3)), alice);
    const moduleErr = sudid(missing) as {
      asErr: { isModule: boolean; asModule: Parameters<typeof api.registry.findMetaError>[0] };
    };
    expect(moduleErr.asErr.isModule).toBe(true);
    const named = api.registry.findMetaError(moduleErr.asErr.asModule);
    expect([named.section, named.name]).toEqual(['subtensorModule', 'SubnetNotExists']);
    // Bob is not the key: the extrinsic fails with Sudo's own error, and the value stays.
    const refused = await send(tx('sudo', 'sudo')(tx('adminUtils', 'sudoSetWeightsSetRateLimit')(netuid, 9)), bob);
    expect(refused.failed).toEqual({ section: 'sudo', name: 'RequireSudo' });
    expect(await rateLimit()).toBe(3n);
  });

  it('Sudo.sudo(AdminUtils.sudo_set_admin_freeze_window(0)) opens the dev tempo to the subnet owner; the owner rate limit is root’s too', async () => {
    const u16Of = async (item: string) =>
      ((await query('subtensorModule', item)()) as { toNumber(): number }).toNumber();
    expect([await u16Of('adminFreezeWindow'), await u16Of('ownerHyperparamRateLimit')]).toEqual([10, 2]);
    let netuid = -1;
    for (const n of (await node.rpc<{ subnets: number[] }>('taonet_networkInfo')).subnets)
      if (String(await query('subtensorModule', 'subnetOwner')(n)) === dave.address) netuid = n;
    expect(netuid).toBeGreaterThan(0);
    const serving = async () =>
      ((await query('subtensorModule', 'servingRateLimit')(netuid)) as { toBigInt(): bigint }).toBigInt();
    const setServing = (v: number) => tx('adminUtils', 'sudoSetServingRateLimit')(netuid, v);
    const viaSudo = async (call: SubmittableExtrinsic<'promise'>, event: string) => {
      const o = await send(tx('sudo', 'sudo')(call), alice);
      expect((sudid(o) as { isOk: boolean }).isOk, eventNames(o).join()).toBe(true);
      const e = o.events.find((r) => r.event.section === 'subtensorModule' && r.event.method === event);
      return (e?.event.data[0] as unknown as { toNumber(): number } | undefined)?.toNumber();
    };
    // A window longer than the dev tempo (10) leaves the owner no block at all, so this refusal is certain.
    expect(await viaSudo(tx('adminUtils', 'sudoSetAdminFreezeWindow')(12), 'AdminFreezeWindowSet')).toBe(12);
    const refused = await send(setServing(77), dave);
    expect(refused.failed).toEqual({ section: 'subtensorModule', name: 'AdminActionProhibitedDuringWeightsWindow' });
    expect(await viaSudo(tx('adminUtils', 'sudoSetAdminFreezeWindow')(0), 'AdminFreezeWindowSet')).toBe(0);
    expect(await u16Of('adminFreezeWindow')).toBe(0);
    const set = await send(setServing(77), dave);
    expect(set.failed).toBeNull();
    expect(await serving()).toBe(77n);
    // The same hyperparameter again within two tempos: the rate limit, until root lifts it.
    expect((await send(setServing(78), dave)).failed?.name).toBe('TxRateLimitExceeded');
    expect(await viaSudo(tx('adminUtils', 'sudoSetOwnerHparamRateLimit')(0), 'OwnerHyperparamRateLimitSet')).toBe(0);
    expect((await send(setServing(78), dave)).failed).toBeNull();
    expect(await serving()).toBe(78n);
    // Bob is not the key: refused, and the window stays.
    const notRoot = await send(tx('sudo', 'sudo')(tx('adminUtils', 'sudoSetAdminFreezeWindow')(5)), bob);
    expect(notRoot.failed).toEqual({ section: 'sudo', name: 'RequireSudo' });
    expect(await u16Of('adminFreezeWindow')).toBe(0);
    // Back to subtensor's defaults for whatever runs next on this node.
    await viaSudo(tx('adminUtils', 'sudoSetAdminFreezeWindow')(10), 'AdminFreezeWindowSet');
    await viaSudo(tx('adminUtils', 'sudoSetOwnerHparamRateLimit')(2), 'OwnerHyperparamRateLimitSet');
    expect([await u16Of('adminFreezeWindow'), await u16Of('ownerHyperparamRateLimit')]).toEqual([10, 2]);
  }, 60_000);
});

describe('polkadot-api writes', () => {
  it('reads an account, submits a transfer with the unsafe API and watches it finalized', async () => {
    const client = createClient(getWsProvider(node.wsUrl, { websocketClass: WebSocket as never }));
    try {
      const unsafe = client.getUnsafeApi();
      const ferdie = key('Ferdie');
      const before = (await accountOf(unsafe)(keyring.encodeAddress(ferdie.kp.publicKey))) as {
        data: { free: bigint };
      };
      const signer = getPolkadotSigner(key('Alice').kp.publicKey, 'Sr25519', (m) => sign(key('Alice').kp, m));
      const tx = unsafeTx(
        unsafe,
        'Balances',
        'transfer_keep_alive',
      )({
        dest: { type: 'Id', value: keyring.encodeAddress(ferdie.kp.publicKey) },
        value: 3n * TAO,
      });
      const r = await tx.signAndSubmit(signer);
      expect(r.ok).toBe(true);
      const after = (await accountOf(unsafe)(keyring.encodeAddress(ferdie.kp.publicKey), {
        at: r.block.hash,
      })) as { data: { free: bigint } };
      expect(after.data.free).toBe(before.data.free + 3n * TAO);
    } finally {
      client.destroy();
    }
  }, 60_000);

  it('typed descriptors generated by `papi add` + `papi generate` from the node’s own metadata submit a transfer', async () => {
    // Generated at test time next to this file (gitignored), never committed. papi's generator ends
    // with an `npm install` of the descriptors package; the test imports the compiled files
    // directly, so a stand-in npm on PATH skips that network step.
    const dir = fileURLToPath(new URL('./.papi-gen/', import.meta.url));
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(join(dir, 'bin'), { recursive: true });
    writeFileSync(join(dir, 'package.json'), '{"name":"papi-gen","private":true,"type":"module"}');
    writeFileSync(join(dir, 'bin', 'npm'), '#!/bin/sh\nexit 0\n');
    chmodSync(join(dir, 'bin', 'npm'), 0o755);
    const metadata = await node.rpc<string>('state_getMetadata');
    writeFileSync(join(dir, 'taonet.scale'), Buffer.from(metadata.slice(2), 'hex'));
    const papi = fileURLToPath(new URL('../../../../node_modules/.bin/papi', import.meta.url));
    const env = { ...process.env, PATH: `${join(dir, 'bin')}:${process.env.PATH}` };
    execFileSync(papi, ['add', 'taonet', '-f', 'taonet.scale', '--skip-codegen'], { cwd: dir, env, stdio: 'pipe' });
    execFileSync(papi, ['generate'], { cwd: dir, env, stdio: 'pipe' });
    const d = (await import(join(dir, '.papi/descriptors/dist/index.js'))) as {
      taonet: never;
      MultiAddress: { Id(a: string): unknown };
    };
    const client = createClient(getWsProvider(node.wsUrl, { websocketClass: WebSocket as never }));
    try {
      const typed = client.getTypedApi(d.taonet) as unknown as {
        query: {
          System: { Account: { getValue(a: string, o?: { at: string }): Promise<{ data: { free: bigint } }> } };
        };
        tx: {
          Balances: {
            transfer_keep_alive(a: { dest: unknown; value: bigint }): {
              signAndSubmit(s: unknown): Promise<{ ok: boolean; block: { hash: string } }>;
            };
          };
        };
      };
      const to = keyring.encodeAddress(key('//Taonet//papi').kp.publicKey);
      const before = await typed.query.System.Account.getValue(to);
      const signer = getPolkadotSigner(key('Alice').kp.publicKey, 'Sr25519', (m) => sign(key('Alice').kp, m));
      const r = await typed.tx.Balances.transfer_keep_alive({
        dest: d.MultiAddress.Id(to),
        value: 2n * TAO,
      }).signAndSubmit(signer);
      expect(r.ok).toBe(true);
      const after = await typed.query.System.Account.getValue(to, { at: r.block.hash });
      expect(after.data.free).toBe(before.data.free + 2n * TAO);
    } finally {
      client.destroy();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
