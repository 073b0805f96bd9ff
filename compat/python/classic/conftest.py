"""Classic line (bittensor 10.5): a client per test module, and no lookups of this machine's public IP.

``bt.Dendrite()`` and ``bt.Axon()`` without ``external_ip`` ask web services for the public IP at
construction. The suite runs offline on 127.0.0.1, so that lookup answers a documentation address
(TEST-NET-1): never equal to 127.0.0.1, so the dendrite dials targets as given.
"""

import pytest

FAKE_EXTERNAL_IP = "192.0.2.1"


@pytest.fixture(autouse=True, scope="session")
def _offline_external_ip():
    from bittensor.utils import networking

    original = networking.get_external_ip
    networking.get_external_ip = lambda: FAKE_EXTERNAL_IP
    try:
        yield
    finally:
        networking.get_external_ip = original


@pytest.fixture(scope="module")
def st(taonet_chain):
    """A classic ``bt.Subtensor`` on the session's dev node, closed with the module."""
    import bittensor as bt

    s = bt.Subtensor(network=taonet_chain.ws)
    yield s
    s.close()
