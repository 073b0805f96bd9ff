"""bittensor 11.3's ``execute_tool("burned_register", …)``, always MEV-shielded, against the
localnet; the registration is read back from its metagraph."""

from __future__ import annotations

import bittensor as bt
from bittensor_wallet import Wallet as FileWallet


def test_burned_register_through_the_shield(localnet, netuid, tmp_path, monkeypatch):
    monkeypatch.setenv("BITTENSOR_RUNTIME_CACHE_DIR", str(tmp_path / "bt-runtime-cache"))
    fw = FileWallet(name="ferdie", hotkey="default", path=str(tmp_path))
    fw.create_coldkey_from_uri("//Ferdie", use_password=False, overwrite=True, suppress=True)
    fw.create_hotkey_from_uri("//Ferdie//localnet-shield", use_password=False, overwrite=True, suppress=True)
    w = bt.Wallet(name="ferdie", hotkey="default", path=str(tmp_path))
    sub = bt.Subtensor(localnet.ws)
    try:
        r = sub.execute_tool("burned_register", {"netuid": netuid, "hotkey_ss58": w.hotkey.ss58_address}, w)
        assert r.success, r.message
    finally:
        sub.close()
    mg = localnet.cli("subnets", "metagraph", "--netuid", str(netuid))
    assert w.hotkey.ss58_address in [n["hotkey"] for n in mg["neurons"]]
