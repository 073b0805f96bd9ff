import { readFileSync } from 'node:fs';
import { fromHex } from '../../src/codec/hex.js';

interface RawPulse {
  round: number;
  signature: string;
  randomness?: string;
}
interface RawCiphertext {
  label: string;
  round: number;
  plaintext?: string;
  ciphertext: string;
}
interface Fixture {
  quicknet: {
    chainHash: string;
    groupHash: string;
    publicKey: string;
    genesisTime: number;
    period: number;
    pulses: RawPulse[];
  };
  walkthrough: {
    publicKey: string;
    genesisTime: number;
    period: number;
    groupHash: string;
    chainHash: string;
    pulse: RawPulse;
  };
  pythonCiphertexts: RawCiphertext[];
  pythonOnChainCommit: RawCiphertext;
  tsCiphertexts: (RawCiphertext & { entropySeed: string })[];
}

export const fixture: Fixture = JSON.parse(
  readFileSync(new URL('../fixtures/drand-quicknet.json', import.meta.url), 'utf8'),
);

export const hex = (s: string): Uint8Array => fromHex(`0x${s}`);

export const quicknetSignature = (round: number): Uint8Array => {
  const p = fixture.quicknet.pulses.find((x) => x.round === round);
  if (p === undefined) throw new Error(`no recorded quicknet pulse for round ${round}`);
  return hex(p.signature);
};
