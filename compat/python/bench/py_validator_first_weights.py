"""The Python side of ``npm run bench -- compat``'s start-up figure: ``npm start``'s network
(``taonet localnet up``, what ``npm start`` runs once dependencies are installed) from nothing,
then README.md's "Your Python subnet on Taonet" walk-through on it, until the Python validator's
first ``set_weights`` the chain accepts.

    python py_validator_first_weights.py

Prints one JSON line: ``{"readySeconds", "walkthroughStartSeconds", "firstWeightsSeconds"}``, all
from the moment ``localnet up`` was launched.
"""

import json
import os
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
os.environ.setdefault("NO_CACHE", "1")

import bittensor as bt  # noqa: E402
from bittensor.utils import networking  # noqa: E402

from readme_subnet import ReadmeSubnet, wait_for  # noqa: E402
from taonet_harness import start_localnet  # noqa: E402

# Offline: the neurons' axon is given its address; no public-IP lookup from this process either.
networking.get_external_ip = lambda: "192.0.2.1"


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="taonet-bench-localnet-") as d:
        t0 = time.monotonic()
        net = start_localnet(os.path.join(d, "net"))
        walk = None
        try:
            ready = time.monotonic() - t0
            home = Path(d) / "home"
            home.mkdir()
            st = bt.Subtensor(network=net.ws)
            walk_start = time.monotonic() - t0
            walk = ReadmeSubnet(net.ws, home)
            walk.run(lambda: set(st.get_all_subnets_netuid()))
            wait_for(lambda: walk.first_accepted_weights, 180)
            st.close()
            if walk.first_accepted_weights is None:
                raise SystemExit("no accepted weights within 180 s:\n" + "".join(walk.logs.get("validator", []))[-3000:])
            print(json.dumps({
                "readySeconds": ready,
                "walkthroughStartSeconds": walk_start,
                "firstWeightsSeconds": walk.first_accepted_weights - t0,
            }), flush=True)
        finally:
            if walk is not None:
                walk.stop()
            net.stop()


if __name__ == "__main__":
    main()
