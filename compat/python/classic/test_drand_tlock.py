"""Timelock ciphertexts cross the language boundary both ways: what Taonet's TypeScript tlock
(packages/primitives/src/drand) encrypts, bittensor_drand (the Rust `tle` crate the SDK and subtensor
use) decrypts with the recorded quicknet signature; and what bittensor_drand encrypts decrypts with
Taonet's (the TypeScript side of that is packages/primitives/test/drand/tlock.test.ts). No network:
every signature comes from the recorded fixture."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

bittensor_drand = pytest.importorskip("bittensor_drand")

FIXTURE = Path(__file__).resolve().parents[3] / "packages/primitives/test/fixtures/drand-quicknet.json"


def _fixture() -> dict:
    return json.loads(FIXTURE.read_text())


def _user_data(ciphertext: bytes, reveal_round: int) -> bytes:
    """bittensor_drand's decrypt takes its SCALE envelope: Vec<u8> ciphertext, u64 reveal round."""
    n = len(ciphertext)
    assert 64 <= n < 1 << 14, "two-byte compact length"
    return ((n << 2) | 1).to_bytes(2, "little") + ciphertext + reveal_round.to_bytes(8, "little")


def test_bittensor_drand_opens_taonet_ciphertexts():
    fx = _fixture()
    signatures = {p["round"]: p["signature"] for p in fx["quicknet"]["pulses"]}
    assert fx["tsCiphertexts"], "the fixture lost its Taonet-made ciphertexts"
    for case in fx["tsCiphertexts"]:
        envelope = _user_data(bytes.fromhex(case["ciphertext"]), case["round"])
        opened = bittensor_drand.decrypt_with_signature(envelope, signatures[case["round"]])
        assert opened == bytes.fromhex(case["plaintext"]), case["label"]


def test_bittensor_drand_refuses_the_wrong_round_signature():
    fx = _fixture()
    case = fx["tsCiphertexts"][0]
    other = next(p["signature"] for p in fx["quicknet"]["pulses"] if p["round"] != case["round"])
    envelope = _user_data(bytes.fromhex(case["ciphertext"]), case["round"])
    with pytest.raises(ValueError):
        bittensor_drand.decrypt_with_signature(envelope, other)
