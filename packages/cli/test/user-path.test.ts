/**
 * The whole user path from the CLI, with --json, against a real dev node process: create wallets,
 * fund them, create and start a subnet, register a validator and a miner, serve an axon, stake
 * with a limit, set weights, read the metagraph, and check the miner's axon through it.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Axon, Subtensor, Synapse, Wallet } from '@taonet/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DevNode, startDevNode, taonetJson } from './utils/dev-node.js';

let node: DevNode | undefined;
let ws = '';
const wallets = mkdtempSync(join(tmpdir(), 'taonet-wallets-'));

const taonet = (...args: string[]): Promise<Record<string, unknown>> =>
  taonetJson(ws, args, ['--wallet-path', wallets]);

beforeAll(async () => {
  node = await startDevNode();
  ws = node.ws;
}, 60_000);

afterAll(() => {
  node?.stop();
});

describe('taonet CLI user path', () => {
  it('goes from a new wallet to weights in the metagraph', async () => {
    const owner = await taonet('wallet', 'create', '--wallet-name', 'owner', '--no-password');
    expect(owner.success).toBe(true);
    const ownerCold = (owner.data as { coldkey_ss58: string }).coldkey_ss58;
    const validator = await taonet('wallet', 'create', '--wallet-name', 'validator', '--no-password');
    const vData = validator.data as { coldkey_ss58: string; hotkey_ss58: string };
    const miner = await taonet('wallet', 'create', '--wallet-name', 'miner', '--no-password');
    const mData = miner.data as { coldkey_ss58: string; hotkey_ss58: string };

    for (const dest of [ownerCold, vData.coldkey_ss58, mData.coldkey_ss58]) {
      const t = await taonet('wallet', 'transfer', '--uri', '//Alice', '--dest', dest, '--amount', '1000');
      expect(t.success, JSON.stringify(t)).toBe(true);
    }
    const bal = await taonet('wallet', 'balance', '--wallet-name', 'owner');
    expect((bal.free as { tao: string }).tao).toBe('1000');

    const created = await taonet('subnets', 'create', '--wallet-name', 'owner', '--name', 'cli-net');
    expect(created.success, JSON.stringify(created)).toBe(true);
    const netuid = String(created.netuid);
    expect((await taonet('subnets', 'start', '--netuid', netuid, '--wallet-name', 'owner')).success).toBe(true);

    const regV = await taonet('subnets', 'register', '--netuid', netuid, '--wallet-name', 'validator');
    expect(regV.success, JSON.stringify(regV)).toBe(true);
    const regM = await taonet('subnets', 'register', '--netuid', netuid, '--wallet-name', 'miner');
    expect(regM.success).toBe(true);
    const minerUid = regM.uid as number;

    const served = await taonet(
      'axon',
      'set',
      '--netuid',
      netuid,
      '--ip',
      '10.1.2.3',
      '--port',
      '8091',
      '--wallet-name',
      'miner',
    );
    expect(served.success, JSON.stringify(served)).toBe(true);
    // Nothing answers at 10.1.2.3 here: the address is advertised anyway, with the check's finding.
    const firstCheck = served.check as { reachable: boolean; problem: string | null };
    expect(firstCheck.reachable).toBe(false);
    expect(firstCheck.problem).toMatch(/10\.1\.2\.3:8091/);

    // A limit price the chain enforces: a tiny tolerance on a large stake is refused with a hint.
    const tooTight = await taonet(
      'stake',
      'add',
      '--netuid',
      netuid,
      '--amount',
      '500',
      '--tolerance',
      '0.0001',
      '--wallet-name',
      'validator',
    );
    expect(tooTight.success).toBe(false);
    // Which refusal depends on whether a block moved the price between the quote and the stake:
    // past the limit already, or the trade would push it past. Both carry a hint.
    expect(['SlippageTooHigh', 'PriceLimitExceeded']).toContain(tooTight.code);
    expect(String(tooTight.hint)).toMatch(tooTight.code === 'SlippageTooHigh' ? /at most/ : /limit price/);
    const staked = await taonet(
      'stake',
      'add',
      '--netuid',
      netuid,
      '--amount',
      '0.5',
      '--tolerance',
      '0.5',
      '--wallet-name',
      'validator',
    );
    expect(staked.success, JSON.stringify(staked)).toBe(true);
    const quote = staked.quote as { limitPrice: { unit: string; rao: string }; priceImpactRatio: number };
    expect(quote.limitPrice.unit).toBe('rao/alpha');
    expect(BigInt(quote.limitPrice.rao)).toBeGreaterThan(0n);
    expect(typeof quote.priceImpactRatio).toBe('number');
    expect(quote).not.toHaveProperty('priceImpact');
    // One quote: the limit in the block is the one the command showed, not a second quote's.
    const st = await Subtensor.connect(ws);
    try {
      const block = (await st.call('taonet_getBlock', [staked.blockHash])) as {
        extrinsics: { hash: string; call: { method: string; args: { limitPrice: string } } }[];
      };
      const sent = block.extrinsics.find((x) => x.hash === staked.txHash);
      expect(sent?.call.method).toBe('add_stake');
      expect(sent?.call.args.limitPrice).toBe(quote.limitPrice.rao);
    } finally {
      st.close();
    }

    const list = await taonet('stake', 'list', '--wallet-name', 'validator');
    expect((list.stakes as unknown[]).length).toBeGreaterThan(0);

    // Wait for an epoch to grant the validator its permit (dev tempo: 10 blocks of 250 ms).
    let permit = false;
    for (let i = 0; i < 40 && !permit; i++) {
      const mg = await taonet('subnets', 'metagraph', '--netuid', netuid);
      const n = (mg.neurons as { hotkey: string; permit: boolean }[]).find((x) => x.hotkey === vData.hotkey_ss58);
      permit = n?.permit ?? false;
      if (!permit) await new Promise((r) => setTimeout(r, 500));
    }
    expect(permit).toBe(true);
    const w = await taonet(
      'weights',
      'set',
      '--netuid',
      netuid,
      '--uids',
      String(minerUid),
      '--weights',
      '1',
      '--wallet-name',
      'validator',
    );
    expect(w.success, JSON.stringify(w)).toBe(true);
    expect(w.mode).toBe('direct');

    const mg = await taonet('subnets', 'metagraph', '--netuid', netuid);
    const neurons = mg.neurons as {
      uid: number;
      hotkey: string;
      axon: { ip: string; port: number } | null;
      stake: { unit: string; rao: string };
    }[];
    expect(neurons[minerUid]?.axon).toMatchObject({ ip: '10.1.2.3', port: 8091 });
    const vStake = neurons.find((x) => x.hotkey === vData.hotkey_ss58)?.stake;
    expect(vStake?.unit).toBe('alpha');
    expect(BigInt(vStake?.rao ?? '0')).toBeGreaterThan(0n);

    const hp = (await taonet('subnets', 'hyperparameters', '--netuid', netuid)) as unknown as { name: string }[];
    expect(hp.some((h) => h.name === 'tempo')).toBe(true);

    // A live axon with the miner's hotkey: advertised after the check passes, then found by UID.
    const minerHot = await new Wallet({ name: 'miner', hotkey: 'default', path: wallets }).hotkey();
    // The chain refuses 127.0.0.1 itself (as the reference does), so it advertises another loopback address.
    const live = new Axon({ keypair: minerHot, ip: '0.0.0.0', externalIp: '127.0.0.2', port: 0, open: true }).attach(
      Synapse,
      (x) => x,
    );
    const { port } = await live.start();
    try {
      const reserved = await taonet(
        'axon',
        'set',
        '--netuid',
        netuid,
        '--ip',
        '127.0.0.2',
        '--port',
        String(port),
        '--wallet-name',
        'miner',
      );
      expect(reserved.success, JSON.stringify(reserved)).toBe(true);
      expect(reserved.check).toMatchObject({ reachable: true, problem: null, hotkey: mData.hotkey_ss58 });
      const byUid = await taonet('axon', 'check', '--netuid', netuid, '--uid', String(minerUid));
      expect(byUid).toMatchObject({ success: true, reachable: true, hotkey: mData.hotkey_ss58, status: 200 });
      // The validator's hotkey is not who answers there: reported as a problem, exit code 1.
      const wrong = await taonet(
        'axon',
        'check',
        '--ip',
        '127.0.0.1',
        '--port',
        String(port),
        '--expect-hotkey',
        vData.hotkey_ss58,
      );
      expect(wrong.success).toBe(false);
      expect(wrong.problem).toMatch(/Another axon answers/);
    } finally {
      await live.stop();
    }
    const gone = await taonet('axon', 'check', '--netuid', netuid, '--uid', String(minerUid), '--timeout', '2');
    expect(gone).toMatchObject({ success: false, reachable: false, status: 503 });
    expect(gone.problem).toMatch(/Nothing accepts connections/);
  }, 240_000);

  it('explains a user error with a name, an explanation and a hint, and exits 1', async () => {
    const r = await taonet('wallet', 'balance', '--wallet-name', 'nobody');
    expect(r.success).toBe(false);
    expect(r.code).toBe('KeyfileMissing');
    expect(String(r.hint)).toMatch(/wallet create/);
  });
});
