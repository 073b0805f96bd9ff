/** The Substrate forms of the beacon and timelocked weights: call indices and arguments as subtensor has them. */
import { accountFromBytes, devBeaconPulse } from '@taonet/primitives';
import { decodeRuntimeCall, encodeRuntimeCall, encodeSubstrateCall } from '@taonet/primitives/substrate';
import { describe, expect, it } from 'vitest';

describe('timelocked weights and pulses on the wire', () => {
  it('commit_timelocked_mechanism_weights is SubtensorModule 118 with subtensor’s arguments', () => {
    const commit = Uint8Array.from([1, 2, 3]);
    const bytes = encodeSubstrateCall('SubtensorModule', 'commit_timelocked_mechanism_weights', {
      netuid: 3,
      mecid: 1,
      commit,
      reveal_round: 123_456n,
      commit_reveal_version: 4,
    });
    expect([...bytes.subarray(0, 2)]).toEqual([7, 118]);
    // netuid u16, mecid u8, Vec<u8>, u64, u16
    expect(bytes.length).toBe(2 + 2 + 1 + 1 + 3 + 8 + 2);
    const d = decodeRuntimeCall(bytes);
    expect(d.runtime).toEqual({
      method: 'commit_timelocked_weights',
      args: { netuid: 3, mecid: 1, commit, revealRound: 123_456n, commitRevealVersion: 4 },
    });
    expect(encodeRuntimeCall(d.runtime)).toEqual(bytes);
    const plain = encodeRuntimeCall({
      method: 'commit_timelocked_weights',
      args: { netuid: 3, commit, revealRound: 9n, commitRevealVersion: 4 },
    });
    expect([...plain.subarray(0, 2)]).toEqual([7, 113]);
  });

  it('write_pulse is Drand 0 with a PulsesPayload and no signature', () => {
    const author = accountFromBytes(new Uint8Array(32).fill(7));
    const pulses = [devBeaconPulse(5n), devBeaconPulse(6n)];
    const bytes = encodeRuntimeCall({ method: 'write_pulse', args: { pulses, blockNumber: 12, author } });
    expect([...bytes.subarray(0, 2)]).toEqual([26, 0]);
    const d = decodeRuntimeCall(bytes);
    expect(d.pallet).toBe('Drand');
    expect(d.runtime.args).toEqual({ pulses, blockNumber: 12, author });
    expect(bytes.at(-1)).toBe(0); // Option<MultiSignature>::None
  });
});
