/** The write path: signing, the dry run, the pool's updates and the one failure shape. */
import { describe, expect, it } from 'vitest';
import { submit, txFailure } from '../../src/client/submit.js';
import { keypairFromUri, keypairSigner, RpcCallError, toHex } from '../../src/index.js';
import { mortalEra } from '@taonet/primitives';
import { IN_BLOCK, ScriptedNode } from './scripted-node.js';

const alice = keypairSigner(keypairFromUri('//Alice'));
const call = { method: 'start_call', args: { netuid: 1 } };

describe('submit', () => {
  it('signs with the next nonce, the node’s runtime version and a mortal era from the head, then reads the block result', async () => {
    const node = new ScriptedNode();
    const r = await submit(node, alice, call, { period: 16, tip: 3n });
    const x = node.submitted[0];
    expect(x?.nonce).toBe(5n);
    // Born at the head (block 100): period 16, phase 100 mod 16.
    expect(x?.era).toEqual(mortalEra(100n, 16));
    expect(x?.era).toEqual({ type: 'mortal', period: 16n, phase: 4n });
    expect(x?.tip).toBe(3n);
    expect(x?.metadataHashMode).toBe(0);
    expect(x?.palletCall).toBe('SubtensorModule.start_call');
    expect(node.calls[0]).toEqual({ method: 'system_accountNextIndex', params: [toHex(alice.publicKey)] });
    // The scripted node verified the signature over spec 7 / transaction version 3, read here.
    expect(node.calls.some((c) => c.method === 'state_getRuntimeVersion')).toBe(true);
    expect(r).toMatchObject({ ok: true, stage: 'block', blockNumber: 101n, blockHash: IN_BLOCK, txHash: x?.hash });
    expect(node.calls.find((c) => c.method === 'taonet_extrinsicStatus')?.params).toEqual([x?.hash]);
    expect(r.fee?.rao).toBe(1000n);
    expect(r.events).toEqual([{ name: 'Done', data: {} }]);
    expect(node.unwatched).toEqual(['author_unwatchExtrinsic']);
  });

  it('returns a dry-run refusal without submitting', async () => {
    const node = new ScriptedNode({
      taonet_dryRun: () => ({ code: 'InsufficientBalance', explanation: 'not enough free TAO', hint: 'top up' }),
    });
    const r = await submit(node, alice, call);
    expect(r).toMatchObject({ ok: false, stage: 'precheck', code: 'InsufficientBalance', hint: 'top up' });
    expect(node.submitted).toEqual([]);
  });

  it('skips the dry run when asked, and reports a failure recorded in the block', async () => {
    const node = new ScriptedNode({ taonet_dryRun: () => ({ code: 'X', explanation: 'x' }) });
    node.result = { ok: false, fee: '9', events: [], error: { code: 'SubnetNotExists', explanation: 'no subnet 1' } };
    const r = await submit(node, alice, call, { precheck: false });
    expect(r).toMatchObject({ ok: false, stage: 'block', code: 'SubnetNotExists', explanation: 'no subnet 1' });
    expect(r.hint).toBeUndefined();
    expect(node.calls.some((c) => c.method === 'taonet_dryRun')).toBe(false);
  });

  it('waits for finality when asked', async () => {
    const node = new ScriptedNode();
    node.updates = () => ['ready', { inBlock: IN_BLOCK }, { finalized: IN_BLOCK }];
    const r = await submit(node, alice, call, { wait: 'finalized' });
    expect(r).toMatchObject({ ok: true, blockHash: IN_BLOCK, blockNumber: 101n });
    // Read once, at finality (not at inBlock).
    expect(node.calls.filter((c) => c.method === 'taonet_extrinsicStatus')).toHaveLength(1);
  });

  it('reports a pool drop or invalidity as a pool failure', async () => {
    const node = new ScriptedNode();
    // Substrate's statuses carry no reason: the SDK reads it from taonet_extrinsicStatus.
    node.updates = () => ['ready', 'dropped'];
    node.status = () => ({
      status: 'dropped',
      error: { code: 'ExpiredTransaction', explanation: 'outdated', hint: 'rebuild it against the current head' },
    });
    expect(await submit(node, alice, call)).toMatchObject({
      ok: false,
      stage: 'pool',
      code: 'ExpiredTransaction',
      hint: 'rebuild it against the current head',
    });
    node.updates = () => ['future', 'invalid'];
    node.status = () => ({ status: 'invalid', error: { code: 'InsufficientFeeBalance', explanation: 'cannot pay' } });
    expect(await submit(node, alice, call)).toMatchObject({ ok: false, stage: 'pool', code: 'InsufficientFeeBalance' });
  });

  it('gives up after the deadline with a hint to look the hash up', async () => {
    const node = new ScriptedNode();
    node.updates = () => ['ready'];
    const r = await submit(node, alice, call, { timeoutMs: 30 });
    expect(r).toMatchObject({ ok: false, code: 'Timeout' });
    expect(r.stage).toBeUndefined();
    expect(r.hint).toContain(r.txHash);
  });

  it('reports a refused submission (the node rejects the bytes) as a pool failure', async () => {
    const node = new ScriptedNode();
    node.rpc.subscribe = async () => {
      throw new Error('socket closed');
    };
    expect(await submit(node, alice, call)).toMatchObject({ ok: false, stage: 'pool', code: 'SubmitFailed' });
  });
});

describe('exact amounts behind a refusal', () => {
  const amounts = { free: { unit: 'TAO', rao: '5' }, needed: { unit: 'TAO', rao: '7' } };

  it('come back as TxResult.data from a dry run, a block result, or an RPC error’s details', async () => {
    const dry = new ScriptedNode({
      taonet_dryRun: () => ({
        code: 'InsufficientBalance',
        explanation: 'x',
        hint: 'τ0.000000005 < τ0.000000007',
        data: { amounts },
      }),
    });
    expect((await submit(dry, alice, call)).data).toEqual({ amounts });

    const inBlock = new ScriptedNode();
    inBlock.result = {
      ok: false,
      fee: '9',
      events: [],
      error: { code: 'InsufficientBalance', explanation: 'x', data: { amounts } },
    };
    expect((await submit(inBlock, alice, call, { precheck: false })).data).toEqual({ amounts });

    const refused = new ScriptedNode();
    refused.rpc.subscribe = async () => {
      throw new RpcCallError('InsufficientBalance', 'x', undefined, 1010, { amounts });
    };
    expect((await submit(refused, alice, call)).data).toEqual({ amounts });
    expect('data' in txFailure('pool', { code: 'A', explanation: 'b' }, '0x1')).toBe(false);
  });
});

describe('txFailure', () => {
  it('is the one failure shape: no hint key when there is none', () => {
    expect(txFailure('pool', { code: 'A', explanation: 'b' }, '0x1')).toEqual({
      ok: false,
      stage: 'pool',
      code: 'A',
      explanation: 'b',
      txHash: '0x1',
      events: [],
    });
    expect('stage' in txFailure(null, { code: 'A', explanation: 'b' }, '0x1')).toBe(false);
  });
});
