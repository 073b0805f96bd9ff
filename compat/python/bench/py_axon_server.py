"""The Python side of ``npm run bench -- compat``: a bittensor 10.5 ``bt.Axon`` serving the axon
benchmark's Echo synapse (bench/axon.bench.ts), with a blacklist admitting only the benchmark's
callers and bittensor's default verification (signature, nonce, body hash).

Speaks the benchmark children's protocol: one JSON line ``{"axons": [{ip, port, hotkey}]}`` when
listening; then each stdin line ``cpu`` is answered with ``{"cpuUs": <process CPU time, all threads>}``.

    python py_axon_server.py '<json list of allowed caller ss58 addresses>'
"""

import json
import signal
import socket
import sys
import tempfile
import time
from typing import ClassVar, Optional, Tuple

import bittensor as bt
from bittensor.utils import networking
from bittensor_wallet import Wallet

# Offline: no public-IP lookup (the axon is given its address).
networking.get_external_ip = lambda: "192.0.2.1"


class Echo(bt.Synapse):
    text: str
    echoed: Optional[str] = None
    required_hash_fields: ClassVar[Tuple[str, ...]] = ("text",)


def main() -> None:
    allowed = set(json.loads(sys.argv[1]))
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    wallet = Wallet(name="bench", hotkey="axon", path=tempfile.mkdtemp(prefix="bench-wallet-"))
    wallet.create_coldkey_from_uri("//BenchAxonOwner", use_password=False, overwrite=True, suppress=True)
    wallet.create_hotkey_from_uri("//BenchAxon", use_password=False, overwrite=True, suppress=True)

    def forward(synapse: Echo) -> Echo:
        synapse.echoed = synapse.text
        return synapse

    def blacklist(synapse: Echo) -> Tuple[bool, str]:
        hk = synapse.dendrite.hotkey
        return (hk not in allowed, f"hotkey {hk} is not registered")

    def priority(synapse: Echo) -> float:
        return 1.0 if synapse.dendrite.hotkey in allowed else 0.0

    axon = bt.Axon(wallet=wallet, ip="127.0.0.1", port=port, external_ip="127.0.0.1")
    axon.fast_config.host = "127.0.0.1"  # bittensor binds 0.0.0.0 otherwise
    axon.attach(forward_fn=forward, blacklist_fn=blacklist, priority_fn=priority)
    axon.start()
    deadline = time.monotonic() + 30
    while True:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                break
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)
    signal.signal(signal.SIGTERM, lambda *_: (axon.stop(), sys.exit(0)))
    print(json.dumps({"axons": [{"ip": "127.0.0.1", "port": port, "hotkey": wallet.hotkey.ss58_address}]}), flush=True)
    for line in sys.stdin:
        if line.strip() == "cpu":
            print(json.dumps({"cpuUs": int(time.process_time() * 1e6)}), flush=True)
    axon.stop()


if __name__ == "__main__":
    main()
