"""Fixtures shared by every client line: a real Taonet dev node, the Taonet peer (TS Axon and
Dendrite), and Bittensor wallets made from dev URIs in a temporary folder."""

from __future__ import annotations

import os

import pytest

# async-substrate-interface caches runtimes per URL on disk and reads this once, at import: a fresh
# chain behind a reused port must never meet a stale cache (spec §6). Set before any test imports it.
os.environ["NO_CACHE"] = "1"

from taonet_harness import TaonetNode, start_node


@pytest.fixture(scope="session")
def taonet_node() -> TaonetNode:
    """A manual-seal ``taonet node --dev`` for the whole session, stopped at the end."""
    node = start_node(manual_seal=True)
    try:
        yield node
    finally:
        node.stop()


@pytest.fixture(scope="session")
def taonet_chain() -> TaonetNode:
    """A dev node that seals a block every 250 ms by itself, for the clients' chain paths: they
    wait for inclusion and finality on their own and cannot call ``dev_advanceBlocks``."""
    node = start_node(manual_seal=False, args=["--block-time", "250"])
    try:
        yield node
    finally:
        node.stop()


@pytest.fixture(scope="session")
def taonet_peer():
    """``peer/taonet-peer.ts``: Taonet's Axon and Dendrite, driven over JSON lines."""
    from taonet_peer import TaonetPeer

    peer = TaonetPeer()
    try:
        yield peer
    finally:
        peer.close()


@pytest.fixture(scope="session")
def make_wallet(tmp_path_factory):
    """``make_wallet("//Alice", "//Bob")``: an unencrypted bittensor_wallet Wallet on disk."""
    from bittensor_wallet import Wallet

    root = tmp_path_factory.mktemp("wallets")
    made: dict = {}

    def make(coldkey_uri: str, hotkey_uri: str):
        key = (coldkey_uri, hotkey_uri)
        if key not in made:
            name = f"w{len(made)}"
            w = Wallet(name=name, hotkey="default", path=str(root))
            w.create_coldkey_from_uri(coldkey_uri, use_password=False, overwrite=True, suppress=True)
            w.create_hotkey_from_uri(hotkey_uri, use_password=False, overwrite=True, suppress=True)
            made[key] = w
        return made[key]

    return make
