"""A minimal validator: each round it syncs the metagraph, sends every served miner a SumTask
through the dendrite, scores the answers (1 if right, else 0) into a moving average and sets
weights from the scores."""

import random
import time

import bittensor as bt
from bittensor.utils import networking

from common import connect, parse_args, say
from protocol import SumTask


def make_dendrite(wallet) -> "bt.Dendrite":
    try:
        return bt.Dendrite(wallet=wallet)
    except Exception:
        # bittensor asks web services for this machine's public IP; a local network runs offline,
        # where only the loopback address matters.
        networking.get_external_ip = lambda: "127.0.0.1"
        return bt.Dendrite(wallet=wallet)


def main() -> None:
    args = parse_args(
        "validator",
        lambda p: (
            p.add_argument("--rounds", type=int, default=0, help="stop after this many rounds (0: run forever)"),
            p.add_argument("--round-seconds", type=float, default=2.0),
        ),
    )
    wallet, subtensor = connect(args)
    dendrite = make_dendrite(wallet)
    metagraph = subtensor.metagraph(args.netuid)
    my_uid = subtensor.get_uid_for_hotkey_on_subnet(wallet.hotkey.ss58_address, args.netuid)
    if my_uid is None:
        raise SystemExit(f"hotkey {wallet.hotkey.ss58_address} is not registered on subnet {args.netuid}")
    scores: dict[int, float] = {}
    done = 0
    while args.rounds == 0 or done < args.rounds:
        metagraph.sync(subtensor=subtensor)
        miners = [uid for uid in range(int(metagraph.n)) if uid != my_uid and metagraph.axons[uid].port != 0]
        numbers = [random.randint(0, 1000) for _ in range(5)]
        answers = dendrite.query([metagraph.axons[uid] for uid in miners], SumTask(numbers=numbers), timeout=5)
        for uid, answer in zip(miners, answers):
            right = 1.0 if answer == sum(numbers) else 0.0
            scores[uid] = 0.5 * scores.get(uid, 0.0) + 0.5 * right
        say("round", miners=miners, scores={str(u): s for u, s in scores.items()})
        if any(s > 0 for s in scores.values()):
            uids = list(scores)
            r = subtensor.set_weights(wallet, args.netuid, uids=uids, weights=[scores[u] for u in uids])
            say("weights", success=r.success, message=str(r.message), uids=uids)
        done += 1
        time.sleep(args.round_seconds)


if __name__ == "__main__":
    main()
