"""Operator features through bittensor 10.5 (``bt.Subtensor``) on a live Taonet dev node: child
hotkeys, coldkey identity, commitments, a hotkey swap, a Utility.batch_all composed and signed as a
script would, and a proxied add_stake. Every write is read back from the chain, through the SDK's
own storage reads and through Taonet's CLI (``--json``).
"""

from __future__ import annotations

import bittensor as bt
import pytest
from bittensor_wallet import Keypair

from chain_fixtures import new_subnet, rao

TAO = 10**9
U64_MAX = 2**64 - 1


@pytest.fixture(scope="module")
def operator(make_wallet):
    """//Eve's coldkey, with the hotkey that owns the operator subnet."""
    return make_wallet("//Eve", "//Eve//op-owner")


@pytest.fixture(scope="module")
def child(make_wallet):
    return make_wallet("//Eve", "//Eve//op-child")


@pytest.fixture(scope="module")
def netuid(st, operator, child) -> int:
    """A subnet registered but not started (children apply at once before start_call, as in
    subtensor), with the child hotkey registered on it."""
    n = new_subnet(st, operator, start=False)
    r = st.burned_register(child, n, raise_error=True)
    assert r.success, r.message
    return n


def send(st, wallet, module: str, function: str, params: dict, sign_with: str = "coldkey"):
    """Composes a call from the node's metadata and signs it with the wallet, as a script would."""
    call = st.compose_call(module, function, params)
    r = st.sign_and_send_extrinsic(
        call=call, wallet=wallet, sign_with=sign_with, wait_for_inclusion=True, wait_for_finalization=False
    )
    assert r.success, f"{module}.{function}: {r.message} {r.error}"
    return r


def test_set_children_then_get_children_and_parents(st, taonet_chain, operator, child, netuid):
    parent_hk, child_hk = operator.hotkey.ss58_address, child.hotkey.ss58_address
    r = st.set_children(operator, netuid, parent_hk, [(0.5, child_hk)], raise_error=True)
    assert r.success, r.message
    ok, children, err = st.get_children(parent_hk, netuid)
    assert ok, err
    assert [c for _, c in children] == [child_hk]
    assert abs(children[0][0] - 0.5) < 1e-9
    # The exact proportion in storage: the SDK sends 0.5 as u64::MAX // 2.
    raw = st.substrate.query("SubtensorModule", "ChildKeys", [parent_hk, netuid]).value
    assert [tuple(link) for link in raw] == [(U64_MAX // 2, child_hk)]
    parents = st.get_parents(child_hk, netuid)
    assert [p for _, p in parents] == [parent_hk]
    assert abs(parents[0][0] - 0.5) < 1e-9
    # Taonet's own read of the same relation.
    shown = taonet_chain.cli("stake", "child", "get", "--hotkey-address", parent_hk, "--netuid", str(netuid))
    assert [(c["hotkey"], int(c["proportion"])) for c in shown["children"]] == [(child_hk, U64_MAX // 2)], shown


def test_pending_children_after_start(st, operator, child, netuid):
    """Once the subnet runs, a new list waits in PendingChildKeys (the SDK's get_children_pending)."""
    r = st.start_call(operator, netuid, raise_error=True)
    assert r.success, r.message
    other = Keypair.create_from_uri("//Eve//op-second-child").ss58_address
    r = st.set_children(child, netuid, child.hotkey.ss58_address, [(1.0, other)], raise_error=True)
    assert r.success, r.message
    pending, cooldown = st.get_children_pending(child.hotkey.ss58_address, netuid)
    assert [c for _, c in pending] == [other]
    assert cooldown > st.get_current_block()
    ok, applied, _ = st.get_children(child.hotkey.ss58_address, netuid)
    assert ok and applied == []


def test_set_identity_and_query_identity(st, taonet_chain, operator, netuid):
    send(
        st,
        operator,
        "SubtensorModule",
        "set_identity",
        {
            "name": "Eve Validator",
            "url": "https://eve.example",
            "github_repo": "https://github.com/eve/validator",
            "image": "",
            "discord": "eve#0001",
            "description": "runs child hotkeys",
            "additional": "",
        },
    )
    identity = st.query_identity(operator.coldkeypub.ss58_address)
    assert identity is not None
    assert identity.name == "Eve Validator"
    assert identity.url == "https://eve.example"
    assert identity.github == "https://github.com/eve/validator"
    assert identity.discord == "eve#0001"
    assert identity.description == "runs child hotkeys"
    # A coldkey that never set one reads None.
    assert st.query_identity(Keypair.create_from_uri("//Taonet//no-identity").ss58_address) is None
    shown = taonet_chain.cli("wallet", "get-identity", "--ss58", operator.coldkeypub.ss58_address)
    assert shown["identity"]["name"] == "Eve Validator", shown


def test_set_commitment_get_commitment_and_all(st, taonet_chain, child, netuid):
    r = st.set_commitment(child, netuid, "http://10.0.0.7:8091/model-v2", raise_error=True)
    assert r.success, r.message
    uid = st.get_uid_for_hotkey_on_subnet(child.hotkey.ss58_address, netuid)
    assert st.get_commitment(netuid, uid) == "http://10.0.0.7:8091/model-v2"
    everything = st.get_all_commitments(netuid)
    assert everything == {child.hotkey.ss58_address: "http://10.0.0.7:8091/model-v2"}
    meta = st.get_commitment_metadata(netuid, child.hotkey.ss58_address)
    assert meta["block"] > 0
    shown = taonet_chain.cli(
        "commitments", "get", "--netuid", str(netuid), "--hotkey-address", child.hotkey.ss58_address
    )
    assert [f["text"] for f in shown["commitment"]["fields"]] == ["http://10.0.0.7:8091/model-v2"], shown
    assert int(shown["commitment"]["block"]) == meta["block"], shown


def test_swap_hotkey_moves_the_uid(st, make_wallet, netuid):
    old = make_wallet("//Eve", "//Eve//op-old")
    new = Keypair.create_from_uri("//Eve//op-new").ss58_address
    r = st.burned_register(old, netuid, raise_error=True)
    assert r.success, r.message
    uid = st.get_uid_for_hotkey_on_subnet(old.hotkey.ss58_address, netuid)
    assert uid is not None
    send(st, old, "SubtensorModule", "swap_hotkey", {"hotkey": old.hotkey.ss58_address, "new_hotkey": new, "netuid": None})
    assert st.get_uid_for_hotkey_on_subnet(new, netuid) == uid
    assert not st.is_hotkey_registered(old.hotkey.ss58_address, netuid)
    assert st.get_hotkey_owner(new) == old.coldkeypub.ss58_address


def test_batch_all_runs_every_call(st, taonet_chain, operator):
    a = Keypair.create_from_uri("//Taonet//op-batch-a").ss58_address
    b = Keypair.create_from_uri("//Taonet//op-batch-b").ss58_address
    calls = [
        st.compose_call("Balances", "transfer_keep_alive", {"dest": a, "value": 2 * TAO}),
        st.compose_call("Balances", "transfer_keep_alive", {"dest": b, "value": 3 * TAO}),
    ]
    send(st, operator, "Utility", "batch_all", {"calls": calls})
    assert st.get_balance(a).rao == 2 * TAO
    assert st.get_balance(b).rao == 3 * TAO
    assert rao(taonet_chain.cli("wallet", "balance", "--ss58", b)["free"]) == 3 * TAO


def test_proxied_add_stake(st, make_wallet, operator, netuid):
    """//Eve lets a hot proxy stake for her; the proxy signs Proxy.proxy wrapping add_stake."""
    proxy = make_wallet("//Eve//op-proxy", "//Eve//op-proxy-hot")
    delegate = proxy.coldkeypub.ss58_address
    real = operator.coldkeypub.ss58_address
    r = st.transfer(operator, delegate, bt.Balance.from_tao(10), raise_error=True)
    assert r.success, r.message
    r = st.add_proxy(operator, delegate, "Staking", 0, raise_error=True)
    assert r.success, r.message
    listed, _deposit = st.get_proxies_for_real_account(real)
    assert [(p.delegate, p.proxy_type, p.delay) for p in listed] == [(delegate, "Staking", 0)]
    hk = operator.hotkey.ss58_address
    before = st.get_stake(real, hk, netuid)
    inner = st.compose_call(
        "SubtensorModule", "add_stake", {"hotkey": hk, "netuid": netuid, "amount_staked": 4 * TAO}
    )
    r = st.proxy(proxy, real, "Staking", inner, raise_error=True)
    assert r.success, r.message
    after = st.get_stake(real, hk, netuid)
    assert after.rao > before.rao
    # The proxy paid only its fee; the stake came from the real account.
    assert st.get_balance(delegate).rao > 9 * TAO


# ---- btcli 9.23: the matching commands, read back through the SDK ------------------------------


@pytest.fixture(scope="module")
def btcli(taonet_chain, tmp_path_factory):
    """``btcli(*args, wallet=w)``: one btcli command against the chain, with the wallet's files."""
    from taonet_harness import python_cli

    home = tmp_path_factory.mktemp("btcli-operator-home")

    def run(*args: str, wallet=None, timeout: float = 180):
        extra = ["--network", taonet_chain.ws]
        if wallet is not None:
            extra += ["--wallet-path", wallet.path, "--wallet-name", wallet.name, "--wallet-hotkey", wallet.hotkey_str]
        return python_cli("bittensor_cli.cli", *args, *extra, home=home, timeout=timeout)

    return run


@pytest.fixture(scope="module")
def bt_owner(st, make_wallet, operator):
    """A coldkey funded by //Eve for btcli's commands, with its hotkey owning a subnet that is not
    started (so children btcli sets apply at once)."""
    w = make_wallet("//Eve//btcli-op", "//Eve//btcli-op-hot")
    r = st.transfer(operator, w.coldkeypub.ss58_address, bt.Balance.from_tao(500), raise_error=True)
    assert r.success, r.message
    return w


@pytest.fixture(scope="module")
def bt_netuid(st, bt_owner) -> int:
    before = set(st.get_all_subnets_netuid())
    r = st.register_subnet(bt_owner, raise_error=True)
    assert r.success, r.message
    added = sorted(set(st.get_all_subnets_netuid()) - before)
    assert len(added) == 1, added
    return added[0]


def out(r) -> str:
    return f"exit {r.returncode}\nstdout: {r.stdout[-3000:]}\nstderr: {r.stderr[-3000:]}"


def test_btcli_stake_child_set_and_get(st, btcli, bt_owner, bt_netuid):
    parent = bt_owner.hotkey.ss58_address
    kid = Keypair.create_from_uri("//Eve//btcli-op-child").ss58_address
    r = btcli(
        "stake", "child", "set", "--children", kid, "--proportions", "0.25", "--netuid", str(bt_netuid),
        "--no-prompt", "--json-output", wallet=bt_owner,
    )
    ok, children, err = st.get_children(parent, bt_netuid)
    assert ok, err
    assert [c for _, c in children] == [kid], out(r)
    assert abs(children[0][0] - 0.25) < 1e-9
    assert [p for _, p in st.get_parents(kid, bt_netuid)] == [parent]
    r = btcli("stake", "child", "get", "--netuid", str(bt_netuid), "--json-output", wallet=bt_owner)
    assert r.returncode == 0 and kid in r.stdout, out(r)


def test_btcli_wallet_set_identity_and_get_identity(st, btcli, bt_owner, bt_netuid):
    # btcli prompts for any field left empty, even with --no-prompt: every field is given.
    r = btcli(
        "wallet", "set-identity", "--id-name", "btcli operator", "--web-url", "https://op.example",
        "--image-url", "https://op.example/logo.png", "--discord", "op#42", "--description", "set by btcli",
        "--additional", "taonet", "--github", "https://github.com/op/validator", "--no-prompt", "--json-output",
        wallet=bt_owner,
    )
    identity = st.query_identity(bt_owner.coldkeypub.ss58_address)
    assert identity is not None, out(r)
    assert (identity.name, identity.url, identity.discord, identity.description, identity.github) == (
        "btcli operator", "https://op.example", "op#42", "set by btcli", "https://github.com/op/validator"
    )
    r = btcli("wallet", "get-identity", "--ss58", bt_owner.coldkeypub.ss58_address, "--json-output")
    assert r.returncode == 0 and "btcli operator" in r.stdout, out(r)


def test_btcli_wallet_swap_hotkey(st, btcli, make_wallet, bt_owner, bt_netuid):
    from bittensor_wallet import Wallet

    old = make_wallet("//Eve//btcli-op", "//Eve//btcli-op-old")
    r = st.burned_register(old, bt_netuid, raise_error=True)
    assert r.success, r.message
    uid = st.get_uid_for_hotkey_on_subnet(old.hotkey.ss58_address, bt_netuid)
    # The destination is another hotkey file of the same wallet, as btcli expects.
    dest = Wallet(name=old.name, hotkey="swapped", path=old.path)
    dest.create_hotkey_from_uri("//Eve//btcli-op-new", use_password=False, overwrite=True, suppress=True)
    new = dest.hotkey.ss58_address
    r = btcli("wallet", "swap-hotkey", "swapped", "--all-netuids", "--no-prompt", "--json-output", wallet=old)
    assert st.get_uid_for_hotkey_on_subnet(new, bt_netuid) == uid, out(r)
    assert not st.is_hotkey_registered(old.hotkey.ss58_address, bt_netuid)


def test_btcli_stake_add_through_a_proxy(st, btcli, make_wallet, bt_owner, bt_netuid):
    """btcli's --proxy names the real account; the wallet signing is its Staking proxy."""
    real = bt_owner.coldkeypub.ss58_address
    # The proxy's wallet carries the real account's hotkey, which btcli stakes to.
    proxy = make_wallet("//Eve//btcli-op-proxy", "//Eve//btcli-op-hot")
    delegate = proxy.coldkeypub.ss58_address
    r = st.transfer(bt_owner, delegate, bt.Balance.from_tao(5), raise_error=True)
    assert r.success, r.message
    r = st.add_proxy(bt_owner, delegate, "Staking", 0, raise_error=True)
    assert r.success, r.message
    # Staking needs a started subnet (until then the proxied add_stake fails inside Proxy.proxy).
    r = st.start_call(bt_owner, bt_netuid, raise_error=True)
    assert r.success, r.message
    hk = bt_owner.hotkey.ss58_address
    before = st.get_stake(real, hk, bt_netuid)
    proxy_before = st.get_balance(delegate)
    r = btcli(
        "stake", "add", "--proxy", real, "--amount", "3", "--netuid", str(bt_netuid), "--unsafe",
        "--no-mev-protection", "--no-prompt", "--json-output", wallet=proxy,
    )
    after = st.get_stake(real, hk, bt_netuid)
    assert after.rao > before.rao, out(r)
    # The stake's TAO came from the real account; the proxy paid only its fee.
    assert proxy_before.rao - st.get_balance(delegate).rao < TAO
    assert st.get_stake(delegate, hk, bt_netuid).rao == 0


def test_announced_proxy_and_deposits(st, make_wallet, operator):
    """A proxy with a delay: the deposit is reserved, the delegate announces the call's hash, and
    proxy_announced runs it once the delay has passed (bittensor 10.5's own proxy methods)."""
    import time

    real = make_wallet("//Eve//ann-real", "//Eve//ann-real-hot")
    delegate = make_wallet("//Eve//ann-delegate", "//Eve//ann-delegate-hot")
    for w, tao in ((real, 20), (delegate, 5)):
        r = st.transfer(operator, w.coldkeypub.ss58_address, bt.Balance.from_tao(tao), raise_error=True)
        assert r.success, r.message
    real_ss58, delegate_ss58 = real.coldkeypub.ss58_address, delegate.coldkeypub.ss58_address
    r = st.add_proxy(real, delegate_ss58, "Any", 2, raise_error=True)
    assert r.success, r.message
    listed, deposit = st.get_proxies_for_real_account(real_ss58)
    assert [(p.delegate, p.proxy_type, p.delay) for p in listed] == [(delegate_ss58, "Any", 2)]
    assert deposit.rao == 60_000_000 + 33_000_000
    reserved = st.substrate.query("System", "Account", [real_ss58]).value["data"]["reserved"]
    assert reserved == deposit.rao
    dest = Keypair.create_from_uri("//Taonet//ann-dest").ss58_address
    # bittensor 10.5 strips leading "0"s from a call hash (lstrip("0x")), so pick a call whose hash has none.
    amount = TAO
    inner = st.compose_call("Balances", "transfer_keep_alive", {"dest": dest, "value": amount})
    while inner.call_hash.hex().startswith("0"):
        amount += 1
        inner = st.compose_call("Balances", "transfer_keep_alive", {"dest": dest, "value": amount})
    r = st.announce_proxy(delegate, real_ss58, "0x" + inner.call_hash.hex(), raise_error=True)
    assert r.success, r.message
    announced = st.get_proxy_announcement(delegate_ss58)
    assert [(a.real, a.call_hash) for a in announced] == [(real_ss58, "0x" + inner.call_hash.hex())]
    for _ in range(40):
        r = st.proxy_announced(delegate, delegate_ss58, real_ss58, None, inner)
        if r.success:
            break
        assert "Unannounced" in f"{r.message} {r.error}", r.message
        time.sleep(0.25)
    assert r.success, r.message
    assert st.get_balance(dest).rao == amount
    assert st.get_proxy_announcement(delegate_ss58) == []
    # Removing the proxy returns the deposit.
    r = st.remove_proxy(real, delegate_ss58, "Any", 2, raise_error=True)
    assert r.success, r.message
    assert st.substrate.query("System", "Account", [real_ss58]).value["data"]["reserved"] == 0
