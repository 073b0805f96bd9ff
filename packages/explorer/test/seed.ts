/**
 * Puts something worth looking at on a fresh dev chain through the SDK: a named subnet owned by
 * //Bob, a validator (//Alice's coldkey, hotkey //validator-hot) with stake and weights, two
 * miners, and one extrinsic that fails inside a block (so its decoded error can be shown).
 */
import { keypairFromUri, keypairSigner, Metagraph, type Subtensor, Tao, type TxResult } from '@taonet/sdk';

export const alice = keypairSigner(keypairFromUri('//Alice'));
export const aliceAddress = keypairFromUri('//Alice').ss58Address;
export const bob = keypairSigner(keypairFromUri('//Bob'));
export const validatorHot = keypairFromUri('//validator-hot');
export const minerHots = [keypairFromUri('//miner-a'), keypairFromUri('//miner-b')];

function must(r: TxResult, what: string): TxResult {
  if (!r.ok) throw new Error(`${what} failed: ${r.code} ${r.explanation} ${r.hint ?? ''}`);
  return r;
}

export interface Seeded {
  readonly netuid: number;
  /** Block holding the extrinsic that failed, and its error code. */
  readonly failedBlock: bigint;
  readonly failedCode: string;
}

export async function seed(st: Subtensor): Promise<Seeded> {
  const identity = {
    name: 'Apex Forecasts',
    github: '',
    contact: '',
    url: '',
    discord: '',
    description: 'price forecasting',
    logoUrl: '',
    additional: '',
  };
  const reg = must(
    await st.registerNetwork(bob, keypairFromUri('//Bob/owner-hot').ss58Address, identity),
    'register_network',
  );
  const netuid = reg.events.find((e) => e.name === 'NetworkAdded')?.data.netuid as number;
  must(await st.startCall(bob, netuid), 'start_call');
  must(await st.register(alice, netuid, validatorHot.ss58Address), 'register validator');
  for (const m of minerHots) must(await st.register(bob, netuid, m.ss58Address), 'register miner');
  const { result } = await st.addStake(alice, {
    hotkey: validatorHot.ss58Address,
    netuid,
    amount: Tao.of('2'),
    tolerance: 0.5,
  });
  must(result, 'add_stake');
  // Wait for an epoch to give the validator its permit, then set weights on the miners.
  for (let i = 0; i < 200; i++) {
    const mg = await new Metagraph(st, netuid).sync();
    if (mg.hasValidatorPermit(validatorHot.ss58Address)) break;
    await new Promise((r) => setTimeout(r, 150));
  }
  const uids = [] as number[];
  for (const m of minerHots) {
    const uid = await st.uidOf(netuid, m.ss58Address);
    if (uid !== null) uids.push(uid);
  }
  const w = await st.submitWeights(keypairSigner(validatorHot), { netuid, uids, weights: [0.7, 0.3] });
  must(w.result, 'set_weights');
  // An extrinsic that fails in its block: staking into a subnet that does not exist, sent without
  // the SDK's dry run so it is included (and pays its fee) instead of being refused up front.
  const failed = await st.submit(
    alice,
    {
      method: 'add_stake',
      args: {
        hotkey: `0x${Buffer.from(validatorHot.publicKey).toString('hex')}`,
        netuid: 77,
        amount: 1_000_000_000n,
        limitPrice: 10n ** 18n,
        allowPartial: false,
      },
    },
    { precheck: false },
  );
  if (failed.ok || failed.stage !== 'block' || failed.blockNumber === undefined)
    throw new Error(`expected an in-block failure, got ${JSON.stringify(failed)}`);
  return { netuid, failedBlock: failed.blockNumber, failedCode: failed.code ?? '' };
}
