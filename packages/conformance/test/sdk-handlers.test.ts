/** SDK handlers that no shared vector file exercises yet, checked with cases built from the spec's research values. */
import { describe, expect, it } from 'vitest';
import type { Json } from '../src/codec.js';
import { runCase } from '../src/run.js';

const ALICE = '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY';
const BOB = '5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty';
const EMPTY_HASH = 'a7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a';
const DENDRITE_SIG =
  '0x4aeae988f62cad4b8cf0180daa83753b19aea211ed0f783811af35faeb104462cb807070b27c03478548ddab3e0081a793698fda5109fcd3ca2f4d60456b4680';
const AXON_SIG =
  '0x04e94dca748fe970ea52877ea5fb8d6cadbe57bc03e7dd4a1791ff6711fc1055b687ae4c3f2cc5188df757c1903b9f85c749d6d782722c7dc73f945bc51c2c8f';

const dendrite = {
  kind: 'dendrite',
  nonce: '1718000000000000000',
  dendrite_hotkey: ALICE,
  axon_hotkey: BOB,
  uuid: '8f0e7a2c-1d2b-11ef-9c1a-0242ac120002',
  body_hash: EMPTY_HASH,
  signature: DENDRITE_SIG,
  signer_ss58: ALICE,
};

function check(name: string, input: Record<string, Json>, expected: Json): void {
  const r = runCase('(inline)', { name, fn: 'verify_terminal_signature', input, expected });
  expect(r.ok, r.error ?? JSON.stringify(r.mismatches)).toBe(true);
}

describe('verify_terminal_signature', () => {
  it('verifies the research dendrite signature and returns the message', () => {
    check('dendrite', dendrite, {
      message: `1718000000000000000.${ALICE}.${BOB}.8f0e7a2c-1d2b-11ef-9c1a-0242ac120002.${EMPTY_HASH}`,
      valid: true,
    });
  });

  it('verifies the research axon signature (no body hash)', () => {
    const axon = {
      ...dendrite,
      kind: 'axon',
      nonce: '1718000000500000000',
      uuid: '0b7c3e2a-1d2b-11ef-8f3b-0242ac120003',
    };
    check('axon', { ...axon, body_hash: null, signature: AXON_SIG, signer_ss58: BOB }, { valid: true });
  });

  it('gives valid: false, not an exception, for every flipped signature bit tried', () => {
    for (const at of [2, 40, 66, 129]) {
      const c = DENDRITE_SIG[at] === '0' ? '1' : '0';
      check(
        `flip ${at}`,
        { ...dendrite, signature: DENDRITE_SIG.slice(0, at) + c + DENDRITE_SIG.slice(at + 1) },
        { valid: false },
      );
    }
    check('short', { ...dendrite, signature: '0x00' }, { valid: false });
    check('wrong kind of message', { ...dendrite, kind: 'axon' }, { valid: false });
  });
});
