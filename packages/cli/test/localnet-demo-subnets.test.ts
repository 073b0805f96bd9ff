/**
 * The localnet's demo subnets without processes: the setup (`DEMO_SUBNETS`) on the runtime
 * directly, then validators setting weights as `BaseValidator` does (every mechanism of their
 * subnet), block by block. The two-mechanism subnet has its count and split, and both mechanisms
 * pay miners; the child hotkey is in effect from the start, validates with its parent's stake, and
 * the parent's stake on that subnet grows through it while the child keeps its take. Identities
 * name the validators. On the commit-reveal subnet validators commit timelocked (as the SDK's
 * submitWeights does), the in-process chain writes the dev beacon's pulses and reveals them, and its
 * miners are paid. Owners may set hyperparameters at any block. The real processes are checked by the localnet test (test/localnet/).
 */
import { devAccount, devChainSpec } from '@taonet/node';
import {
  type AccountId,
  accountFromBytes,
  accountToBytes,
  DEV_BEACON_PUBLIC_KEY,
  encodeTimelockedWeightsPayload,
  timelockEncrypt,
} from '@taonet/primitives';
import { views } from '@taonet/runtime';
import { keypairFromUri, keypairSigner } from '@taonet/sdk';
import { chooseRevealRound } from '@taonet/sdk/actions';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { childLinks, DEMO_SUBNETS, makePlan, type NetworkPlan, subnetOf } from '../src/localnet/plan.js';
import { setupNetwork } from '../src/localnet/setup.js';
import { RuntimeClient } from './utils/runtime-client.js';

const idOf = (uri: string): AccountId => accountFromBytes(keypairFromUri(uri).publicKey);

/** Every validator sets equal weights on its subnet's honest miners, on every mechanism. */
async function setWeights(chain: RuntimeClient, plan: NetworkPlan): Promise<void> {
  for (const v of plan.neurons.filter((n) => n.role === 'validator')) {
    const sub = subnetOf(plan, v);
    const netuid = sub.netuid as number;
    const miners = plan.neurons.filter((n) => n.subnet === sub.name && n.role === 'miner');
    const uids = miners.map((m) =>
      views.metagraph(chain.state, netuid, ['hotkeys'])?.hotkeys?.indexOf(idOf(m.hotkeyUri)),
    );
    const signer = keypairSigner(keypairFromUri(v.hotkeyUri));
    if (sub.hyperparameters?.commitRevealEnabled === true) {
      const r = await chain.submit(signer, timelockedCommit(chain, netuid, idOf(v.hotkeyUri), uids as number[]));
      expect(r.ok, `${v.name}: ${r.code} ${r.explanation}`).toBe(true);
      continue;
    }
    for (let mecid = 0; mecid < (sub.mechanisms?.count ?? 1); mecid++) {
      await chain.submit(signer, {
        method: 'set_weights',
        args: { netuid, mecid, uids, values: uids.map(() => 65535), versionKey: 0n },
      });
    }
  }
}

/**
 * What the SDK's submitWeights sends on a commit-reveal subnet: the weights encrypted to the round
 * the SDK chooses (`chooseRevealRound`) from the head's time (blocks are 250 ms apart here), the
 * reveal epoch's first block and the chain's last stored round.
 */
function timelockedCommit(chain: RuntimeClient, netuid: number, hotkey: AccountId, uids: number[]) {
  const t = views.timelockedCommits(chain.state, netuid, chain.block);
  const next = t?.nextCommit;
  if (t == null || next == null) throw new Error(`netuid ${netuid}: no reveal schedule`);
  const revealRound = chooseRevealRound({
    headTimestampMs: chain.block * 250n,
    blockTimeMs: 250n,
    blocksToReveal: next.revealBlock - chain.block,
    genesisTime: 0n,
    period: 3n,
    lastStoredRound: t.lastStoredRound,
  });
  const payload = encodeTimelockedWeightsPayload({
    hotkeyPublicKey: accountToBytes(hotkey),
    uids,
    values: uids.map(() => 65535),
    versionKey: 0n,
  });
  const commit = timelockEncrypt(DEV_BEACON_PUBLIC_KEY, revealRound, payload, (n) => randomBytes(n));
  return { method: 'commit_timelocked_weights', args: { netuid, commit, revealRound, commitRevealVersion: 4 } };
}

describe('the localnet demo subnets', () => {
  it('two mechanisms pay their miners; a parent earns on subnet 2 through its child hotkey', async () => {
    const chain = new RuntimeClient(devChainSpec().genesis, devAccount('Alice'));
    const plan = makePlan({ validators: 2, miners: 2, cheaters: false, basePort: 9000 });
    expect(plan.subnets.map((s) => s.name)).toEqual(DEMO_SUBNETS.map((s) => s.name));
    await setupNetwork(chain, plan, () => {});

    const mech = plan.subnets.find((s) => s.mechanisms !== undefined);
    const mechNetuid = mech?.netuid as number;
    const info = views.mechanismInfo(chain.state, mechNetuid);
    expect(info?.count).toBe(mech?.mechanisms?.count);
    expect(info?.split).toEqual(mech?.mechanisms?.split);

    const [link] = childLinks(plan);
    if (link === undefined) throw new Error('the demo plan has no child hotkey');
    const netuid = link.subnet.netuid as number;
    const parent = idOf(link.parent.hotkeyUri);
    const child = idOf(link.child.hotkeyUri);
    // Named before the subnet started: in effect at once, nothing pending.
    expect(views.childrenOf(chain.state, parent, netuid).map((c) => c.hotkey)).toEqual([child]);
    expect(views.parentsOf(chain.state, child, netuid).map((c) => c.hotkey)).toEqual([parent]);
    expect(views.pendingChildrenOf(chain.state, parent, netuid)).toBeNull();
    expect(views.childKeyInfo(chain.state, child, netuid).childkeyTake).toBe(link.subnet.childHotkey?.take);
    expect(views.metagraph(chain.state, netuid, ['hotkeys'])?.hotkeys).not.toContain(parent);
    for (const v of plan.neurons.filter((n) => n.role === 'validator'))
      expect(views.identityOf(chain.state, idOf(v.coldkeyUri))?.name).toBe(v.name);

    const parentStake = (): bigint =>
      views
        .stakePositions(chain.state, idOf(link.parent.coldkeyUri))
        .find((p) => p.hotkey === parent && p.netuid === netuid)?.alpha ?? 0n;
    const childUid = views.metagraph(chain.state, netuid, ['hotkeys'])?.hotkeys?.indexOf(child) as number;
    const ownStake = (): bigint =>
      BigInt(views.metagraph(chain.state, netuid, ['alphaStake'])?.alphaStake?.[childUid] ?? 0n);
    // Weights every few blocks, as the validators do, over several tempos.
    chain.run(20);
    const before = parentStake();
    const childBefore = ownStake();
    for (let i = 0; i < 30; i++) {
      await setWeights(chain, plan);
      chain.run(5);
    }
    const earned = parentStake() - before;
    const kept = ownStake() - childBefore;
    expect(earned, 'the parent earns on subnet 2 through its child').toBeGreaterThan(0n);
    expect(kept, 'the child keeps its take').toBeGreaterThan(0n);
    expect(kept).toBeLessThan(earned);
    const permits = views.metagraph(chain.state, netuid, ['validatorPermit'])?.validatorPermit;
    expect(permits?.[childUid], 'the child validates with the stake it borrows').toBe(true);

    const miners = new Set(
      plan.neurons.filter((n) => n.subnet === mech?.name && n.role === 'miner').map((n) => idOf(n.hotkeyUri)),
    );
    for (let mecid = 0; mecid < 2; mecid++) {
      const mg = views.metagraph(chain.state, mechNetuid, ['hotkeys', 'incentive'], mecid);
      const paid = mg?.hotkeys?.filter((h, uid) => miners.has(h) && (mg.incentive?.[uid] ?? 0) > 0) ?? [];
      expect(paid.length, `mechanism ${mecid} pays its miners`).toBe(miners.size);
    }

    // The commit-reveal subnet: commits went on chain encrypted, the chain revealed them with the
    // beacon's pulses (none failed) and its miners are paid.
    const tl = plan.subnets.find((s) => s.hyperparameters?.commitRevealEnabled === true);
    const tlNetuid = tl?.netuid as number;
    const commits = views.timelockedCommits(chain.state, tlNetuid, chain.block);
    expect(commits?.commitRevealEnabled).toBe(true);
    expect(commits?.lastStoredRound ?? 0n, 'the beacon wrote pulses').toBeGreaterThan(0n);
    expect(commits?.failed).toEqual([]);
    await setWeights(chain, plan);
    const pending = views.timelockedCommits(chain.state, tlNetuid, chain.block)?.pending ?? [];
    expect(pending.length, 'fresh commits wait for their round').toBe(2);
    for (const p of pending) expect(p.revealRound).toBeGreaterThan(commits?.lastStoredRound ?? 0n);
    const tlMiners = new Set(
      plan.neurons.filter((n) => n.subnet === tl?.name && n.role === 'miner').map((n) => idOf(n.hotkeyUri)),
    );
    const tlValidators = new Set(
      plan.neurons.filter((n) => n.subnet === tl?.name && n.role === 'validator').map((n) => idOf(n.hotkeyUri)),
    );
    const mg = views.metagraph(chain.state, tlNetuid, ['hotkeys', 'incentive', 'weights']);
    const revealed = mg?.hotkeys?.filter((h, uid) => tlValidators.has(h) && (mg.weights?.[uid]?.length ?? 0) > 0);
    expect(revealed?.length, 'the chain revealed every validator’s weights').toBe(tlValidators.size);
    const tlPaid = mg?.hotkeys?.filter((h, uid) => tlMiners.has(h) && (mg.incentive?.[uid] ?? 0) > 0) ?? [];
    expect(tlPaid.length, 'the timelocked subnet pays its miners').toBe(tlMiners.size);

    // Owners may tune their subnets at any block: the setup turned the freeze window off, and a
    // tempo-10 subnet would otherwise be frozen at every block.
    const owned = plan.subnets[0];
    const ownerNetuid = owned?.netuid as number;
    const owner = keypairSigner(keypairFromUri(owned?.ownerUri as string));
    for (let i = 0; i < 3; i++) {
      const set = await chain.submit(owner, {
        method: 'set_hyperparameter',
        args: { netuid: ownerNetuid, name: 'immunityPeriod', value: 4000n + BigInt(i) },
      });
      if (i === 0) expect(set.ok, `${set.code}: ${set.hint}`).toBe(true);
      else expect(set.code, 'the owner rate limit still holds').toBe('TxRateLimitExceeded');
      chain.run(1);
    }
    expect(views.hyperparameters(chain.state, ownerNetuid)?.find((h) => h.name === 'immunityPeriod')?.value).toBe(
      4000n,
    );
  }, 120_000);
});
