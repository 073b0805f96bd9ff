"""A Python subnet on Taonet: README.md's "Your Python subnet on Taonet" commands, run as printed
(the node's URL, the new netuid and a free axon port filled in) with the classic line's btcli and
the example neurons in ``compat/python/subnet``, on a dev node and on ``npm start``'s localnet
(its demo subnets running beside it). The miner serves, the validator queries it through the
dendrite and sets weights; after an epoch the miner has incentive and the validator dividends,
as Taonet's CLI reports them."""

from __future__ import annotations

import json

import bittensor as bt
import pytest

from readme_subnet import ReadmeSubnet, readme_commands, wait_for
from taonet_harness import start_localnet


@pytest.fixture(scope="module")
def taonet_localnet(tmp_path_factory):
    """``npm start``'s network (``taonet localnet up``) on free ports, stopped after the module."""
    net = start_localnet(str(tmp_path_factory.mktemp("localnet")))
    try:
        yield net
    finally:
        net.stop()


def test_the_readme_section_is_what_this_test_runs():
    cmds = readme_commands()
    assert any(c.startswith("python compat/python/subnet/miner.py") for c in cmds)
    assert any(c.startswith("python compat/python/subnet/validator.py") for c in cmds)
    assert all(c.startswith("python ") for c in cmds)


@pytest.mark.parametrize("network", ["taonet_chain", "taonet_localnet"])
def test_python_miner_and_validator_earn_on_their_subnet(network, request, tmp_path):
    chain = request.getfixturevalue(network)
    home = tmp_path / "home"
    home.mkdir()
    st = bt.Subtensor(network=chain.ws)
    walk = ReadmeSubnet(chain.ws, home)
    try:
        walk.run(lambda: set(st.get_all_subnets_netuid()))
        netuid = walk.netuid
        miner_hk, owner_hk = walk.hotkey("miner"), walk.hotkey("owner")

        def standing():
            mg = chain.cli("subnets", "metagraph", "--netuid", str(netuid))
            by = {n["hotkey"]: n for n in mg["neurons"]}
            return by.get(miner_hk, {}).get("incentive", 0), by.get(owner_hk, {}).get("dividends", 0)

        inc, div = wait_for(lambda: (lambda s: s if s[0] > 0 and s[1] > 0 else None)(standing()), 120) or standing()
        validator = walk.logs.get("validator", [])
        weights = [json.loads(x) for x in validator if x.startswith("{") and '"weights"' in x]
        assert any(w["success"] for w in weights), "".join(validator)[-3000:]
        assert inc > 0 and div > 0, (inc, div, "".join(validator)[-2000:])
    finally:
        walk.stop()
        st.close()
