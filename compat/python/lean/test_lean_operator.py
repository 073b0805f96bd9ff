"""Operator features through bittensor 11.3's own intents and typed reads on a live Taonet dev
node: set_children (children, parents), set_identity (identity), swap_hotkey, a batch (Utility.
batch_all), add_proxy (proxies) and an add_stake signed by the proxy with ``proxy_for``. Each
write is read back through 11.3's reads and through Taonet's CLI (``--json``)."""

from __future__ import annotations

import bittensor as bt
import pytest
from bittensor_wallet import Keypair

TAO = 10**9
U64_MAX = 2**64 - 1


def rao(value) -> int:
    return int(value["rao"]) if isinstance(value, dict) else int(value)


@pytest.fixture(scope="module")
def operator(wallets):
    return wallets("operator", "//Dave", "//Dave//lean-op")


@pytest.fixture(scope="module")
def child(wallets):
    return wallets("child", "//Dave", "//Dave//lean-op-child")


def _subnets(chain):
    out = chain.cli("subnets", "list")
    return out["subnets"] if isinstance(out, dict) else out


@pytest.fixture(scope="module")
def netuid(sub, taonet_chain, operator, child) -> int:
    """A subnet registered by 11.3 and not yet started (children apply at once), with the child
    hotkey registered on it."""
    before = {s["netuid"] for s in _subnets(taonet_chain)}
    r = sub.execute_tool("register_subnet", {"hotkey_ss58": operator.hotkey.ss58_address}, operator)
    assert r.success, r.message
    added = sorted({s["netuid"] for s in _subnets(taonet_chain)} - before)
    assert len(added) == 1, added
    register(sub, child, added[0])
    return added[0]


def register(sub, wallet, netuid: int) -> None:
    """burned_register through ``submit_call``, in the clear. 11.3's ``execute_tool`` always shields
    it, and its nonce cache then records the carrier's nonce but not the inner's (nonce + 1), so the
    coldkey's next intent in the same client is signed with a used nonce (StaleNonce) — on any
    chain, a client-side matter."""
    call = bt.calls.SubtensorModule.burned_register(netuid=netuid, hotkey=wallet.hotkey.ss58_address)
    r = sub.submit_call(call, wallet)
    assert r.success, r.message


def test_set_children_reads_children_and_parents(sub, taonet_chain, operator, child, netuid):
    parent, kid = operator.hotkey.ss58_address, child.hotkey.ss58_address
    r = sub.execute_tool(
        "set_children", {"netuid": netuid, "children": [[0.5, kid]], "hotkey_ss58": parent}, operator
    )
    assert r.success, r.message
    children = sub.read("children", hotkey_ss58=parent, netuid=netuid)
    assert [c for _, c in children] == [kid]
    proportion = children[0][0]
    assert abs(proportion - U64_MAX // 2) <= 1, proportion
    assert sub.read("parents", hotkey_ss58=kid, netuid=netuid) == [(proportion, parent)]
    shown = taonet_chain.cli("stake", "child", "get", "--hotkey-address", parent, "--netuid", str(netuid))
    assert [(c["hotkey"], int(c["proportion"])) for c in shown["children"]] == [(kid, proportion)]


def test_set_identity_reads_identity(sub, taonet_chain, operator, netuid):
    r = sub.execute_tool(
        "set_identity", {"name": "Dave Ops", "url": "https://dave.example", "description": "lean operator"}, operator
    )
    assert r.success, r.message
    identity = sub.read("identity", coldkey_ss58=operator.coldkeypub.ss58_address)
    assert identity is not None
    assert (identity["name"], identity["url"], identity["description"], identity["discord"]) == (
        "Dave Ops", "https://dave.example", "lean operator", ""
    )
    shown = taonet_chain.cli("wallet", "get-identity", "--ss58", operator.coldkeypub.ss58_address)
    assert shown["identity"]["name"] == "Dave Ops"


def test_commitment_reads_back(sub, taonet_chain, child, netuid):
    """11.3 reads commitments but has no intent to publish one: Taonet's CLI publishes it."""
    shown = taonet_chain.cli(
        "commitments", "set", "--netuid", str(netuid), "--data", "lean://endpoint", "--uri", "//Dave//lean-op-child"
    )
    assert shown.get("success", True), shown
    c = sub.read("commitment", netuid=netuid, hotkey_ss58=child.hotkey.ss58_address)
    assert c is not None and c.data == "lean://endpoint"
    listed = sub.read("commitments", netuid=netuid)
    assert [(row["hotkey"], row["commitment"]) for row in listed] == [(child.hotkey.ss58_address, "lean://endpoint")]


def test_swap_hotkey(sub, wallets, netuid):
    old = wallets("swapper", "//Dave", "//Dave//lean-op-old")
    new = Keypair.create_from_uri("//Dave//lean-op-new").ss58_address
    register(sub, old, netuid)
    uid = sub.read("uid", hotkey_ss58=old.hotkey.ss58_address, netuid=netuid)
    r = sub.execute_tool("swap_hotkey", {"new_hotkey_ss58": new, "hotkey_ss58": old.hotkey.ss58_address}, old)
    assert r.success, r.message
    assert sub.read("uid", hotkey_ss58=new, netuid=netuid) == uid
    assert sub.read("uid", hotkey_ss58=old.hotkey.ss58_address, netuid=netuid) is None


def test_batch_runs_every_transfer(sub, taonet_chain, operator):
    a = Keypair.create_from_uri("//Taonet//lean-batch-a").ss58_address
    b = Keypair.create_from_uri("//Taonet//lean-batch-b").ss58_address
    r = sub.execute_tool(
        "batch",
        {"intents": [{"op": "transfer", "dest_ss58": a, "amount_tao": 2}, {"op": "transfer", "dest_ss58": b, "amount_tao": 3}]},
        operator,
    )
    assert r.success, r.message
    assert rao(taonet_chain.cli("wallet", "balance", "--ss58", a)["free"]) == 2 * TAO
    assert rao(taonet_chain.cli("wallet", "balance", "--ss58", b)["free"]) == 3 * TAO


def test_add_proxy_then_proxied_add_stake(sub, taonet_chain, wallets, operator, netuid):
    proxy = wallets("proxy", "//Dave//lean-op-proxy", "//Dave//lean-op")
    delegate = proxy.coldkeypub.ss58_address
    real = operator.coldkeypub.ss58_address
    r = sub.execute_tool("transfer", {"dest_ss58": delegate, "amount_tao": 5}, operator)
    assert r.success, r.message
    r = sub.execute_tool("add_proxy", {"delegate_ss58": delegate, "proxy_type": "Staking"}, operator)
    assert r.success, r.message
    listed = sub.read("proxies", coldkey_ss58=real)
    assert listed["proxies"] == [{"delegate": delegate, "proxy_type": "Staking", "delay": 0}]
    r = sub.execute_tool("start_call", {"netuid": netuid}, operator)
    assert r.success, r.message
    hk = operator.hotkey.ss58_address
    # A small stake: 11.3 sends add_stake_limit with a 5 % price tolerance, and the new pool is shallow.
    r = sub.execute_tool(
        "add_stake", {"hotkey_ss58": hk, "netuid": netuid, "amount_tao": 0.01}, proxy, proxy_for=real, proxy_type="Staking"
    )
    assert r.success, r.message
    info = taonet_chain.cli("wallet", "balance", "--ss58", real)
    stakes = info.get("stakes") or []
    assert any(s["netuid"] == netuid and rao(s.get("alpha", 0)) > 0 for s in stakes), info
