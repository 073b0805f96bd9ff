"""What the miner and the validator share: their command line (the subnet template's option names)
and the wallet, subtensor and logging they build from it."""

import argparse

import bittensor as bt


def parse_args(role: str, extra=None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=f"Python {role} for a Taonet (or Bittensor) subnet")
    p.add_argument("--subtensor.chain_endpoint", dest="endpoint", default="ws://127.0.0.1:9944")
    p.add_argument("--netuid", type=int, required=True)
    p.add_argument("--wallet.name", dest="wallet_name", default="default")
    p.add_argument("--wallet.hotkey", dest="wallet_hotkey", default="default")
    p.add_argument("--wallet.path", dest="wallet_path", default="~/.bittensor/wallets")
    if extra is not None:
        extra(p)
    return p.parse_args()


def connect(args):
    wallet = bt.Wallet(name=args.wallet_name, hotkey=args.wallet_hotkey, path=args.wallet_path)
    subtensor = bt.Subtensor(network=args.endpoint)
    return wallet, subtensor


def say(event: str, **fields) -> None:
    """One JSON line per milestone on stdout, so scripts (and the tests) can follow along."""
    import json

    print(json.dumps({"event": event, **fields}), flush=True)
