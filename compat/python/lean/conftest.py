"""Lean line (bittensor 11.3): the client and wallets every lean test module uses."""

from __future__ import annotations

import bittensor as bt
import pytest
from bittensor_wallet import Wallet as FileWallet


@pytest.fixture(scope="module")
def monkeypatch_module():
    mp = pytest.MonkeyPatch()
    yield mp
    mp.undo()


@pytest.fixture(scope="module")
def sub(taonet_chain, tmp_path_factory, monkeypatch_module):
    """A ``bt.Subtensor`` on the session's dev node, closed with the module."""
    # 11.x caches metadata per genesis and spec version; a dev chain keeps both, so use a private cache.
    monkeypatch_module.setenv("BITTENSOR_RUNTIME_CACHE_DIR", str(tmp_path_factory.mktemp("bt-runtime-cache")))
    s = bt.Subtensor(taonet_chain.ws)
    yield s
    s.close()


@pytest.fixture(scope="module")
def wallets(tmp_path_factory):
    """11.x's own Wallet over the standard wallet files (written by bittensor_wallet from dev URIs)."""
    root = tmp_path_factory.mktemp("lean-wallets")

    def make(name: str, coldkey_uri: str, hotkey_uri: str):
        w = FileWallet(name=name, hotkey="default", path=str(root))
        w.create_coldkey_from_uri(coldkey_uri, use_password=False, overwrite=True, suppress=True)
        w.create_hotkey_from_uri(hotkey_uri, use_password=False, overwrite=True, suppress=True)
        return bt.Wallet(name=name, hotkey="default", path=str(root))

    return make
