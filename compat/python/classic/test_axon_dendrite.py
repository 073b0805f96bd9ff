"""Axon and dendrite over the wire, both directions (issue 20, item 5).

A. Python ``bt.Axon`` answers Taonet's ``Dendrite`` (driven through ``peer/taonet-peer.ts``).
B. Taonet's ``Axon`` answers Python's ``bt.Dendrite``.

Each direction checks: an answered call with ``required_hash_fields`` (a str and a list, hashed
through Python's ``str()``) and one without; the server's response signature; status codes on both
ends; a refused bad signature; a stale and a replayed nonce; an altered body; a blacklisted caller; a timeout.
(No ``from __future__ import annotations`` here: bittensor reads the hooks' annotations as classes.)
No chain is involved: the Python axon gets its hooks directly, the Taonet axon a static caller list.
"""

import asyncio
import hashlib
import json
import socket
import threading
import time
import urllib.error
import urllib.request
from typing import Tuple

import bittensor as bt
import pytest
from bittensor_wallet import Keypair

from wire_protocols import Dummy, Echo, Slow

ALICE, BOB, EVE, FERDIE = "//Alice", "//Bob", "//Eve", "//Ferdie"
EMPTY_SHA3 = hashlib.sha3_256(b"").hexdigest()


def ss58(uri: str) -> str:
    return Keypair.create_from_uri(uri).ss58_address


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_listening(port: int, timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.05)
    raise TimeoutError(f"nothing listens on 127.0.0.1:{port}")


def axon_signature_verifies(axon_hotkey: str, dendrite_hotkey: str, terminal: dict) -> bool:
    """The server's signature over ``{axon nonce}.{dendrite hotkey}.{axon hotkey}.{axon uuid}`` (§2.4)."""
    message = f"{terminal['nonce']}.{dendrite_hotkey}.{axon_hotkey}.{terminal['uuid']}"
    return Keypair(ss58_address=axon_hotkey).verify(message, terminal["signature"])


# ---------------------------------------------------------------- A. Python axon, Taonet dendrite


class PythonAxon:
    """A ``bt.Axon`` on 127.0.0.1 serving Echo, Dummy and Slow; it refuses //Eve in its blacklist."""

    def __init__(self, wallet) -> None:
        self.port = free_port()
        self.seen: list = []  # (synapse name, dendrite hotkey) of each forward
        self.hashes: list = []  # (synapse name, signed body hash) of each verified request
        self.lock = threading.Lock()
        self.axon = bt.Axon(wallet=wallet, ip="127.0.0.1", port=self.port, external_ip="127.0.0.1")
        # bittensor binds uvicorn to 0.0.0.0 whatever `ip` says; tests listen on loopback only.
        self.axon.fast_config.host = "127.0.0.1"
        refused = ss58(EVE)

        def record(s: bt.Synapse) -> None:
            with self.lock:
                self.seen.append((s.name, s.dendrite.hotkey))

        async def verified(s: bt.Synapse) -> None:
            # bittensor's own check first; then note the body hash the caller signed (the header's:
            # the forward hook sees the synapse re-read from the body, where it is always "").
            await self.axon.default_verify(s)
            with self.lock:
                self.hashes.append((s.name, s.computed_body_hash))

        async def echo_verify(synapse: Echo) -> None:
            await verified(synapse)

        async def dummy_verify(synapse: Dummy) -> None:
            await verified(synapse)

        def echo(synapse: Echo) -> Echo:
            record(synapse)
            synapse.echoed = f"{synapse.text}|{','.join(synapse.tags)}"
            return synapse

        def echo_blacklist(synapse: Echo) -> Tuple[bool, str]:
            return (synapse.dendrite.hotkey == refused, "eve is not welcome")

        def dummy(synapse: Dummy) -> Dummy:
            record(synapse)
            synapse.dummy_output = synapse.dummy_input * 2
            return synapse

        def dummy_blacklist(synapse: Dummy) -> Tuple[bool, str]:
            return (synapse.dendrite.hotkey == refused, "eve is not welcome")

        def slow(synapse: Slow) -> Slow:
            record(synapse)
            time.sleep(synapse.delay)
            synapse.done = True
            return synapse

        self.axon.attach(forward_fn=echo, blacklist_fn=echo_blacklist, verify_fn=echo_verify)
        self.axon.attach(forward_fn=dummy, blacklist_fn=dummy_blacklist, verify_fn=dummy_verify)
        self.axon.attach(forward_fn=slow)
        self.axon.start()
        wait_listening(self.port)

    @property
    def hotkey(self) -> str:
        return self.axon.wallet.hotkey.ss58_address

    @property
    def target(self) -> dict:
        return {"ip": "127.0.0.1", "port": self.port, "hotkey": self.hotkey}

    def forwards(self) -> int:
        with self.lock:
            return len(self.seen)

    def stop(self) -> None:
        self.axon.stop()


@pytest.fixture(scope="module")
def py_axon(make_wallet):
    axon = PythonAxon(make_wallet(BOB, BOB))
    try:
        yield axon
    finally:
        axon.stop()


def test_taonet_dendrite_to_python_axon_with_hash_fields(taonet_peer, py_axon):
    fields = {"text": "héllo 'wire'", "tags": ["a", "it's", "ünïcode"]}
    out = taonet_peer.request("call", hotkey=ALICE, target=py_axon.target, synapse="Echo", fields=fields, timeout=10)
    assert out["status"] == 200, out
    assert out["axon"]["status_code"] == 200
    assert out["fields"]["echoed"] == "héllo 'wire'|a,it's,ünïcode"
    # The Python axon verified Taonet's signature over the body hash that Taonet computed, and that
    # hash is the one Python computes for the same inputs (str() of a str and of a list).
    assert py_axon.seen[-1] == ("Echo", ss58(ALICE))
    name, body_hash = py_axon.hashes[-1]
    assert name == "Echo"
    assert body_hash == Echo(**fields).body_hash
    assert body_hash != EMPTY_SHA3
    # A Python axon answers with the synapse its forward returned, re-read from the request body, so
    # its own signed terminal (nonce, uuid, signature) is not in a 200 answer; only refusals carry it
    # (see the blacklist test).
    assert out["axon"]["hotkey"] == py_axon.hotkey
    assert out["axon"]["signature"] is None


def test_taonet_dendrite_to_python_axon_without_hash_fields(taonet_peer, py_axon):
    out = taonet_peer.request(
        "call", hotkey=ALICE, target=py_axon.target, synapse="Dummy", fields={"dummy_input": 21}, timeout=10
    )
    assert out["status"] == 200, out
    assert out["fields"]["dummy_output"] == 42
    assert py_axon.hashes[-1] == ("Dummy", EMPTY_SHA3)


def test_python_axon_refuses_a_bad_signature_from_taonet(taonet_peer, py_axon):
    before = py_axon.forwards()
    out = taonet_peer.request(
        "raw", hotkey=ALICE, target=py_axon.target, synapse="Dummy", fields={"dummy_input": 1}, tamper="signature"
    )
    (reply,) = out["sends"]
    assert reply["status"] == 401, reply
    assert json.loads(reply["body"])["message"].startswith("Not Verified with error")
    assert py_axon.forwards() == before


def test_python_axon_refuses_a_replayed_nonce_from_taonet(taonet_peer, py_axon):
    before = py_axon.forwards()
    out = taonet_peer.request(
        "raw", hotkey=ALICE, target=py_axon.target, synapse="Dummy", fields={"dummy_input": 2}, sends=2
    )
    first, replay = out["sends"]
    assert first["status"] == 200, first
    assert json.loads(first["body"])["dummy_output"] == 4
    assert replay["status"] == 401, replay
    assert "nonce" in json.loads(replay["body"])["message"].lower()
    assert py_axon.forwards() == before + 1


def test_python_axon_refuses_a_stale_nonce_from_taonet(taonet_peer, py_axon):
    before = py_axon.forwards()
    out = taonet_peer.request(
        "raw", hotkey=ALICE, target=py_axon.target, synapse="Dummy", fields={"dummy_input": 5}, tamper="stale"
    )
    (reply,) = out["sends"]
    assert reply["status"] == 401, reply
    assert "nonce is too old" in json.loads(reply["body"])["message"].lower()
    assert py_axon.forwards() == before


def test_python_axon_refuses_a_body_altered_after_signing(taonet_peer, py_axon):
    before = py_axon.forwards()
    out = taonet_peer.request(
        "raw", hotkey=ALICE, target=py_axon.target, synapse="Echo", fields={"text": "pay 1", "tags": []}, tamper="body"
    )
    (reply,) = out["sends"]
    # The signature covers the header hash, so it verifies; the body no longer matches it.
    # Python turns the mismatch into its opaque 500 (§2.4 step 5); the handler never runs.
    assert reply["status"] == 500, reply
    assert json.loads(reply["body"])["message"].startswith("Internal Server Error #")
    assert py_axon.forwards() == before


def test_python_axon_blacklists_a_taonet_caller(taonet_peer, py_axon):
    before = py_axon.forwards()
    out = taonet_peer.request("call", hotkey=EVE, target=py_axon.target, synapse="Dummy", fields={"dummy_input": 3})
    assert out["status"] == 403, out
    assert "eve is not welcome" in out["message"]
    assert out["fields"]["dummy_output"] is None
    # The refusal carries the axon's signed terminal; Taonet's dendrite verified it (else 401), and so do we.
    assert out["axon"]["signature"]
    assert axon_signature_verifies(py_axon.hotkey, ss58(EVE), out["axon"])
    assert py_axon.forwards() == before


def test_taonet_dendrite_times_out_on_a_slow_python_axon(taonet_peer, py_axon):
    t0 = time.monotonic()
    out = taonet_peer.request(
        "call", hotkey=ALICE, target=py_axon.target, synapse="Slow", fields={"delay": 5.0}, timeout=1
    )
    assert out["status"] == 408, out
    assert out["fields"]["done"] is None
    assert time.monotonic() - t0 < 4.5  # cut at the timeout, not after the handler's 5 s


# ---------------------------------------------------------------- B. Taonet axon, Python dendrite


@pytest.fixture(scope="module")
def ts_axon(taonet_peer):
    """Taonet's Axon with //Ferdie's hotkey; its static metagraph knows //Alice and //Bob, not //Eve."""
    return taonet_peer.request("serve", hotkey=FERDIE, allow=[ss58(ALICE), ss58(BOB)], signResponses=True)


def axon_info(target: dict) -> bt.AxonInfo:
    return bt.AxonInfo(
        version=bt.__version_as_int__ if hasattr(bt, "__version_as_int__") else 10005000,
        ip=target["ip"],
        port=target["port"],
        ip_type=4,
        hotkey=target["hotkey"],
        coldkey=target["hotkey"],
    )


def py_call(wallet, target: dict, synapse: bt.Synapse, timeout: float = 10) -> bt.Synapse:
    async def go():
        async with bt.Dendrite(wallet=wallet) as d:
            return await d.call(target_axon=axon_info(target), synapse=synapse, timeout=timeout, deserialize=False)

    return asyncio.run(go())


def py_raw(wallet, target: dict, synapse: bt.Synapse, resign=None, alter_body=None, sends: int = 1) -> list:
    """One request prepared and signed by bittensor's own dendrite code, posted ``sends`` times.

    ``resign`` changes the signed synapse before its headers are written (e.g. the signature);
    ``alter_body`` changes it after, so the headers still carry the hash that was signed.
    """
    d = bt.Dendrite(wallet=wallet)
    s = d.preprocess_synapse_for_request(axon_info(target), synapse, timeout=10.0)
    if resign is not None:
        resign(s)
    headers = {**s.to_headers(), "content-type": "application/json"}
    if alter_body is not None:
        alter_body(s)
    body = json.dumps(s.model_dump()).encode()
    replies = []
    for _ in range(sends):
        req = urllib.request.Request(
            f"http://{target['ip']}:{target['port']}/{s.name}", data=body, headers=headers, method="POST"
        )
        try:
            with urllib.request.urlopen(req, timeout=10) as r:
                replies.append((r.status, json.loads(r.read())))
        except urllib.error.HTTPError as e:
            replies.append((e.code, json.loads(e.read())))
    return replies


def test_python_dendrite_to_taonet_axon_with_hash_fields(make_wallet, ts_axon):
    alice = make_wallet(ALICE, ALICE)
    s = py_call(alice, ts_axon, Echo(text="héllo 'wire'", tags=["a", "it's", "ünïcode"]))
    assert s.is_success, (s.dendrite.status_code, s.dendrite.status_message)
    assert s.dendrite.status_code == 200 and s.axon.status_code == 200
    assert s.echoed == "héllo 'wire'|a,it's,ünïcode"
    assert s.axon.hotkey == ts_axon["hotkey"]
    assert axon_signature_verifies(
        ts_axon["hotkey"], alice.hotkey.ss58_address, {"nonce": s.axon.nonce, "uuid": s.axon.uuid, "signature": s.axon.signature}
    )


def test_python_dendrite_to_taonet_axon_without_hash_fields(make_wallet, ts_axon):
    s = py_call(make_wallet(BOB, BOB), ts_axon, Dummy(dummy_input=21))
    assert s.is_success, (s.dendrite.status_code, s.dendrite.status_message)
    assert s.dummy_output == 42


def test_python_dendrite_reaches_the_ping_route(make_wallet, ts_axon):
    s = py_call(make_wallet(ALICE, ALICE), ts_axon, bt.Synapse())
    assert s.dendrite.status_code == 200, s.dendrite.status_message


def test_taonet_axon_refuses_a_bad_signature_from_python(make_wallet, ts_axon):
    def flip(s: bt.Synapse) -> None:
        sig = bytearray(bytes.fromhex(s.dendrite.signature[2:]))
        sig[10] ^= 1
        s.dendrite.signature = "0x" + sig.hex()

    ((status, body),) = py_raw(make_wallet(ALICE, ALICE), ts_axon, Dummy(dummy_input=1), resign=flip)
    assert status == 401, body
    assert body["message"].startswith("Not Verified with error")


def test_taonet_axon_refuses_a_replayed_nonce_from_python(make_wallet, ts_axon):
    (first, replay) = py_raw(make_wallet(ALICE, ALICE), ts_axon, Dummy(dummy_input=2), sends=2)
    assert first[0] == 200, first
    assert first[1]["dummy_output"] == 4
    assert replay[0] == 401, replay
    assert "nonce" in replay[1]["message"].lower()


def test_taonet_axon_refuses_a_stale_nonce_from_python(make_wallet, ts_axon):
    wallet = make_wallet(ALICE, ALICE)

    def stale(s: bt.Synapse) -> None:
        # Signed properly by the caller's hotkey, but with a nonce from a minute ago.
        s.dendrite.nonce = time.time_ns() - 60_000_000_000
        message = f"{s.dendrite.nonce}.{s.dendrite.hotkey}.{s.axon.hotkey}.{s.dendrite.uuid}.{s.body_hash}"
        s.dendrite.signature = "0x" + wallet.hotkey.sign(message).hex()

    ((status, body),) = py_raw(wallet, ts_axon, Dummy(dummy_input=5), resign=stale)
    assert status == 401, body
    assert "too old" in body["message"].lower()


def test_taonet_axon_refuses_a_body_altered_after_signing(make_wallet, ts_axon):
    def alter(s: Echo) -> None:
        s.text = "pay 1000"  # after signing: the header hash is the one for "pay 1"

    ((status, body),) = py_raw(make_wallet(ALICE, ALICE), ts_axon, Echo(text="pay 1", tags=[]), alter_body=alter)
    assert status == 401, body
    assert "hash" in body["message"].lower()


def test_taonet_axon_blacklists_a_python_caller(make_wallet, ts_axon):
    s = py_call(make_wallet(EVE, EVE), ts_axon, Dummy(dummy_input=3))
    assert s.is_blacklist, (s.dendrite.status_code, s.dendrite.status_message)
    assert s.dendrite.status_code == 403
    assert s.dendrite.status_message.startswith("Forbidden. Key is blacklisted")
    assert s.dummy_output is None


def test_python_dendrite_times_out_on_a_slow_taonet_axon(make_wallet, ts_axon):
    t0 = time.monotonic()
    s = py_call(make_wallet(ALICE, ALICE), ts_axon, Slow(delay=5.0), timeout=1)
    assert s.is_timeout, (s.dendrite.status_code, s.dendrite.status_message)
    assert s.dendrite.status_code == 408
    assert s.done is None
    assert time.monotonic() - t0 < 4.5  # cut at the timeout, not after the handler's 5 s
