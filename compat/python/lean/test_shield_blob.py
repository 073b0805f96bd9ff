"""MEV shield blobs (bittensor_core 0.1.5, the encryptor of bittensor 11.3's burned_register): Taonet's
TypeScript blobs have the header, size and layout the client's own blobs have for the same key."""

import pytest

from shield_blob import check_ts_blobs_match_client

bittensor_core = pytest.importorskip("bittensor_core")


def _encrypt(pk: bytes, plaintext: bytes) -> bytes:
    return bittensor_core.encrypt_mlkem768(pk, plaintext, include_key_hash=True)


def test_taonet_blobs_match_bittensor_core():
    check_ts_blobs_match_client(_encrypt)


def test_a_key_of_the_wrong_size_is_refused_by_the_client():
    with pytest.raises(ValueError):
        _encrypt(b"\x00" * 100, b"\x01")
