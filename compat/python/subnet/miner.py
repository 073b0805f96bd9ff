"""A minimal miner: serves SumTask on an axon registered on the chain, answering only callers
registered on the subnet."""

import signal
import threading
from typing import Tuple

import bittensor as bt

from common import connect, parse_args, say
from protocol import SumTask


def main() -> None:
    args = parse_args(
        "miner",
        lambda p: (
            p.add_argument("--axon.port", dest="port", type=int, default=8091),
            # The chain refuses loopback addresses (as subtensor does); 0.0.0.0 binds every interface and
            # validators on this machine reach it.
            p.add_argument("--axon.ip", dest="ip", default="0.0.0.0"),
        ),
    )
    wallet, subtensor = connect(args)
    if not subtensor.is_hotkey_registered(wallet.hotkey.ss58_address, args.netuid):
        raise SystemExit(f"hotkey {wallet.hotkey.ss58_address} is not registered on subnet {args.netuid}")

    def forward(synapse: SumTask) -> SumTask:
        synapse.total = sum(synapse.numbers)
        return synapse

    def blacklist(synapse: SumTask) -> Tuple[bool, str]:
        caller = synapse.dendrite.hotkey
        if not subtensor.is_hotkey_registered(caller, args.netuid):
            return True, "caller is not registered on this subnet"
        return False, "ok"

    axon = bt.Axon(wallet=wallet, ip=args.ip, port=args.port, external_ip=args.ip, external_port=args.port)
    axon.attach(forward_fn=forward, blacklist_fn=blacklist)
    subtensor.serve_axon(netuid=args.netuid, axon=axon, raise_error=True)
    axon.start()
    say("serving", hotkey=wallet.hotkey.ss58_address, port=args.port)

    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    stop.wait()
    axon.stop()


if __name__ == "__main__":
    main()
