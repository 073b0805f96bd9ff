"""bittensor 10.5 ``add_stake(..., mev_protection=True)`` and btcli 9.23.2 ``stake add`` / ``stake
remove`` with their default MEV protection, against the localnet; each result read back from it."""

from __future__ import annotations

import bittensor as bt
import pytest

from localnet_checks import carrier_then, newest_carrier_then
from taonet_harness import python_cli


def alpha(chain, coldkey: str, netuid: int) -> int:
    stakes = chain.cli("wallet", "balance", "--ss58", coldkey)["stakes"]
    return sum(int(s["alpha"]["rao"] if isinstance(s["alpha"], dict) else s["alpha"]) for s in stakes if s["netuid"] == netuid)


def free(chain, coldkey: str) -> int:
    f = chain.cli("wallet", "balance", "--ss58", coldkey)["free"]
    return int(f["rao"] if isinstance(f, dict) else f)


def test_sdk_add_stake_with_mev_protection(localnet, make_wallet, netuid, validator):
    w = make_wallet("//Eve", "//Eve//localnet-shield")
    st = bt.Subtensor(network=localnet.ws)
    try:
        before = alpha(localnet, w.coldkeypub.ss58_address, netuid)
        r = st.add_stake(w, netuid, validator, bt.Balance.from_tao(1), mev_protection=True, raise_error=True)
        assert r.success, r.message
        carrier_then(localnet, r.mev_extrinsic, "SubtensorModule.add_stake")
        assert alpha(localnet, w.coldkeypub.ss58_address, netuid) > before
    finally:
        st.close()


@pytest.mark.parametrize("action", ["add", "remove"])
def test_btcli_stake_with_default_mev_protection(localnet, make_wallet, netuid, validator, tmp_path, action):
    w = make_wallet("//Dave", "//Dave//localnet-shield")
    ck = w.coldkeypub.ss58_address
    before = alpha(localnet, ck, netuid)
    free_before = free(localnet, ck)
    r = python_cli(
        "bittensor_cli.cli", "stake", action, "--netuid", str(netuid), "--amount", "0.01" if action == "add" else "0.005",
        "--include-hotkeys", validator, "--tolerance", "0.1", "--no-prompt", "--json-output",
        "--wallet-path", w.path, "--wallet-name", w.name, "--wallet-hotkey", w.hotkey_str, "--network", localnet.ws,
        home=tmp_path,
    )
    out = r.stdout + r.stderr
    assert "Traceback" not in out and "wasn't decrypted" not in out, out[-3000:]
    if action == "add":
        assert alpha(localnet, ck, netuid) > before, out[-3000:]
    else:
        # Dividends keep the alpha growing meanwhile: the unstaked TAO shows in the free balance.
        assert free(localnet, ck) > free_before, out[-3000:]
    newest_carrier_then(localnet, f"SubtensorModule.{action}_stake_limit")
