"""The classic SDK's stake paths beyond plain add/unstake: safe staking with a limit price (a fill
refused, a fill cut short), ``move_stake`` across subnets, and ``metagraph.sync(block=N)`` at a block
the stake has since moved on from; through ``bt.Subtensor`` and ``bt.AsyncSubtensor``.

Each result is read back from the chain and compared with Taonet's CLI (``--json``). The two
subnets get a tempo far longer than the module runs, so no epoch pays out (and changes a stake)
between a write and the reads that check it.
"""

from __future__ import annotations

import asyncio

import bittensor as bt
import pytest

from chain_fixtures import new_subnet, rao, set_hyperparameter

TAO = 10**9
# bittensor 10.5's add_stake/unstake default; the dev subnets' pools are small enough that 5 TAO moves
# the price by far more than this.
TOLERANCE = 0.005
# Blocks between epochs on the module's subnets: at 4 blocks a second, longer than the module runs.
QUIET_TEMPO = 3600


@pytest.fixture(scope="module")
def owner(make_wallet):
    return make_wallet("//Alice", "//Alice//staking-owner")


@pytest.fixture(scope="module")
def staker(make_wallet):
    return make_wallet("//Bob", "//Bob//staking")


@pytest.fixture(scope="module")
def subnets(st, owner, staker) -> tuple[int, int]:
    """Two subnets of their own, the staker's hotkey registered on both."""
    a, b = new_subnet(st, owner), new_subnet(st, owner)
    for n in (a, b):
        set_hyperparameter(st, owner, n, "tempo", QUIET_TEMPO)
        r = st.burned_register(staker, n, raise_error=True)
        assert r.success, r.message
    return a, b


def cli_stake(chain, coldkey: str, hotkey: str, netuid: int) -> int:
    """The coldkey's alpha on (hotkey, netuid) as Taonet's CLI reports it; 0 when it has none."""
    for s in chain.cli("wallet", "balance", "--ss58", coldkey)["stakes"]:
        if s["hotkey"] == hotkey and s["netuid"] == netuid:
            return rao(s["alpha"])
    return 0


def cli_price(chain, netuid: int) -> int:
    return int(chain.cli("subnets", "show", "--netuid", str(netuid))["price"]["raoPerAlpha"])


def alpha_rao(tao: float, rao_value: int) -> bool:
    """The metagraph keeps stakes as float32 TAO: equal to ``rao_value`` within float32's precision."""
    return abs(tao * TAO - rao_value) <= rao_value * 2**-23 + 1


def sdk_limit(st, netuid: int, up: bool) -> int:
    """The limit price the SDK sends for a safe stake (up) or unstake (down), in rao per alpha."""
    price = st.subnet(netuid).price.tao
    return bt.Balance.from_tao(price * (1 + TOLERANCE) if up else price * (1 - TOLERANCE)).rao


def stake_agrees(st, chain, staker, netuid: int) -> int:
    ck, hk = staker.coldkeypub.ss58_address, staker.hotkey.ss58_address
    on_chain = st.get_stake(ck, hk, netuid).rao
    assert on_chain == cli_stake(chain, ck, hk, netuid)
    return on_chain


def test_safe_add_stake_refused_when_the_limit_cannot_hold(st, taonet_chain, staker, subnets):
    netuid = subnets[0]
    ck = staker.coldkeypub.ss58_address
    stake_before, free_before = stake_agrees(st, taonet_chain, staker, netuid), st.get_balance(ck).rao
    price_before = cli_price(taonet_chain, netuid)
    r = st.add_stake(
        staker, netuid, staker.hotkey.ss58_address, bt.Balance.from_tao(5),
        safe_staking=True, allow_partial_stake=False, rate_tolerance=TOLERANCE,
    )
    assert not r.success
    assert "SlippageTooHigh" in f"{r.message} {r.error}", r.message
    # Refused before anything moved: the stake and the price are as they were, only the fee is gone.
    assert stake_agrees(st, taonet_chain, staker, netuid) == stake_before
    assert cli_price(taonet_chain, netuid) == price_before
    assert free_before - TAO // 10 < st.get_balance(ck).rao < free_before


def test_safe_add_stake_with_partial_fill_stops_at_the_limit(st, taonet_chain, staker, subnets):
    netuid = subnets[0]
    ck = staker.coldkeypub.ss58_address
    stake_before, free_before = stake_agrees(st, taonet_chain, staker, netuid), st.get_balance(ck).rao
    price_before, limit = cli_price(taonet_chain, netuid), sdk_limit(st, netuid, up=True)
    r = st.add_stake(
        staker, netuid, staker.hotkey.ss58_address, bt.Balance.from_tao(5),
        safe_staking=True, allow_partial_stake=True, rate_tolerance=TOLERANCE, raise_error=True,
    )
    assert r.success, r.message
    stake_after = stake_agrees(st, taonet_chain, staker, netuid)
    spent = free_before - st.get_balance(ck).rao
    # Part of the 5 TAO bought alpha: the price rose up to the limit and not past it.
    assert stake_after > stake_before
    assert 0 < spent < 5 * TAO
    assert price_before < cli_price(taonet_chain, netuid) <= limit


def test_safe_unstake_refused_then_partly_filled(st, taonet_chain, staker, subnets):
    netuid = subnets[0]
    ck, hk = staker.coldkeypub.ss58_address, staker.hotkey.ss58_address
    # Holding far more than the partial fill bought: selling all of it moves the price down by far more than 0.5%.
    r = st.add_stake(staker, netuid, hk, bt.Balance.from_tao(2), raise_error=True)
    assert r.success, r.message
    held = stake_agrees(st, taonet_chain, staker, netuid)
    r = st.unstake(
        staker, netuid, hk, bt.Balance.from_rao(held), safe_unstaking=True, allow_partial_stake=False,
        rate_tolerance=TOLERANCE,
    )
    assert not r.success
    assert "SlippageTooHigh" in f"{r.message} {r.error}", r.message
    assert stake_agrees(st, taonet_chain, staker, netuid) == held

    price_before, limit = cli_price(taonet_chain, netuid), sdk_limit(st, netuid, up=False)
    free_before = st.get_balance(ck).rao
    r = st.unstake(
        staker, netuid, hk, bt.Balance.from_rao(held), safe_unstaking=True, allow_partial_stake=True,
        rate_tolerance=TOLERANCE, raise_error=True,
    )
    assert r.success, r.message
    left = stake_agrees(st, taonet_chain, staker, netuid)
    assert 0 < left < held
    assert st.get_balance(ck).rao > free_before
    # The sale stops at the limit; its alpha fee is then sold too (as on subtensor), which takes the
    # price a fee's worth (0.05%) further.
    assert limit * 9995 // 10000 <= cli_price(taonet_chain, netuid) < price_before


def test_move_stake_across_subnets(st, taonet_chain, staker, owner, subnets):
    a, b = subnets
    ck, hk, dest_hk = staker.coldkeypub.ss58_address, staker.hotkey.ss58_address, owner.hotkey.ss58_address
    held = stake_agrees(st, taonet_chain, staker, a)
    assert cli_stake(taonet_chain, ck, dest_hk, b) == st.get_stake(ck, dest_hk, b).rao == 0
    moved = held // 2
    r = st.move_stake(staker, a, hk, b, dest_hk, bt.Balance.from_rao(moved).set_unit(a), raise_error=True)
    assert r.success, r.message
    assert stake_agrees(st, taonet_chain, staker, a) == held - moved
    dest = st.get_stake(ck, dest_hk, b).rao
    assert dest == cli_stake(taonet_chain, ck, dest_hk, b) > 0


def test_metagraph_sync_at_an_older_block(st, taonet_chain, staker, subnets):
    netuid = subnets[1]
    hk = staker.hotkey.ss58_address
    # One CLI read is one state: its block and the hotkey's stake at that block.
    then = taonet_chain.cli("subnets", "metagraph", "--netuid", str(netuid))
    block = int(then["block"])
    old = next(n for n in then["neurons"] if n["hotkey"] == hk)
    r = st.add_stake(staker, netuid, hk, bt.Balance.from_tao(0.05), raise_error=True)
    assert r.success, r.message

    mg = bt.Metagraph(netuid=netuid, network=taonet_chain.ws, sync=False)
    mg.sync(block=block, subtensor=st)
    uid = old["uid"]
    assert int(mg.block) == block
    assert list(mg.hotkeys) == [n["hotkey"] for n in sorted(then["neurons"], key=lambda n: n["uid"])]
    assert alpha_rao(float(mg.alpha_stake[uid]), rao(old["stake"]))
    assert st.get_stake(staker.coldkeypub.ss58_address, hk, netuid, block=block).rao == rao(old["stake"])
    mg.sync(subtensor=st)
    now = taonet_chain.cli("subnets", "metagraph", "--netuid", str(netuid))
    new = rao(next(n for n in now["neurons"] if n["hotkey"] == hk)["stake"])
    assert int(mg.block) > block
    assert new > rao(old["stake"])
    assert alpha_rao(float(mg.alpha_stake[uid]), new)


def test_async_subtensor_safe_stake_move_and_metagraph_at_block(taonet_chain, staker, owner, subnets):
    a, b = subnets
    ck, hk, dest_hk = staker.coldkeypub.ss58_address, staker.hotkey.ss58_address, owner.hotkey.ss58_address

    async def run():
        async with bt.AsyncSubtensor(network=taonet_chain.ws) as ast:
            refused = await ast.add_stake(
                staker, a, hk, bt.Balance.from_tao(5), safe_staking=True, allow_partial_stake=False,
                rate_tolerance=TOLERANCE,
            )
            before = (await ast.get_stake(ck, hk, a)).rao
            block = await ast.get_current_block()
            filled = await ast.add_stake(
                staker, a, hk, bt.Balance.from_tao(5), safe_staking=True, allow_partial_stake=True,
                rate_tolerance=TOLERANCE, raise_error=True,
            )
            after = (await ast.get_stake(ck, hk, a)).rao
            moved = await ast.move_stake(
                staker, a, hk, b, dest_hk, bt.Balance.from_rao(after - before).set_unit(a), raise_error=True
            )
            at_block = await ast.metagraph(a, block=block)
            return refused, filled, moved, before, after, block, at_block, (await ast.get_stake(ck, hk, a)).rao

    refused, filled, moved, before, after, block, mg, left = asyncio.run(run())
    assert not refused.success and "SlippageTooHigh" in f"{refused.message} {refused.error}"
    assert filled.success, filled.message
    assert after > before
    assert moved.success, moved.message
    assert left == before == cli_stake(taonet_chain, ck, hk, a)
    uid = list(mg.hotkeys).index(hk)
    assert int(mg.block) == block
    assert alpha_rao(float(mg.alpha_stake[uid]), before)
