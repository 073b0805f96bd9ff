"""bittensor-cli 9.23.2 (``python -m bittensor_cli.cli``) on a live Taonet dev node: spec §8 rows
16-21 and the issue's btcli list. btcli can exit 0 after a failure, so every check reads the result
back from the chain (the classic SDK, or Taonet's CLI with ``--json``)."""

from __future__ import annotations

import bittensor as bt
import pytest
from bittensor_wallet import Keypair

from chain_fixtures import cli_neuron, eventually, new_subnet, rao, set_hyperparameter
from pending import cannot_pass
from taonet_harness import python_cli

TAO = 10**9


@pytest.fixture(scope="module")
def home(tmp_path_factory):
    return tmp_path_factory.mktemp("btcli-home")


@pytest.fixture(scope="module")
def btcli(taonet_chain, home):
    """``btcli(*args, wallet=w)``: one btcli command against the chain, with the wallet's files."""

    def run(*args: str, wallet=None, network: bool = True, timeout: float = 180):
        extra = []
        if wallet is not None:
            extra += ["--wallet-path", wallet.path, "--wallet-name", wallet.name, "--wallet-hotkey", wallet.hotkey_str]
        if network:
            extra += ["--network", taonet_chain.ws]
        return python_cli("bittensor_cli.cli", *args, *extra, home=home, timeout=timeout)

    return run


@pytest.fixture(scope="module")
def owner(make_wallet):
    return make_wallet("//Charlie", "//Charlie//btcli-owner")


@pytest.fixture(scope="module")
def member(make_wallet):
    return make_wallet("//Dave", "//Dave//btcli-member")


@pytest.fixture(scope="module")
def netuid(btcli, st, owner) -> int:
    """A subnet created and started through btcli (``subnets create``, ``subnets start``)."""
    before = set(st.get_all_subnets_netuid())
    r = btcli(
        "subnets", "create", "--subnet-name", "btcli-net", "--github-repo", "https://github.com/taonet/btcli-net",
        "--subnet-contact", "ops@example.org", "--subnet-url", "https://example.org", "--discord-handle", "btcli-net",
        "--description", "a subnet made by btcli", "--logo-url", "https://example.org/logo.png",
        "--additional-info", "taonet compat", "--no-mev-protection", "--no-prompt", "--json-output",
        wallet=owner,
    )
    added = sorted(set(st.get_all_subnets_netuid()) - before)
    assert len(added) == 1, (added, r.stdout[-2000:], r.stderr[-2000:])
    n = added[0]
    assert st.subnet(n).owner_coldkey == owner.coldkeypub.ss58_address
    r = btcli("subnets", "start", "--netuid", str(n), "--no-prompt", wallet=owner)
    assert eventually(lambda: st.query_subtensor("FirstEmissionBlockNumber", params=[n]).value, bool), r.stdout[-2000:]
    return n


def test_wallet_create_from_uri(btcli, tmp_path):
    r = btcli(
        "wallet", "create", "--uri", "Eve", "--wallet-path", str(tmp_path), "--wallet-name", "eve",
        "--wallet-hotkey", "default", "--no-use-password", "--json-output", network=False,
    )
    assert r.json is not None and r.json["success"], r.stdout
    eve = Keypair.create_from_uri("//Eve").ss58_address
    assert r.json["data"]["coldkey_ss58"] == eve
    assert (tmp_path / "eve" / "coldkeypub.txt").read_text().find(eve[:8]) >= 0 or (tmp_path / "eve" / "coldkey").exists()


def test_wallet_balance(btcli, taonet_chain, member):
    r = btcli("wallet", "balance", "--json-output", wallet=member)
    assert r.json is not None, r.stdout + r.stderr
    ck = member.coldkeypub.ss58_address
    free = r.json["balances"][member.name]["free"]
    assert round(free * TAO) == rao(taonet_chain.cli("wallet", "balance", "--ss58", ck)["free"])


def test_wallet_transfer(btcli, st, member):
    dest = Keypair.create_from_uri("//Taonet//btcli-transfer").ss58_address
    r = btcli("wallet", "transfer", "--dest", dest, "--amount", "1", "--no-prompt", "--json-output", wallet=member)
    assert st.get_balance(dest).rao == TAO, r.stdout[-2000:] + r.stderr[-2000:]
    assert r.json is not None and r.json.get("success") is True, r.stdout[-2000:]


def test_subnets_list(btcli, st, netuid):
    r = btcli("subnets", "list", "--json-output")
    assert r.json is not None, r.stdout[-2000:] + r.stderr[-2000:]
    listed = r.json["subnets"] if isinstance(r.json, dict) else r.json
    netuids = sorted(int(k) for k in listed) if isinstance(listed, dict) else sorted(s["netuid"] for s in listed)
    assert netuids == sorted(st.get_all_subnets_netuid())


def test_subnets_show_and_metagraph(btcli, st, netuid, owner):
    for cmd in ("show", "metagraph"):
        r = btcli("subnets", cmd, "--netuid", str(netuid), "--json-output", "--no-prompt")
        assert r.json is not None, r.stdout[-2000:] + r.stderr[-2000:]
        text = str(r.json)
        assert owner.hotkey.ss58_address in text


def test_subnets_register_safe_and_unsafe(btcli, st, taonet_chain, netuid, member, make_wallet):
    # The default: register_limit with a limit price (burn × tolerance).
    r = btcli("subnets", "register", "--netuid", str(netuid), "--no-prompt", "--json-output", wallet=member)
    assert cli_neuron(taonet_chain, netuid, member.hotkey.ss58_address) is not None, r.stdout[-3000:] + r.stderr[-2000:]
    # --unsafe: plain burned_register.
    second = make_wallet("//Dave", "//Dave//btcli-unsafe")
    r = btcli("subnets", "register", "--netuid", str(netuid), "--unsafe", "--no-prompt", "--json-output", wallet=second)
    uid = st.get_uid_for_hotkey_on_subnet(second.hotkey.ss58_address, netuid)
    assert uid is not None, r.stdout[-3000:] + r.stderr[-2000:]


def test_stake_add_list_remove(btcli, st, taonet_chain, netuid, member, owner):
    ck, hk = member.coldkeypub.ss58_address, owner.hotkey.ss58_address
    r = btcli(
        # A new dev subnet's pool is small: 0.01 TAO at a 10% tolerance fits (5 TAO at the default 0.5% is
        # refused with SlippageTooHigh, as on subtensor).
        "stake", "add", "--netuid", str(netuid), "--amount", "0.01", "--include-hotkeys", hk, "--tolerance", "0.1",
        "--no-mev-protection", "--no-prompt", "--json-output", wallet=member,
    )
    stakes = taonet_chain.cli("wallet", "balance", "--ss58", ck)["stakes"]
    assert stakes, r.stdout[-3000:] + r.stderr[-2000:]
    r = btcli("stake", "list", "--json-output", wallet=member)
    assert r.json is not None and hk in str(r.json), r.stdout[-2000:]
    free_before = st.get_balance(ck).rao
    r = btcli(
        "stake", "remove", "--netuid", str(netuid), "--amount", "0.005", "--include-hotkeys", hk, "--tolerance", "0.1",
        "--no-mev-protection", "--no-prompt", "--json-output", wallet=member,
    )
    after = taonet_chain.cli("wallet", "balance", "--ss58", ck)["stakes"]
    # The unstaked TAO is back in the free balance (the hotkey's dividends keep its alpha growing meanwhile).
    # (A nomination left below the minimum is sold whole, as subtensor clears small nominations.)
    assert st.get_balance(ck).rao > free_before, r.stdout[-3000:] + r.stderr[-1500:]


def test_stake_add_with_default_mev_protection(btcli, st, taonet_chain, netuid, member, owner):
    # btcli shields stake calls by default: it reads MevShield.NextKey, encrypts the signed stake
    # and sends MevShield.submit_encrypted; the block author runs it right after the carrier.
    ck, hk = member.coldkeypub.ss58_address, owner.hotkey.ss58_address
    before = sum(rao(s["alpha"]) for s in taonet_chain.cli("wallet", "balance", "--ss58", ck)["stakes"])
    r = btcli(
        "stake", "add", "--netuid", str(netuid), "--amount", "0.01", "--include-hotkeys", hk, "--tolerance", "0.1",
        "--no-prompt", "--json-output", wallet=member,
    )
    out = r.stdout + r.stderr
    assert "Traceback" not in out, out[-3000:]
    after = sum(rao(s["alpha"]) for s in taonet_chain.cli("wallet", "balance", "--ss58", ck)["stakes"])
    assert after > before, out[-3000:]
    # The carrier and the stake it carried sit side by side in one block.
    shielded_pair(taonet_chain, "SubtensorModule.add_stake_limit")


def shielded_pair(chain, inner_call: str, within: int = 40) -> list:
    """The newest block (of the last ``within``) holding a carrier: its calls, with the carrier's inner
    right after it; fails if no carrier is followed by ``inner_call``."""
    head = int(chain.rpc("chain_getHeader")["number"], 16)
    for n in range(head, max(0, head - within), -1):
        calls = [x.get("palletCall") for x in chain.rpc("taonet_getBlock", [n])["extrinsics"]]
        if "MevShield.submit_encrypted" in calls:
            i = calls.index("MevShield.submit_encrypted")
            assert calls[i + 1 : i + 2] == [inner_call], calls
            return calls
    raise AssertionError(f"no carrier followed by {inner_call} in the last {within} blocks")


def test_stake_remove_with_default_mev_protection(btcli, st, taonet_chain, netuid, member, owner):
    # The unstake goes through the shield too when --no-mev-protection is not given.
    ck, hk = member.coldkeypub.ss58_address, owner.hotkey.ss58_address
    staked = sum(rao(s["alpha"]) for s in taonet_chain.cli("wallet", "balance", "--ss58", ck)["stakes"])
    assert staked > 0
    free_before = st.get_balance(ck).rao
    r = btcli(
        "stake", "remove", "--netuid", str(netuid), "--amount", "0.002", "--include-hotkeys", hk, "--tolerance", "0.1",
        "--no-prompt", "--json-output", wallet=member,
    )
    out = r.stdout + r.stderr
    assert "Traceback" not in out and "wasn't decrypted" not in out, out[-3000:]
    assert st.get_balance(ck).rao > free_before, out[-3000:]
    shielded_pair(taonet_chain, "SubtensorModule.remove_stake_limit")


def test_sudo_get(btcli, taonet_chain, netuid):
    r = btcli("sudo", "get", "--netuid", str(netuid), "--json-output")
    assert r.json is not None, r.stdout[-2000:] + r.stderr[-2000:]
    tempo = taonet_chain.cli("subnets", "show", "--netuid", str(netuid))["tempo"]
    assert tempo in [v for v in _values(r.json)]


def _values(doc):
    if isinstance(doc, dict):
        for v in doc.values():
            yield from _values(v)
    elif isinstance(doc, list):
        for v in doc:
            yield from _values(v)
    else:
        yield doc


@pytest.fixture(scope="module")
def owner_can_set(st, netuid, make_wallet) -> int:
    """The dev chain's tempo (10) is no longer than the owner's freeze window (10 blocks before each
    epoch), so on the dev chain an owner can never set a hyperparameter: the admin lengthens it."""
    set_hyperparameter(st, make_wallet("//Alice", "//Alice"), netuid, "tempo", 60)
    return netuid


def test_sudo_set_as_owner(btcli, st, owner_can_set, owner):
    # btcli sends AdminUtils.sudo_set_immunity_period signed by the owner (an owner-settable row of
    # its table); the value is read back from the chain.
    netuid = owner_can_set
    assert st.immunity_period(netuid) != 77
    r = btcli(
        "sudo", "set", "--netuid", str(netuid), "--param", "immunity_period", "--value", "77", "--no-prompt",
        "--json-output", wallet=owner,
    )
    assert r.json is not None and r.json.get("success") is True, r.stdout[-2000:] + r.stderr[-2000:]
    assert st.immunity_period(netuid) == 77


def test_sudo_set_root_only_parameter(btcli, st, taonet_chain, owner_can_set, make_wallet):
    # btcli marks weights_rate_limit root-only and wraps AdminUtils.sudo_set_weights_set_rate_limit in
    # Sudo.sudo, signed by the sudo key (the dev chain's admin, //Alice); the value is read back.
    netuid = owner_can_set
    admin = make_wallet("//Alice", "//Alice")
    assert st.weights_rate_limit(netuid) != 3
    r = btcli(
        "sudo", "set", "--netuid", str(netuid), "--param", "weights_rate_limit", "--value", "3", "--no-prompt",
        "--json-output", wallet=admin,
    )
    assert r.json is not None and r.json.get("success") is True, r.stdout[-2000:] + r.stderr[-2000:]
    assert st.weights_rate_limit(netuid) == 3, r.stdout[-2000:] + r.stderr[-2000:]
    # The extrinsic btcli reports is a Sudo.sudo whose Sudid event carries the inner call's Ok.
    block, index = (int(x) for x in r.json["extrinsic_identifier"].split("-"))
    calls = [x.get("palletCall") for x in taonet_chain.rpc("taonet_getBlock", [block])["extrinsics"]]
    assert calls[index] == "Sudo.sudo", calls
    events = taonet_chain.rpc("taonet_getEvents", [block])["extrinsics"][index]["events"]
    assert {"name": "Sudid", "data": {"sudoResult": "ok"}} in events, events


def test_wallet_overview(btcli, st, taonet_chain, netuid, owner):
    r = btcli("wallet", "overview", "--json-output", wallet=owner)
    assert r.json is not None, r.stdout[-2000:] + r.stderr[-2000:]
    assert r.json["wallet"].endswith(owner.coldkeypub.ss58_address)
    shown = {s["netuid"]: s for s in r.json["subnets"]}
    # Every subnet the wallet's hotkey is registered on, with its uid and tempo as the chain has them.
    hk = owner.hotkey.ss58_address
    registered = {n for n in st.get_all_subnets_netuid() if st.is_hotkey_registered(hk, n)}
    assert set(shown) == registered and netuid in registered
    for n, sub in shown.items():
        cli = cli_neuron(taonet_chain, n, hk)
        assert [x["uid"] for x in sub["neurons"]] == [cli["uid"]]
        assert sub["tempo"] == taonet_chain.cli("subnets", "show", "--netuid", str(n))["tempo"]


def test_stake_move(btcli, st, taonet_chain, netuid, owner, make_wallet):
    # Dave stakes on the owner's hotkey, then moves half an alpha to a hotkey of his own in the same subnet.
    mover = make_wallet("//Dave", "//Dave//btcli-move")
    ck, origin, dest = mover.coldkeypub.ss58_address, owner.hotkey.ss58_address, mover.hotkey.ss58_address
    assert st.burned_register(mover, netuid, raise_error=True).success
    assert st.add_stake(mover, netuid, origin, bt.Balance.from_tao(1), raise_error=True).success
    assert st.get_stake(ck, dest, netuid).rao == 0
    # btcli's origin hotkey is its --wallet-hotkey option (which takes an SS58 here): no wallet= helper.
    r = btcli(
        "stake", "move", "--origin-netuid", str(netuid), "--dest-netuid", str(netuid), "--wallet-path", mover.path,
        "--wallet-name", mover.name, "--wallet-hotkey", origin, "--dest-ss58", dest, "--amount", "0.5",
        "--no-mev-protection", "--no-prompt", "--json-output",
    )
    assert r.json is not None and r.json.get("success") is True, r.stdout[-2000:] + r.stderr[-2000:]
    # The extrinsic btcli reports is in the chain with its StakeMoved event: 0.5 alpha, origin to destination.
    block, index = (int(x) for x in r.json["extrinsic_identifier"].split("-"))
    calls = [x.get("palletCall") for x in taonet_chain.rpc("taonet_getBlock", [block])["extrinsics"]]
    assert calls[index] == "SubtensorModule.move_stake", calls
    events = str(taonet_chain.rpc("taonet_getEvents", [block]))
    assert "StakeMoved" in events and "500000000" in events, events[:2000]
    # Within one subnet nothing is swapped: the destination holds the 0.5 alpha (plus any dividends since).
    moved = st.get_stake(ck, dest, netuid).rao
    assert moved >= 500_000_000
    assert any(s["hotkey"] == dest and rao(s["alpha"]) >= 500_000_000 for s in
               taonet_chain.cli("wallet", "balance", "--ss58", ck)["stakes"])


@pytest.fixture(scope="module")
def commit_reveal_on(st, netuid, make_wallet) -> int:
    # The dev chain's tempo (10) is no longer than the owner's freeze window: the admin account sets
    # it. A commit is revealable only during one epoch, and a btcli run takes seconds: a longer tempo.
    admin = make_wallet("//Alice", "//Alice")
    set_hyperparameter(st, admin, netuid, "tempo", 60)
    set_hyperparameter(st, admin, netuid, "commitRevealEnabled", True)
    assert eventually(lambda: st.commit_reveal_enabled(netuid), bool)
    return netuid


@cannot_pass(
    "btcli 9.23.2 `weights commit` first reads storage SubtensorModule.get_commit_reveal_weights_enabled, "
    "which subtensor does not have either (bittensor_cli/src/commands/weights.py set_weights_extrinsic)"
)
def test_weights_commit(btcli, st, commit_reveal_on, owner):
    netuid = commit_reveal_on
    uid = st.get_uid_for_hotkey_on_subnet(owner.hotkey.ss58_address, netuid)
    r = btcli(
        "weights", "commit", "--netuid", str(netuid), "--uids", str(uid), "--weights", "1", "--salt", "1,2",
        "--no-prompt", "--json-output", wallet=owner,
    )
    assert r.json is not None and r.json.get("success") is True, r.stdout[-2000:] + r.stderr[-2000:]


def test_weights_reveal(btcli, st, commit_reveal_on, owner):
    """btcli reveals what the classic SDK committed with the version key btcli sends."""
    from bittensor_cli.version import __version_as_int__ as btcli_version

    netuid = commit_reveal_on
    uid = st.get_uid_for_hotkey_on_subnet(owner.hotkey.ss58_address, netuid)
    salt = [5, 6, 7]
    r = st.commit_weights(
        owner, netuid, salt=salt, uids=[uid], weights=[65535], version_key=btcli_version, raise_error=True,
        wait_for_inclusion=True,
    )
    assert r.success, r.message
    assert uid not in dict(st.weights(netuid))
    # btcli submits the reveal without waiting for inclusion and reports success either way, and
    # the reveal opens only with a later epoch: submit, then look for the weights on the chain.
    args = ["--netuid", str(netuid), "--uids", str(uid), "--weights", "1", "--salt", "5,6,7", "--no-prompt"]
    rows: dict = {}
    for _ in range(12):
        r = btcli("weights", "reveal", *args, "--json-output", wallet=owner)
        rows = eventually(lambda: dict(st.weights(netuid)), lambda w: uid in w, timeout=3)
        if uid in rows:
            break
    assert uid in rows, r.stdout[-2000:] + r.stderr[-2000:]
    assert dict(rows[uid]) == {uid: 65535}
