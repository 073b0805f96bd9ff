"""README.md's "Your Python subnet on Taonet", run as printed against a running network: the
classic line's btcli makes the wallets, the subnet and the miner's registration, then
``subnet/miner.py`` and ``subnet/validator.py`` run as their own processes. Used by
``classic/test_python_subnet.py`` (on a dev node and on ``npm start``'s localnet) and by
``bench/py_validator_first_weights.py`` (``npm run bench -- compat``).
"""

from __future__ import annotations

import json
import os
import re
import shlex
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Callable, Optional

from taonet_harness import REPO

README = REPO / "README.md"
README_URL = "ws://127.0.0.1:9944"


def readme_commands() -> list[str]:
    """The section's second ``sh`` block (the first installs the clients), one command a line."""
    text = README.read_text()
    section = text[text.index("## Your Python subnet on Taonet") :]
    section = section[: section.index("\n## ", 5)]
    blocks = re.findall(r"```sh\n(.*?)```", section, re.S)
    assert len(blocks) == 2, "the section has a setup block and a run block"
    return [line for line in blocks[1].splitlines() if line.strip()]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(check: Callable[[], object], timeout: float, every: float = 0.5):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        v = check()
        if v:
            return v
        time.sleep(every)
    return None


class ReadmeSubnet:
    """The walk-through's processes on one network; :meth:`run` does the commands, :meth:`stop`
    ends the neurons. ``logs`` holds each neuron's output lines; the validator prints one JSON
    line per ``set_weights`` with its result."""

    def __init__(self, ws: str, home: Path, validator_rounds: int = 30):
        self.ws = ws
        self.home = home
        self.rounds = validator_rounds
        self.env = {**os.environ, "HOME": str(home), "COLUMNS": "1000", "PYTHONWARNINGS": "ignore", "NO_CACHE": "1"}
        self.fill = {README_URL: ws, "8091": str(free_port())}
        self.procs: list[subprocess.Popen] = []
        self.logs: dict[str, list[str]] = {}
        self.netuid: Optional[int] = None
        self.first_accepted_weights: Optional[float] = None

    def argv(self, line: str) -> list[str]:
        for k, v in self.fill.items():
            line = line.replace(k, v)
        assert "<" not in line, f"unfilled placeholder in {line}"
        args = shlex.split(line)
        assert args[0] == "python"
        return [sys.executable, *args[1:]]

    def _follow(self, name: str, proc: subprocess.Popen) -> None:
        sink = self.logs.setdefault(name, [])
        for line in iter(proc.stdout.readline, ""):
            if name == "validator" and self.first_accepted_weights is None and '"weights"' in line:
                try:
                    if json.loads(line).get("success") is True:
                        self.first_accepted_weights = time.monotonic()
                except ValueError:
                    pass
            sink.append(line)

    def run(self, subnets_now: Callable[[], set]) -> None:
        """Runs every command; ``subnets_now()`` lists the chain's netuids (to find the new one)."""
        for line in readme_commands():
            if "/subnet/" in line:
                name = "miner" if "miner.py" in line else "validator"
                extra = ["--rounds", str(self.rounds)] if name == "validator" else []
                p = subprocess.Popen(
                    self.argv(line) + extra, cwd=REPO, env=self.env, stdout=subprocess.PIPE,
                    stderr=subprocess.STDOUT, text=True,
                )
                self.procs.append(p)
                threading.Thread(target=self._follow, args=(name, p), daemon=True).start()
                if name == "miner":
                    wait_for(lambda: any('"serving"' in x for x in self.logs.get("miner", [])) or p.poll() is not None, 60)
                    assert p.poll() is None, "".join(self.logs["miner"])
                continue
            before = subnets_now()
            r = subprocess.run(self.argv(line), cwd=self.home, env=self.env, capture_output=True, text=True, timeout=180)
            assert r.returncode == 0, r.stdout[-2000:] + r.stderr[-2000:]
            if " subnets create " in line:
                added = sorted(subnets_now() - before)
                assert len(added) == 1, r.stdout[-2000:] + r.stderr[-2000:]
                self.netuid = added[0]
                self.fill["<netuid>"] = str(added[0])

    def hotkey(self, wallet_name: str) -> str:
        import bittensor as bt

        return bt.Wallet(name=wallet_name, path=str(self.home / ".bittensor" / "wallets")).hotkey.ss58_address

    def stop(self) -> None:
        for p in self.procs:
            if p.poll() is None:
                p.terminate()
                try:
                    p.wait(10)
                except subprocess.TimeoutExpired:
                    p.kill()
