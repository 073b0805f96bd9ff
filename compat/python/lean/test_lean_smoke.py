"""Lean line (bittensor 11.3 + bittensor-cli 9.23.2): the pinned packages import and both CLIs run.

Its chain paths are in ``test_lean_chain.py``.
"""

import subprocess
import sys

import bittensor as bt


def test_the_pinned_lean_sdk_imports():
    assert bt.__version__ == "11.3.0"
    # The rewrite's entry points, which the chain tests will use.
    for name in ("Subtensor", "Client", "Metagraph", "Balance", "BurnedRegister", "CommitWeights"):
        assert hasattr(bt, name), name
    # 11.x has no axon or dendrite: those are tested on the classic line.
    assert not hasattr(bt, "Axon") and not hasattr(bt, "Dendrite")


def test_the_rust_core_loads():
    import bittensor_core  # noqa: F401  (the compiled encoder/decoder 11.x signs and decodes with)


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", *args], capture_output=True, text=True, timeout=120)


def test_the_sdk_own_cli_runs():
    r = _cli("bittensor.cli.main", "--help")
    assert r.returncode == 0, r.stderr
    assert "subnets" in r.stdout


def test_bittensor_cli_runs_beside_it():
    r = _cli("bittensor_cli.cli", "--version")
    assert r.returncode == 0, r.stderr
    assert "9.23.2" in r.stdout + r.stderr
