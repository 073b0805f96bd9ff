"""MEV shield blobs (bittensor_drand 2.0.0, the encryptor of btcli 9.23 and bittensor 10.5): Taonet's
TypeScript blobs have the header, size and layout the client's own blobs have for the same key."""

import pytest

from shield_blob import check_ts_blobs_match_client, fixture

bittensor_drand = pytest.importorskip("bittensor_drand")


def _encrypt(pk: bytes, plaintext: bytes) -> bytes:
    return bittensor_drand.encrypt_mlkem768(pk, plaintext, include_key_hash=True)


def test_taonet_blobs_match_bittensor_drand():
    check_ts_blobs_match_client(_encrypt)


def test_the_recorded_client_blobs_came_from_this_encryptor():
    fx = fixture()
    pk = bytes.fromhex(fx["publicKey"][2:])
    for case in (c for c in fx["clientBlobs"] if c["client"].startswith("bittensor_drand")):
        plaintext = bytes.fromhex(case["plaintext"][2:])
        assert bytes.fromhex(case["blob"][2:])[:18] == _encrypt(pk, plaintext)[:18]


def test_a_key_of_the_wrong_size_is_refused_by_the_client():
    with pytest.raises(ValueError):
        _encrypt(b"\x00" * 100, b"\x01")
