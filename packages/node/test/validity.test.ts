/**
 * One validity rule. Every refusal the runtime's `validateExtrinsic` makes (unknown call, used
 * nonce, unpayable fee, wrong origin) must reach the sender unchanged through each path that
 * checks a transaction: the pool at the door, the dry-run and block building. The pool and the
 * dry-run hold no copy of these checks: if one grows back, its wording or order drifts from the
 * runtime's and this test fails; the source check below catches a copy that reads the same
 * storage directly.
 */
import { readFileSync } from 'node:fs';
import { fromHex, mortalEra, type SignedExtrinsic } from '@taonet/primitives';
import { CallTranslationError } from '@taonet/primitives/substrate';
import { type CheckedExtrinsic, dryRun, type RuntimeErrorInfo, validateExtrinsic } from '@taonet/runtime';
import { beforeAll, describe, expect, it } from 'vitest';
import { Chain } from '../src/chain/chain.js';
import { toChecked, TransactionError } from '../src/chain/transaction-checks.js';
import { devAccount, devChainSpec } from '../src/chain-spec.js';
import { AuthorityRound } from '../src/consensus/authority-round.js';
import { devKeypair, initCrypto, sign } from '../src/crypto.js';
import { TxPool } from '../src/txpool/tx-pool.js';
import { devTx, headImplicit, rawSignedExtrinsic } from './support/dev-tx.js';

await initCrypto();
const spec = devChainSpec(250);

function tx(chain: Chain, who: string, nonce: bigint, method: string, args: Record<string, unknown>): SignedExtrinsic {
  return devTx(chain, who, nonce, { method, args });
}

function seal(chain: Chain, candidates: SignedExtrinsic[]) {
  const slot = chain.head.slot + 1n;
  const built = chain.buildBlock({
    key: devKeypair('//Alice'),
    author: devAccount('Alice'),
    timestamp: slot * 250n,
    slot,
    candidates,
  });
  chain.importBlock(built.block);
  return built;
}

function poolRefusal(pool: TxPool, x: SignedExtrinsic): RuntimeErrorInfo {
  try {
    pool.submit(x.bytes);
  } catch (e) {
    if (e instanceof TransactionError) return e.toJSON();
    throw e;
  }
  throw new Error(`the pool accepted ${x.call.method}`);
}

const transfer = { dest: devAccount('Bob'), amount: 1n };

describe('the runtime’s validity errors, through every path', () => {
  let chain: Chain;
  let pool: TxPool;
  let cases: [code: string, x: SignedExtrinsic][];

  beforeAll(async () => {
    chain = await Chain.open(spec, null, new AuthorityRound(spec.authorities, spec.blockTimeMs));
    pool = new TxPool(chain);
    // Alice uses nonce 0, so a second nonce 0 is stale.
    seal(chain, [tx(chain, 'Alice', 0n, 'transfer', transfer)]);
    cases = [
      ['StaleNonce', tx(chain, 'Alice', 0n, 'transfer', transfer)],
      ['InsufficientFeeBalance', tx(chain, 'Nobody', 0n, 'transfer', transfer)],
      ['BadOrigin', tx(chain, 'Bob', 0n, 'sudo_set_emission_enabled', { netuid: 1, enabled: true })],
    ];
  });

  it('the pool refuses with exactly the runtime’s typed error', () => {
    for (const [code, x] of cases) {
      const v = validateExtrinsic(chain.state, toChecked(x), { nonce: 'notStale' });
      expect(v.ok, code).toBe(false);
      if (v.ok) continue;
      expect(v.error.code).toBe(code);
      expect(typeof v.error.hint, `${code} has a hint`).toBe('string');
      expect(poolRefusal(pool, x)).toEqual(v.error);
    }
    expect(pool.size).toBe(0);
  });

  it('the dry-run refuses with exactly the runtime’s typed error', () => {
    const head = { number: chain.head.number + 1n, parentHash: chain.headHash, author: null, timestamp: 0n };
    for (const [code, x] of cases) {
      const v = validateExtrinsic(chain.state, toChecked(x), { nonce: 'notStale' });
      expect(v.ok ? null : v.error.code).toBe(code);
      expect(dryRun(chain.state, head, toChecked(x))).toEqual(v.ok ? null : v.error);
    }
  });

  it('block building leaves each out with exactly the runtime’s typed error', () => {
    const expected = cases.map(([, x]) => {
      const v = validateExtrinsic(chain.state, toChecked(x));
      return v.ok ? null : v.error;
    });
    const built = seal(
      chain,
      cases.map(([, x]) => x),
    );
    expect(built.included).toHaveLength(0);
    expect(built.rejected.map((r) => r.error)).toEqual(expected);
    expect(built.rejected.map((r) => r.error.code)).toEqual(cases.map(([code]) => code));
  });

  it('a call the runtime does not know is CallDisabled there; on the wire it has no call index and is malformed', () => {
    const unknown = {
      signer: devAccount('Alice'),
      nonce: 1n,
      call: { method: 'frobnicate', args: {} },
      length: 100,
      tip: 0n,
    };
    const v = validateExtrinsic(chain.state, unknown as CheckedExtrinsic, { nonce: 'notStale' });
    expect(v.ok ? null : v.error.code).toBe('CallDisabled');
    expect(() => tx(chain, 'Alice', 1n, 'frobnicate', {})).toThrow(CallTranslationError);
    // Pallet 7 (SubtensorModule), call 255: absent from the metadata, so the bytes do not decode.
    const bytes = rawSignedExtrinsic({
      signer: fromHex(devAccount('Alice')),
      sign: (m) => sign(devKeypair('//Alice'), m),
      implicit: headImplicit(chain),
      callBytes: new Uint8Array([7, 255]),
      nonce: 1n,
      era: mortalEra(chain.head.number, 64),
    });
    let refused: unknown;
    try {
      pool.submit(bytes);
    } catch (e) {
      refused = e;
    }
    expect(refused).toBeInstanceOf(TransactionError);
    expect((refused as TransactionError).code).toBe('MalformedExtrinsic');
    expect(pool.size).toBe(0);
  });

  it('a nonce ahead of the account waits in the pool (its own rule) but is refused for inclusion now', () => {
    const ahead = tx(chain, 'Charlie', 2n, 'transfer', transfer);
    const v = validateExtrinsic(chain.state, toChecked(ahead));
    expect(v.ok ? null : v.error.code).toBe('FutureNonce');
    expect(validateExtrinsic(chain.state, toChecked(ahead), { nonce: 'notStale' }).ok).toBe(true);
    pool.submit(ahead.bytes);
    expect(pool.has(ahead.hash)).toBe(true);
    expect(poolRefusal(pool, tx(chain, 'Charlie', 1000n, 'transfer', transfer)).code).toBe('FutureNonce');
  });

  it('neither the pool nor the RPC methods read the storage or the call table a validity check needs', () => {
    const pool = readFileSync(new URL('../src/txpool/tx-pool.ts', import.meta.url), 'utf8');
    const rpc = readFileSync(new URL('../src/rpc/methods.ts', import.meta.url), 'utf8');
    for (const name of ['callDef', 'transactionFee', 'freeBalance', 'SudoKey', 'storage']) {
      expect(pool.includes(name), `the pool uses ${name}`).toBe(false);
      expect(rpc.includes(name), `the RPC methods use ${name}`).toBe(false);
    }
  });
});
