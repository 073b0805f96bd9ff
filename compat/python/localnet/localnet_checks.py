"""Reading a shielded call back from the localnet: the carrier, then its inner extrinsic."""

from __future__ import annotations


def carrier_then(chain, receipt, inner_call: str) -> None:
    """The inner extrinsic (the SDK's receipt for it: block hash and index) sits right after a
    MevShield carrier, as ``inner_call``."""
    number = int(chain.rpc("chain_getHeader", [receipt.block_hash])["number"], 16)
    i = receipt.extrinsic_idx
    block = chain.rpc("taonet_getBlock", [number])["extrinsics"]
    assert [x["palletCall"] for x in block[i - 1 : i + 1]] == ["MevShield.submit_encrypted", inner_call]


def newest_carrier_then(chain, inner_call: str, within: int = 60) -> None:
    """The newest carrier of the last ``within`` blocks is followed by ``inner_call`` (for btcli, which
    prints no inner hash)."""
    head = int(chain.rpc("chain_getHeader")["number"], 16)
    for n in range(head, max(0, head - within), -1):
        calls = [x.get("palletCall") for x in chain.rpc("taonet_getBlock", [n])["extrinsics"]]
        if "MevShield.submit_encrypted" in calls:
            i = len(calls) - 1 - calls[::-1].index("MevShield.submit_encrypted")
            assert calls[i + 1 : i + 2] == [inner_call], calls
            return
    raise AssertionError(f"no carrier in the last {within} blocks")
