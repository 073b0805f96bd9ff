/** The chain core: genesis, building and importing blocks, persistence and reopening. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RAO_PER_TAO } from '@taonet/primitives';
import { storage } from '@taonet/runtime';
import { describe, expect, it } from 'vitest';
import { Chain, ImportError } from '../src/chain/chain.js';
import { devAccount, devChainSpec } from '../src/chain-spec.js';
import { AuthorityRound } from '../src/consensus/authority-round.js';
import { devKeypair, initCrypto } from '../src/crypto.js';
import { devTx } from './support/dev-tx.js';

await initCrypto();
const spec = devChainSpec(250);
const alice = devKeypair('//Alice');
const consensus = () => new AuthorityRound(spec.authorities, spec.blockTimeMs);

function transfer(chain: Chain, nonce: bigint, amount: bigint) {
  return devTx(chain, 'Alice', nonce, { method: 'transfer', args: { dest: devAccount('Bob'), amount } });
}

function produce(chain: Chain, txs: ReturnType<typeof transfer>[]) {
  const slot = chain.head.slot + 1n;
  const built = chain.buildBlock({
    key: alice,
    author: devAccount('Alice'),
    timestamp: slot * 250n,
    slot,
    candidates: txs,
  });
  return { built, imported: chain.importBlock(built.block) };
}

describe('chain', () => {
  it('builds, imports and persists blocks; a reopened chain has the same head and root', async () => {
    const base = mkdtempSync(join(tmpdir(), 'taonet-chain-'));
    const chain = await Chain.open(spec, base, consensus());
    const bobBefore = chain.state.get(storage.Accounts, devAccount('Bob'))?.free ?? 0n;
    const { built, imported } = produce(chain, [
      transfer(chain, 0n, 5n * RAO_PER_TAO),
      transfer(chain, 1n, RAO_PER_TAO),
    ]);
    expect(built.included).toHaveLength(2);
    expect(imported.result.extrinsics.every((r) => r.ok)).toBe(true);
    expect(chain.state.get(storage.Accounts, devAccount('Bob'))?.free).toBe(bobBefore + 6n * RAO_PER_TAO);
    produce(chain, []);
    const head = chain.headHash;
    const root = chain.head.stateRoot;
    await chain.close();
    const again = await Chain.open(spec, base, consensus());
    expect(again.headHash).toBe(head);
    expect(again.head.stateRoot).toBe(root);
    expect(again.state.get(storage.Accounts, devAccount('Bob'))?.free).toBe(bobBefore + 6n * RAO_PER_TAO);
    await again.close();
  });

  it('leaves out a transaction with a reused nonce, and a block with a wrong state root is rejected unchanged', async () => {
    const chain = await Chain.open(spec, null, consensus());
    const { built } = produce(chain, [transfer(chain, 0n, 1n), transfer(chain, 0n, 2n)]);
    expect(built.included).toHaveLength(1);
    expect(built.rejected[0]?.error.code).toBe('StaleNonce');
    const slot = chain.head.slot + 1n;
    const good = chain.buildBlock({
      key: alice,
      author: devAccount('Alice'),
      timestamp: slot * 250n,
      slot,
      candidates: [transfer(chain, 1n, 3n)],
    });
    chain.discardBuilt();
    const rootBefore = chain.head.stateRoot;
    const forged = { ...good.block, header: { ...good.block.header, stateRoot: `0x${'11'.repeat(32)}` } };
    expect(() => chain.importBlock(forged)).toThrow(ImportError);
    // The forged header's seal no longer matches, so it fails at the header check.
    expect(chain.head.stateRoot).toBe(rootBefore);
    // The honest block still imports after the failure.
    expect(chain.importBlock(good.block).hash).toBe(chain.headHash);
    await chain.close();
  });
});
