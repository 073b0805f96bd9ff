"""The classic SDK (bittensor 10.5, ``bt.Subtensor``) on a live Taonet dev node: spec §8 rows 5-15.

Every write is read back from the chain, and reads are compared with what Taonet's own CLI
(``--json``) reports for the same state.
"""

from __future__ import annotations

import hashlib

import bittensor as bt
import pytest
from bittensor_wallet import Keypair

from chain_fixtures import cli_neuron, eventually, new_subnet, rao, set_hyperparameter
from pending import cannot_pass

TAO = 10**9


@pytest.fixture(scope="module")
def owner(make_wallet):
    return make_wallet("//Alice", "//Alice//classic-owner")


@pytest.fixture(scope="module")
def miner(make_wallet):
    return make_wallet("//Bob", "//Bob//classic-miner")


@pytest.fixture(scope="module")
def netuid(st, owner) -> int:
    return new_subnet(st, owner)


@pytest.fixture(scope="module")
def registered(st, miner, netuid) -> int:
    r = st.burned_register(miner, netuid, raise_error=True)
    assert r.success, r.message
    return st.get_uid_for_hotkey_on_subnet(miner.hotkey.ss58_address, netuid)


def head(chain) -> int:
    return int(chain.rpc("chain_getHeader")["number"], 16)


def test_current_block_is_the_nodes_head(st, taonet_chain):
    before = head(taonet_chain)
    block = st.get_current_block()
    after = head(taonet_chain)
    assert before <= block <= after


def test_balance_equals_taonet_cli(st, taonet_chain):
    # //Ferdie is funded at genesis and touched by no test, so both reads see one state.
    ferdie = Keypair.create_from_uri("//Ferdie").ss58_address
    balance = st.get_balance(ferdie)
    out = taonet_chain.cli("wallet", "balance", "--ss58", ferdie)
    assert balance.rao == rao(out["free"]) > 0


def test_transfer_moves_the_amount_and_charges_the_fee(st, taonet_chain, owner):
    dest = Keypair.create_from_uri("//Taonet//classic-transfer").ss58_address
    before_src = st.get_balance(owner.coldkeypub.ss58_address)
    r = st.transfer(owner, dest, bt.Balance.from_tao(1), raise_error=True)
    assert r.success, r.message
    assert st.get_balance(dest).rao == TAO
    assert rao(taonet_chain.cli("wallet", "balance", "--ss58", dest)["free"]) == TAO
    fee = r.transaction_tao_fee
    assert fee is not None and fee.rao > 0
    after_src = st.get_balance(owner.coldkeypub.ss58_address)
    # Alice also authors blocks (and collects fees): her balance falls by at most amount + fee.
    assert after_src.rao <= before_src.rao - TAO + fee.rao * 2


def test_subnets_agree_with_taonet_cli(st, taonet_chain, owner, netuid):
    listed = taonet_chain.cli("subnets", "list")
    cli_netuids = sorted(s["netuid"] for s in (listed["subnets"] if isinstance(listed, dict) else listed))
    assert st.get_total_subnets() == len(cli_netuids)
    assert sorted(st.get_all_subnets_netuid()) == cli_netuids
    assert [s.netuid for s in st.all_subnets()] == cli_netuids
    info = st.subnet(netuid)
    shown = taonet_chain.cli("subnets", "show", "--netuid", str(netuid))
    assert info.netuid == netuid
    assert info.owner_coldkey == owner.coldkeypub.ss58_address == shown["owner"]
    assert info.owner_hotkey == owner.hotkey.ss58_address == shown["ownerHotkey"]
    assert info.tempo == shown["tempo"]
    assert st.subnet_exists(netuid)
    assert st.tempo(netuid) == shown["tempo"]


def test_burned_register_and_uid_lookup(st, taonet_chain, miner, netuid, registered):
    assert registered is not None
    neuron = cli_neuron(taonet_chain, netuid, miner.hotkey.ss58_address)
    assert neuron is not None and neuron["uid"] == registered
    assert neuron["coldkey"] == miner.coldkeypub.ss58_address
    assert st.is_hotkey_registered(miner.hotkey.ss58_address, netuid)
    # Registering costs the burn, which the SDK reads as recycle.
    assert st.recycle(netuid).rao > 0


def test_metagraph_lists_the_neurons(st, taonet_chain, netuid, registered):
    mg = st.metagraph(netuid)
    cli = taonet_chain.cli("subnets", "metagraph", "--netuid", str(netuid))
    assert int(mg.n) == cli["n"]
    assert list(mg.hotkeys) == [n["hotkey"] for n in sorted(cli["neurons"], key=lambda n: n["uid"])]
    full = st.metagraph(netuid, lite=False)
    assert list(full.hotkeys) == list(mg.hotkeys)


def test_add_stake_get_stake_unstake(st, taonet_chain, miner, netuid, registered):
    ck, hk = miner.coldkeypub.ss58_address, miner.hotkey.ss58_address
    r = st.add_stake(miner, netuid, hk, bt.Balance.from_tao(5), raise_error=True)
    assert r.success, r.message
    staked = st.get_stake(ck, hk, netuid)
    cli = taonet_chain.cli("wallet", "balance", "--ss58", ck)
    alpha = next(int(s["alpha"]["rao"] if isinstance(s["alpha"], dict) else s["alpha"]) for s in cli["stakes"])
    assert staked.rao == alpha > 0
    r = st.unstake(miner, netuid, hk, bt.Balance.from_rao(staked.rao // 2), raise_error=True)
    assert r.success, r.message
    assert 0 < st.get_stake(ck, hk, netuid).rao < staked.rao


def scale_compact(n: int) -> bytes:
    if n < 1 << 6:
        return bytes([n << 2])
    if n < 1 << 14:
        return ((n << 2) | 1).to_bytes(2, "little")
    return ((n << 2) | 2).to_bytes(4, "little")


def test_add_stake_with_mev_protection(st, taonet_chain, miner, netuid, registered):
    # bittensor 10.5 shields on request: the carrier must emit MevShield.EncryptedSubmitted (the SDK
    # checks), then the SDK finds the inner by hash in the carrier's block or the next three.
    ck, hk = miner.coldkeypub.ss58_address, miner.hotkey.ss58_address
    before = st.get_stake(ck, hk, netuid).rao
    r = st.add_stake(miner, netuid, hk, bt.Balance.from_tao(2), mev_protection=True, raise_error=True)
    assert r.success, r.message
    assert st.get_stake(ck, hk, netuid).rao > before
    # Read back: the inner sits right after its carrier, and EncryptedSubmitted.id is
    # blake2_256(who ‖ Compact(len) ‖ ciphertext) (spec §2).
    # The SDK's receipt for the inner names its block and position.
    inner = r.mev_extrinsic
    number = int(taonet_chain.rpc("chain_getHeader", [inner.block_hash])["number"], 16)
    index = inner.extrinsic_idx
    block = taonet_chain.rpc("taonet_getBlock", [number])["extrinsics"]
    assert block[index - 1]["palletCall"] == "MevShield.submit_encrypted"
    assert block[index]["palletCall"] == "SubtensorModule.add_stake"
    blob = bytes.fromhex(block[index - 1]["call"]["args"]["ciphertext"][2:])
    who = bytes(Keypair(ss58_address=ck).public_key)
    expected_id = "0x" + hashlib.blake2b(who + scale_compact(len(blob)) + blob, digest_size=32).hexdigest()
    events = taonet_chain.rpc("taonet_getEvents", [number])["extrinsics"][index - 1]["events"]
    submitted = [e["data"] for e in events if e["name"] == "EncryptedSubmitted"]
    assert [e["id"] for e in submitted] == [expected_id]


def test_stake_info_for_coldkey(st, miner, netuid, registered):
    infos = st.get_stake_info_for_coldkey(miner.coldkeypub.ss58_address)
    assert any(i.netuid == netuid and i.hotkey_ss58 == miner.hotkey.ss58_address for i in infos)


def test_set_weights_with_commit_reveal_off(st, taonet_chain, owner, miner, netuid, registered):
    # The dev chain's subnets start with commit-reveal off and no weights rate limit (else the SDK
    # sends nothing). The owner's hotkey holds the subnet's stake, so it has a validator permit.
    assert st.commit_reveal_enabled(netuid) is False
    assert st.weights_rate_limit(netuid) == 0
    owner_uid = st.get_uid_for_hotkey_on_subnet(owner.hotkey.ss58_address, netuid)
    r = st.set_weights(owner, netuid, uids=[owner_uid, registered], weights=[0.25, 0.75], raise_error=True)
    assert r.success, r.message
    rows = dict(st.weights(netuid))
    assert dict(rows[owner_uid]) == {owner_uid: 21845, registered: 65535}


def test_commit_then_reveal_weights(st, taonet_chain, owner, netuid, registered):
    # Commit-reveal on, set by the owner through Taonet's CLI, on a subnet of its own would be
    # cleaner, but one epoch of the shared subnet is enough: later tests do not set weights here.
    set_hyperparameter(st, owner, netuid, "commitRevealEnabled", True)
    assert eventually(lambda: st.commit_reveal_enabled(netuid), bool)
    owner_uid = st.get_uid_for_hotkey_on_subnet(owner.hotkey.ss58_address, netuid)
    # The SDK hashes the weights as given and normalises them only when revealing: pass u16 values.
    uids, weights, salt = [owner_uid, registered], [65535, 32768], [7, 11, 13]
    r = st.commit_weights(owner, netuid, salt=salt, uids=uids, weights=weights, raise_error=True, wait_for_inclusion=True)
    assert r.success, r.message
    # The reveal opens with a later epoch: retry while the chain says it is too early.
    for _ in range(120):
        r = st.reveal_weights(owner, netuid, uids=uids, weights=weights, salt=salt, raise_error=False)
        if r.success or "RevealTooEarly" not in str(r.message) + str(r.error):
            break
    assert r.success, r.message
    rows = dict(st.weights(netuid))
    assert dict(rows[owner_uid]) == {owner_uid: 65535, registered: 32768}


@cannot_pass(
    "bittensor 10.5 set_weights with commit-reveal on timelocks to drand quicknet's hard-coded key and round; "
    "a dev chain's beacon is its own (rounds far ahead of quicknet's), so the chain refuses the round "
    "(InvalidRevealRound) and could not decrypt it anyway (Taonet's SDK encrypts to the chain's beacon)"
)
def test_set_weights_timelocked_to_quicknet(st, taonet_chain, owner, netuid, registered):
    set_hyperparameter(st, owner, netuid, "commitRevealEnabled", True)
    assert eventually(lambda: st.commit_reveal_enabled(netuid), bool)
    owner_uid = st.get_uid_for_hotkey_on_subnet(owner.hotkey.ss58_address, netuid)
    r = st.set_weights(owner, netuid, uids=[owner_uid, registered], weights=[0.5, 0.5], raise_error=False)
    assert r.success, r.message
    rows = eventually(lambda: dict(st.weights(netuid)), lambda w: dict(w.get(owner_uid, [])) == {owner_uid: 65535, registered: 65535}, timeout=20)
    assert dict(rows[owner_uid]) == {owner_uid: 65535, registered: 65535}


def test_serve_axon(st, taonet_chain, miner, netuid, registered):
    # subtensor (and Taonet) refuse loopback addresses on chain; a LAN address is what a miner advertises.
    axon = bt.Axon(wallet=miner, ip="127.0.0.1", port=40123, external_ip="10.0.0.5", external_port=40123)
    r = st.serve_axon(netuid=netuid, axon=axon, raise_error=True)
    assert r.success, r.message
    neuron = cli_neuron(taonet_chain, netuid, miner.hotkey.ss58_address)
    assert neuron["axon"] is not None and neuron["axon"]["port"] == 40123
    info = st.get_neuron_for_pubkey_and_subnet(miner.hotkey.ss58_address, netuid).axon_info
    assert (info.ip, info.port) == ("10.0.0.5", 40123)


def test_async_subtensor_reads_and_transfers(taonet_chain, make_wallet):
    import asyncio

    sender = make_wallet("//Alice", "//Alice//classic-owner")
    dest = Keypair.create_from_uri("//Taonet//classic-async").ss58_address

    async def run():
        async with bt.AsyncSubtensor(network=taonet_chain.ws) as ast:
            block = await ast.get_current_block()
            r = await ast.transfer(sender, dest, bt.Balance.from_tao(2), raise_error=True)
            return block, r, await ast.get_balance(dest), await ast.get_total_subnets()

    before = head(taonet_chain)
    block, r, balance, total = asyncio.run(run())
    assert before <= block <= head(taonet_chain)
    assert r.success, r.message
    assert balance.rao == 2 * TAO == rao(taonet_chain.cli("wallet", "balance", "--ss58", dest)["free"])
    listed = taonet_chain.cli("subnets", "list")
    assert total == len(listed["subnets"] if isinstance(listed, dict) else listed)


def test_subnet_registration_cost_equals_taonet_cli(st, taonet_chain):
    # Read twice around the CLI: the lock cost decays with blocks, so the CLI's value lies between.
    first = st.get_subnet_burn_cost().rao
    cli = rao(taonet_chain.cli("subnets", "burn-cost")["network"])
    last = st.get_subnet_burn_cost().rao
    assert min(first, last) <= cli <= max(first, last)
    assert cli > 0


def test_hyperparameters_equal_taonet_cli(st, taonet_chain, netuid):
    hp = st.get_subnet_hyperparameters(netuid)
    cli = {p["name"]: p["value"] for p in taonet_chain.cli("subnets", "hyperparameters", "--netuid", str(netuid))}
    assert hp.tempo == cli["tempo"]
    assert hp.commit_reveal_weights_enabled == cli["commitRevealEnabled"]


def test_delegates(st, owner, netuid):
    assert any(d.hotkey_ss58 == owner.hotkey.ss58_address for d in st.get_delegates())
