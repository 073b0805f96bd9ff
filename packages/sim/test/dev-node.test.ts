/**
 * "What the simulator predicts is what the chain does": a scenario run in the simulator, then the
 * same calls sent to a dev node as real signed extrinsics through the SDK's public client
 * (`Subtensor.submit`, so the test follows the SDK when the extrinsic format changes), block by
 * block with manual sealing. The simulator then runs the scenario again with the node's block
 * headers (parent hash, timestamp, author) and the signed sizes of its extrinsics — the only inputs
 * a node adds — and must decide the very same calls and end at the node's state root.
 */
import { type AccountId, toHex } from '@taonet/primitives';
import { createNode, devKeypair, initCrypto, type RunningNode, StateRoot } from '@taonet/node';
import type { CheckedExtrinsic, State } from '@taonet/runtime';
import { keypairFromUri, keypairSigner, type Signer, Subtensor } from '@taonet/sdk';
import { afterAll, describe, expect, it } from 'vitest';
import { runScenario } from '../src/engine/engine.js';
import { scenarioGenesis } from '../src/engine/world.js';
import { scenarioFromObject } from '../src/scenario/parse.js';

const scenario = scenarioFromObject({
  name: 'node-equivalence',
  seed: 9,
  epochs: 3,
  hyperparameters: { tempo: 8 },
  subnets: [
    {
      name: 'net',
      ownerBuyback: 1,
      validators: [
        { name: 'v1', stake: 300, behaviour: 'honest' },
        { name: 'v2', stake: 200, behaviour: { kind: 'copier', options: { target: 'v1' } } },
      ],
      miners: [
        { name: 'm1', quality: 0.8 },
        { name: 'm2', quality: 0.3, count: 2 },
      ],
    },
  ],
});

/** Every scenario role gets a real sr25519 key, by hard derivation from its role path. */
const signers = new Map<string, Signer>();
const roleOf = new Map<AccountId, string>();
function account(role: string): AccountId {
  const kp = keypairFromUri(
    `//taonet-sim${role
      .split('/')
      .map((p) => `//${p}`)
      .join('')}`,
  );
  const id = toHex(kp.publicKey) as AccountId;
  signers.set(id, keypairSigner(kp));
  roleOf.set(id, role);
  return id;
}

/** The node's state root (bucketed Merkle tree) over a state. */
function merkleRoot(state: State): string {
  const r = new StateRoot();
  for (const [item, key, value] of state.allEntries()) r.update(item, key, value);
  return toHex(r.root());
}

let node: RunningNode | undefined;
let client: Subtensor | undefined;
afterAll(async () => {
  await client?.close();
  await node?.close();
});

describe('simulator against a dev node', () => {
  it('ends in the identical state root as the same scenario sent as signed extrinsics', async () => {
    await initCrypto();
    const authority = devKeypair('//Alice');
    const author = toHex(authority.publicKey) as AccountId;

    // 1. The simulator's plan: every block's calls.
    const plan = new Map<bigint, CheckedExtrinsic[]>();
    let ownRoot = '';
    const first = runScenario(scenario, {
      env: { account, author, onBlock: (n, xs) => plan.set(n, [...xs]) },
      inspect: (state) => {
        ownRoot = merkleRoot(state);
      },
    });
    expect(first.failures).toEqual([]);
    const methods = new Set([...plan.values()].flat().map((x) => x.call.method));
    for (const m of ['register_network', 'set_hyperparameter', 'burned_register', 'add_stake', 'set_weights'])
      expect(methods.has(m), m).toBe(true);
    const last = [...plan.keys()].reduce((a, b) => (a > b ? a : b));

    // 2. The same genesis as a chain spec, a dev node sealing on request, the calls as signed extrinsics.
    node = await createNode({
      spec: {
        name: 'sim equivalence',
        id: 'sim-eq',
        blockTimeMs: 250,
        authorities: [author],
        genesis: scenarioGenesis(scenario, account),
      },
      basePath: null,
      authorityKey: authority,
      manualSeal: true,
      // The simulator has no block author: no MEV-shield keys rotate in its state either.
      mevShield: false,
      rpc: { port: 0, host: '127.0.0.1' },
    });
    client = await Subtensor.connect(node.rpcUrl.replace(/^http/, 'ws'));
    const st = client;
    for (let n = 1n; n <= last; n++) {
      const xs = plan.get(n) ?? [];
      const pending: Promise<unknown>[] = [];
      for (const [i, x] of xs.entries()) {
        const signer = signers.get(x.signer);
        if (signer === undefined) throw new Error(`no key for ${x.signer}`);
        pending.push(st.submit(signer, { method: x.call.method, args: { ...x.call.args } }, { precheck: false }));
        // One at a time into the pool, so the node includes them in the simulator's order.
        for (let tries = 0; ((await st.rpc.call('author_pendingExtrinsics')) as unknown[]).length < i + 1; tries++)
          if (tries > 500) throw new Error(`block ${n}: extrinsic ${i} (${x.call.method}) never reached the pool`);
      }
      const made = (await st.rpc.call('dev_advanceBlocks', [1])) as { extrinsics: number[] };
      expect(made.extrinsics, `block ${n}`).toEqual([xs.length]);
      const results = (await Promise.all(pending)) as { ok: boolean; code?: string }[];
      for (const [i, r] of results.entries())
        expect(r.ok, `block ${n} ${xs[i]?.call.method} from ${roleOf.get(xs[i]?.signer as AccountId)}: ${r.code}`).toBe(
          true,
        );
    }

    // 3. The simulator again, with the node's headers and extrinsic sizes: same calls, same root.
    const chain = node.chain;
    const block = (n: bigint) => {
      const b = chain.store.blockByNumber(n);
      if (b === null) throw new Error(`node has no block ${n}`);
      return b;
    };
    let root = '';
    const second = runScenario(scenario, {
      env: {
        account,
        author,
        header: (n) => ({ parentHash: block(n).header.parentHash, timestamp: block(n).header.timestamp }),
        length: (n, i) => (block(n).extrinsics[i] as Uint8Array).length,
        onBlock: (n, xs) => {
          expect(
            xs.map((x) => [x.signer, x.nonce, x.call]),
            `block ${n}`,
          ).toEqual((plan.get(n) ?? []).map((x) => [x.signer, x.nonce, x.call]));
        },
      },
      inspect: (state) => {
        root = merkleRoot(state);
      },
    });
    expect(second.failures).toEqual([]);
    expect(chain.head.number).toBe(last);
    expect(root).toBe(chain.head.stateRoot);
    // The node's headers and sizes are real inputs: with the simulator's own, the root differs.
    expect(ownRoot).not.toBe(chain.head.stateRoot);
  });
});
