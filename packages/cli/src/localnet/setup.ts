/**
 * Builds the local network on a fresh chain through ordinary transactions: funds every key from
 * //Alice, creates and starts the subnets (commit-reveal off, fast tempo), registers every neuron,
 * and stakes the validators. Each step is idempotent enough to resume after an interruption.
 */
import { keypairFromUri, keypairSigner, type Subtensor, Tao, type TxResult } from '@taonet/sdk';
import type { NetworkPlan } from './plan.js';

export type Say = (line: string) => void;

function must(r: TxResult, what: string): TxResult {
  if (!r.ok) throw new Error(`${what}: ${r.code}: ${r.explanation}${r.hint === undefined ? '' : ` (${r.hint})`}`);
  return r;
}

export async function setupNetwork(st: Subtensor, plan: NetworkPlan, say: Say): Promise<void> {
  const alice = keypairSigner(keypairFromUri('//Alice'));
  const coldkeys = [...new Set([...plan.subnets.map((s) => s.ownerUri), ...plan.neurons.map((n) => n.coldkeyUri)])];
  say(`funding ${coldkeys.length} accounts`);
  for (const uri of coldkeys) {
    const addr = keypairFromUri(uri).ss58Address;
    if ((await st.balance(addr)).rao < 1_000n * 1_000_000_000n)
      must(await st.transfer(alice, addr, Tao.of('2000')), `fund ${uri}`);
  }
  for (const sub of plan.subnets) {
    if (sub.netuid !== null) continue;
    const owner = keypairSigner(keypairFromUri(sub.ownerUri));
    const r = must(
      await st.registerNetwork(owner, keypairFromUri(`${sub.ownerUri}//hot`).ss58Address, { name: sub.name }),
      `create ${sub.name}`,
    );
    sub.netuid = r.events.find((e) => e.name === 'NetworkAdded')?.data.netuid as number;
    must(await st.startCall(owner, sub.netuid), `start ${sub.name}`);
    // A local network wants quick feedback: weights set directly, and weights allowed every block.
    must(await st.setHyperparameter(alice, sub.netuid, 'commitRevealEnabled', false), 'commit-reveal off');
    must(await st.setHyperparameter(alice, sub.netuid, 'weightsSetRateLimit', 0n), 'weights rate limit off');
    say(`subnet ${sub.name} is netuid ${sub.netuid}`);
  }
  for (const n of plan.neurons) {
    const netuid = plan.subnets.find((s) => s.kind === n.subnet)?.netuid as number;
    const hot = keypairFromUri(n.hotkeyUri).ss58Address;
    if ((await st.uidOf(netuid, hot)) === null) {
      must(await st.register(keypairSigner(keypairFromUri(n.coldkeyUri)), netuid, hot), `register ${n.name}`);
    }
  }
  say(`registered ${plan.neurons.length} neurons`);
  for (const n of plan.neurons.filter((x) => x.role === 'validator')) {
    const netuid = plan.subnets.find((s) => s.kind === n.subnet)?.netuid as number;
    const cold = keypairSigner(keypairFromUri(n.coldkeyUri));
    const r = await st.addStake(cold, {
      hotkey: keypairFromUri(n.hotkeyUri).ss58Address,
      netuid,
      amount: new Tao(plan.validatorStakeTao * 1_000_000_000n),
      tolerance: 9,
    });
    must(r.result, `stake ${n.name}`);
  }
  // Copiers stake a little so their hotkeys hold a validator permit: that is how a copier gets to
  // query the miner it copies (miners' axons serve permit holders only).
  for (const n of plan.neurons.filter((x) => x.copyOf !== undefined)) {
    const netuid = plan.subnets.find((s) => s.kind === n.subnet)?.netuid as number;
    const r = await st.addStake(keypairSigner(keypairFromUri(n.coldkeyUri)), {
      hotkey: keypairFromUri(n.hotkeyUri).ss58Address,
      netuid,
      amount: Tao.of('1'),
      tolerance: 9,
    });
    must(r.result, `stake ${n.name}`);
  }
  say('validators staked');
  plan.setupDone = true;
}
