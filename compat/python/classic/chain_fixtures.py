"""What the classic chain tests share: a client on the auto-sealing node, wallets from dev URIs,
a subnet of their own, and reads through Taonet's CLI to compare with."""

from __future__ import annotations

import time
from typing import Any, Callable


def rao(value: Any) -> int:
    """Taonet's CLI prints balances as ``{"unit", "rao", "tao"}``; rao is exact."""
    if isinstance(value, dict) and "rao" in value:
        return int(value["rao"])
    return int(value)


def new_subnet(st, owner, start: bool = True) -> int:
    """Registers (and, unless ``start`` is False, starts) a subnet owned by ``owner`` through the
    SDK; returns its netuid, found as the one netuid that was not there before."""
    before = set(st.get_all_subnets_netuid())
    r = st.register_subnet(owner, raise_error=True)
    assert r.success, r.message
    added = sorted(set(st.get_all_subnets_netuid()) - before)
    assert len(added) == 1, added
    netuid = added[0]
    if start:
        r = st.start_call(owner, netuid, raise_error=True)
        assert r.success, r.message
    return netuid


def eventually(read: Callable[[], Any], ok: Callable[[Any], bool], timeout: float = 30, every: float = 0.25) -> Any:
    """Polls ``read`` until ``ok`` holds (chain state that changes at an epoch), else the last value."""
    deadline = time.monotonic() + timeout
    value = read()
    while not ok(value) and time.monotonic() < deadline:
        time.sleep(every)
        value = read()
    return value


def cli_neuron(chain, netuid: int, hotkey: str) -> dict | None:
    mg = chain.cli("subnets", "metagraph", "--netuid", str(netuid))
    return next((n for n in mg["neurons"] if n["hotkey"] == hotkey), None)


def set_hyperparameter(st, owner, netuid: int, name: str, value: Any, tries: int = 200) -> None:
    """The subnet owner (or the dev chain's admin, //Alice) sets a hyperparameter with Taonet's own call (TaonetAdmin.set_hyperparameter,
    composed from the node's metadata by the SDK's substrate interface), retrying while the chain
    freezes hyperparameters near an epoch."""
    kind = "Bool" if isinstance(value, bool) else "Int"
    call = st.substrate.compose_call(
        "TaonetAdmin", "set_hyperparameter", {"netuid": netuid, "name": name, "value": {kind: value}}
    )
    for _ in range(tries):
        r = st.sign_and_send_extrinsic(call=call, wallet=owner, wait_for_inclusion=True, wait_for_finalization=False)
        if r.success:
            return
        message = f"{r.message} {r.error}"
        if "AdminActionProhibitedDuringWeightsWindow" not in message:
            raise AssertionError(f"set {name}: {message}")
        time.sleep(0.25)
    raise AssertionError(f"{name} stayed frozen")
