"""The Python side of ``npm run bench -- compat``'s metagraph comparison: bittensor 10.5's
``bt.Subtensor.metagraph(netuid)`` (lite, the default, and full) against a running node, timed
after one warm-up sync (which fetches the runtime metadata once, as a long-running neuron does).

    python py_metagraph_sync.py <ws url> <netuid> <runs>

Prints one JSON line: ``{"n": uids, "lite": [seconds...], "full": [seconds...]}``.
"""

import json
import os
import sys
import time

os.environ.setdefault("NO_CACHE", "1")

import bittensor as bt  # noqa: E402


def main() -> None:
    url, netuid, runs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    st = bt.Subtensor(network=url)
    try:
        mg = st.metagraph(netuid)
        out = {"n": int(mg.n), "lite": [], "full": []}
        for lite in (True, False):
            st.metagraph(netuid, lite=lite)
            for _ in range(runs):
                t0 = time.perf_counter()
                mg = st.metagraph(netuid, lite=lite)
                out["lite" if lite else "full"].append(time.perf_counter() - t0)
                assert int(mg.n) == out["n"]
        print(json.dumps(out), flush=True)
    finally:
        st.close()


if __name__ == "__main__":
    main()
