/**
 * The dev beacon as a pulse source: every round's pulse is computed from the published dev seed
 * (primitives `dev-beacon.ts`), so a dev chain or localnet has a beacon with no network. INSECURE
 * by design: anyone can compute any round, so timelocks on a dev chain hide nothing from a
 * determined reader; what the chain still enforces is that no pulse lands before its round's time.
 */
import { type DrandPulse, devBeaconPulse } from '@taonet/primitives';
import type { PulseSource } from './pulse-source.js';

export class DevBeaconSource implements PulseSource {
  pulses(from: bigint, to: bigint): DrandPulse[] {
    const out: DrandPulse[] = [];
    for (let r = from; r <= to; r++) out.push(devBeaconPulse(r));
    return out;
  }
}
