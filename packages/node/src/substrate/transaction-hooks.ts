/**
 * The transaction APIs' view of the chain: the same checks the pool makes at its door (signature,
 * era, the runtime's validity rule) and the runtime's fee rule, for one extrinsic at the head.
 */
import { accountToBytes, concatBytes, eraBirth, type SignedExtrinsic } from '@taonet/primitives';
import { encodeCompact } from '@taonet/primitives/substrate';
import { callDef, storage, transactionFee, validateExtrinsic } from '@taonet/runtime';
import type { Chain } from '../chain/chain.js';
import { checkTransaction, decodeOrReject, TransactionError, toChecked } from '../chain/transaction-checks.js';
import type { TransactionHooks, TxVerdict } from './transaction-apis.js';

const U64_MAX = (1n << 64n) - 1n;

/** (account, nonce) as Substrate's CheckNonce tags it: 32 bytes ‖ u32 little-endian. */
function tag(x: SignedExtrinsic, nonce: bigint): Uint8Array {
  const n = new Uint8Array(4);
  new DataView(n.buffer).setUint32(0, Number(nonce), true);
  return concatBytes(accountToBytes(x.signer), n);
}

/** Runtime-API args carry the extrinsic without its length prefix; the wire form has it. */
const withPrefix = (b: Uint8Array): Uint8Array => concatBytes(encodeCompact(b.length), b);

export function transactionHooks(chain: Chain): TransactionHooks {
  return {
    validate(bytes): TxVerdict {
      try {
        const x = decodeOrReject(withPrefix(bytes));
        const next = chain.head.number + 1n;
        checkTransaction(x, chain.txContext, next);
        const v = validateExtrinsic(chain.state, toChecked(x), { nonce: 'notStale' });
        if (!v.ok) return { ok: false, error: v.error };
        const longevity = x.era.type === 'immortal' ? U64_MAX : eraBirth(x.era, next) + x.era.period - next;
        return {
          ok: true,
          priority: x.tip,
          requires: x.nonce > v.valid.accountNonce ? [tag(x, x.nonce - 1n)] : [],
          provides: [tag(x, x.nonce)],
          longevity: longevity > 0n ? longevity : 1n,
        };
      } catch (e) {
        if (e instanceof TransactionError) return { ok: false, error: e.toJSON() };
        throw e;
      }
    },
    fee(bytes, length) {
      try {
        const x = decodeOrReject(withPrefix(bytes));
        const def = callDef(x.call.method);
        if (def === undefined)
          return { ok: false, error: { code: 'CallDisabled', explanation: `unknown call '${x.call.method}'` } };
        const fee = transactionFee(chain.state.value(storage.Params), length, def.pays, x.tip);
        return { ok: true, fee, tip: x.tip, pays: def.pays };
      } catch (e) {
        if (e instanceof TransactionError) return { ok: false, error: e.toJSON() };
        throw e;
      }
    },
  };
}
