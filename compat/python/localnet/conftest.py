"""The shielded client paths against a running ``npm start`` localnet (not a dev node of our own):
``packages/cli/test/localnet/localnet.test.ts`` runs these files with the network's addresses in
``TAONET_LOCALNET_WS`` / ``TAONET_LOCALNET_RPC`` and a subnet and validator hotkey to stake on."""

from __future__ import annotations

import os

import pytest

from taonet_harness import TaonetNode


@pytest.fixture(scope="session")
def localnet() -> TaonetNode:
    """The running localnet, read through the same helpers as a dev node (``rpc``, ``cli``, ``ws``)."""
    ws, rpc = os.environ.get("TAONET_LOCALNET_WS"), os.environ.get("TAONET_LOCALNET_RPC")
    if not ws or not rpc:
        pytest.fail("TAONET_LOCALNET_WS and TAONET_LOCALNET_RPC name the localnet (see localnet.test.ts)")
    genesis = TaonetNode(proc=None, started={"ws": ws, "rpc": rpc}, base_path=None).rpc("chain_getBlockHash", [0])
    return TaonetNode(proc=None, started={"ws": ws, "rpc": rpc, "genesisHash": genesis}, base_path=None)


@pytest.fixture(scope="session")
def netuid() -> int:
    return int(os.environ["TAONET_LOCALNET_NETUID"])


@pytest.fixture(scope="session")
def validator() -> str:
    """A localnet validator's hotkey (SS58) to stake on."""
    return os.environ["TAONET_LOCALNET_HOTKEY"]
