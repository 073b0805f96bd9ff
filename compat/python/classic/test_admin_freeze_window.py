"""bittensor 10.5 reads the admin freeze window (``SubtensorModule.AdminFreezeWindow``) from the
chain, at the head and at a past block, and lowers it as subtensor's own test scripts do
(``sudo_set_admin_freeze_window_extrinsic``: AdminUtils through Sudo.sudo, signed by the dev admin).
At 0 the owner of a dev-tempo subnet (tempo 10, no longer than the default 10-block window) sets a
hyperparameter with AdminUtils directly, with no tempo change first."""

from __future__ import annotations

import pytest
from bittensor.core.extrinsics.sudo import sudo_set_admin_freeze_window_extrinsic

from chain_fixtures import new_subnet


@pytest.fixture
def admin(make_wallet):
    return make_wallet("//Alice", "//Alice")


@pytest.fixture
def restore_window(st, admin):
    """The node is shared by the session: the window goes back to subtensor's default afterwards."""
    yield
    assert sudo_set_admin_freeze_window_extrinsic(st, admin, 10).success
    assert st.get_admin_freeze_window() == 10


def test_get_admin_freeze_window_reads_the_chain(st, admin, make_wallet, restore_window):
    owner = make_wallet("//Eve", "//Eve//freeze-owner")
    netuid = new_subnet(st, owner)
    assert st.tempo(netuid) == 10
    assert st.get_admin_freeze_window() == 10
    before = st.get_current_block()

    r = sudo_set_admin_freeze_window_extrinsic(st, admin, 0)
    assert r.success, r.message
    assert st.get_admin_freeze_window() == 0
    # The value as it was at an earlier block, from the chain's state history.
    assert st.get_admin_freeze_window(block=before) == 10
    # bittensor's own freeze check (tempo, LastEpochBlock, PendingEpochAt and the window) agrees.
    assert st.is_in_admin_freeze_window(netuid) is False

    # The owner sets a hyperparameter with subtensor's AdminUtils call, on the first try.
    assert st.get_hyperparameter("ServingRateLimit", netuid) != 77
    call = st.substrate.compose_call(
        "AdminUtils", "sudo_set_serving_rate_limit", {"netuid": netuid, "serving_rate_limit": 77}
    )
    r = st.sign_and_send_extrinsic(call=call, wallet=owner, wait_for_inclusion=True, wait_for_finalization=False)
    assert r.success, f"{r.message} {r.error}"
    assert st.get_hyperparameter("ServingRateLimit", netuid) == 77


def test_a_non_admin_cannot_change_the_window(st, make_wallet):
    bob = make_wallet("//Bob", "//Bob")
    r = sudo_set_admin_freeze_window_extrinsic(st, bob, 0)
    assert not r.success
    assert "RequireSudo" in f"{r.message} {r.error}"
    assert st.get_admin_freeze_window() == 10
