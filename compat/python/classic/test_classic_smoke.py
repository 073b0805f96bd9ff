"""Classic line (bittensor 10.5 + bittensor-cli 9.23.2 in one environment): the pinned packages import
together (10.2 alone did not: cyscale against scalecodec) and btcli runs."""

import subprocess
import sys

import bittensor as bt


def test_the_pinned_classic_sdk_imports():
    assert bt.__version__ == "10.5.0"
    for name in ("Subtensor", "AsyncSubtensor", "Axon", "Dendrite", "Synapse", "Metagraph"):
        assert hasattr(bt, name), name
    import async_substrate_interface

    assert async_substrate_interface is not None


def test_btcli_runs():
    r = subprocess.run(
        [sys.executable, "-m", "bittensor_cli.cli", "--version"], capture_output=True, text=True, timeout=120
    )
    assert r.returncode == 0, r.stderr
    assert "9.23.2" in r.stdout + r.stderr
