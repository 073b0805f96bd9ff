"""Shared checks for the MEV shield blob tests of both client lines (spec mev-shield.md §3).

The clients can encrypt (``encrypt_mlkem768``) but expose no parser or decryptor, so the TypeScript
blobs are checked against what the client itself builds for the same key: the same 18-byte header
(twox128 key hash and kem_len), the same size for the same plaintext, the same field layout. That
Taonet can open the clients' blobs is packages/primitives/test/shield/shield-blob.test.ts.
"""

from __future__ import annotations

import json
from pathlib import Path

import xxhash

FIXTURE = Path(__file__).resolve().parents[2] / "packages/primitives/test/fixtures/shield-blobs.json"

KEM_CT = 1088
OVERHEAD = 16 + 2 + KEM_CT + 24 + 16


def fixture() -> dict:
    return json.loads(FIXTURE.read_text())


def twox128(data: bytes) -> bytes:
    return b"".join(xxhash.xxh64(data, seed=s).intdigest().to_bytes(8, "little") for s in (0, 1))


def fields(blob: bytes) -> tuple[bytes, int, bytes, bytes, bytes]:
    """key_hash, kem_len, kem_ct, nonce, aead_ct; asserts no field runs past the end."""
    assert len(blob) >= 18
    kem_len = int.from_bytes(blob[16:18], "little")
    assert len(blob) >= 18 + kem_len + 24
    return blob[:16], kem_len, blob[18 : 18 + kem_len], blob[18 + kem_len : 42 + kem_len], blob[42 + kem_len :]


def check_ts_blobs_match_client(encrypt) -> None:
    """``encrypt(pk, plaintext) -> blob`` is the client's own encryptor with the key hash on."""
    fx = fixture()
    pk = bytes.fromhex(fx["publicKey"][2:])
    assert len(pk) == 1184
    assert fx["tsBlobs"], "the fixture lost its Taonet-made blobs"
    for case in fx["tsBlobs"]:
        plaintext = bytes.fromhex(case["plaintext"][2:])
        ours = bytes.fromhex(case["blob"][2:])
        theirs = encrypt(pk, plaintext)
        assert ours[:18] == theirs[:18], case["label"]
        assert len(ours) == len(theirs) == OVERHEAD + len(plaintext), case["label"]
        key_hash, kem_len, kem_ct, nonce, aead_ct = fields(ours)
        assert key_hash == twox128(pk)
        assert kem_len == KEM_CT and len(kem_ct) == KEM_CT and len(nonce) == 24
        assert len(aead_ct) == len(plaintext) + 16
        # Fresh randomness per blob, as the node expects: only the header repeats.
        assert theirs[18:] != encrypt(pk, plaintext)[18:]
