"""The harness itself: it starts a real node on a free port, reaches it over JSON-RPC, seals blocks,
and reads the same state through Taonet's CLI (``--json``) as the chain-facing tests will."""

from bittensor_wallet import Keypair


def test_node_starts_on_a_free_port_and_answers(taonet_node):
    assert taonet_node.ws.startswith("ws://127.0.0.1:")
    assert not taonet_node.ws.endswith(":0")
    assert taonet_node.rpc("chain_getBlockHash", [0]) == taonet_node.genesis_hash


def test_manual_seal_advances_the_head(taonet_node):
    before = int(taonet_node.rpc("chain_getHeader")["number"], 0)
    taonet_node.advance(3)
    after = int(taonet_node.rpc("chain_getHeader")["number"], 0)
    assert after == before + 3


def test_cli_json_agrees_with_the_node(taonet_node):
    # The dev account, addressed as the Python wallet derives it.
    kp = Keypair.create_from_uri("//Alice")
    alice = kp.ss58_address
    assert alice == "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY"
    out = taonet_node.cli("wallet", "balance", "--ss58", alice)
    info = taonet_node.rpc("taonet_accountInfo", ["0x" + kp.public_key.hex()])
    assert out["address"] == alice
    assert int(info["free"]) > 0
    assert _rao(out["free"]) == int(info["free"])


def _rao(value) -> int:
    """Taonet's CLI prints a balance as ``{"unit", "rao", "tao"}``; rao is exact."""
    if isinstance(value, dict) and "rao" in value:
        return int(value["rao"])
    return int(value)
