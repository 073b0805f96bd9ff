"""A Python subnet on Taonet: README.md's "Your Python subnet on Taonet" commands, run as printed
(the node's URL, the new netuid and a free axon port filled in) with the classic line's btcli and
the example neurons in ``compat/python/subnet``. The miner serves, the validator queries it
through the dendrite and sets weights; after an epoch the miner has incentive and the validator
dividends, as Taonet's CLI reports them."""

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

import bittensor as bt
import pytest

from taonet_harness import REPO

README = REPO / "README.md"
README_URL = "ws://127.0.0.1:9944"


def readme_commands() -> list[str]:
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


def test_the_readme_section_is_what_this_test_runs():
    cmds = readme_commands()
    assert any(c.startswith("python compat/python/subnet/miner.py") for c in cmds)
    assert any(c.startswith("python compat/python/subnet/validator.py") for c in cmds)
    assert all(c.startswith("python ") for c in cmds)


def test_python_miner_and_validator_earn_on_their_subnet(taonet_chain, tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    env = {**os.environ, "HOME": str(home), "COLUMNS": "1000", "PYTHONWARNINGS": "ignore", "NO_CACHE": "1"}
    st = bt.Subtensor(network=taonet_chain.ws)
    port = str(free_port())
    fill = {README_URL: taonet_chain.ws, "8091": port}
    procs: list[subprocess.Popen] = []
    logs: dict[str, list[str]] = {}

    def argv(line: str) -> list[str]:
        for k, v in fill.items():
            line = line.replace(k, v)
        assert "<" not in line, f"unfilled placeholder in {line}"
        args = shlex.split(line)
        assert args[0] == "python"
        return [sys.executable, *args[1:]]

    def follow(name: str, proc: subprocess.Popen) -> None:
        sink = logs.setdefault(name, [])
        for line in iter(proc.stdout.readline, ""):
            sink.append(line)

    try:
        for line in readme_commands():
            if "/subnet/" in line:
                name = "miner" if "miner.py" in line else "validator"
                extra = ["--rounds", "30"] if name == "validator" else []
                p = subprocess.Popen(
                    argv(line) + extra, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
                )
                procs.append(p)
                threading.Thread(target=follow, args=(name, p), daemon=True).start()
                if name == "miner":
                    _wait_for(lambda: any('"serving"' in l for l in logs.get("miner", [])) or p.poll() is not None, 60)
                    assert p.poll() is None, "".join(logs["miner"])
                continue
            before = set(st.get_all_subnets_netuid())
            r = subprocess.run(argv(line), cwd=home, env=env, capture_output=True, text=True, timeout=180)
            assert r.returncode == 0, r.stdout[-2000:] + r.stderr[-2000:]
            if " subnets create " in line:
                added = sorted(set(st.get_all_subnets_netuid()) - before)
                assert len(added) == 1, r.stdout[-2000:] + r.stderr[-2000:]
                fill["<netuid>"] = str(added[0])
        netuid = int(fill["<netuid>"])
        miner_hk = bt.Wallet(name="miner", path=str(home / ".bittensor" / "wallets")).hotkey.ss58_address
        owner_hk = bt.Wallet(name="owner", path=str(home / ".bittensor" / "wallets")).hotkey.ss58_address

        def standing():
            mg = taonet_chain.cli("subnets", "metagraph", "--netuid", str(netuid))
            by = {n["hotkey"]: n for n in mg["neurons"]}
            return by.get(miner_hk, {}).get("incentive", 0), by.get(owner_hk, {}).get("dividends", 0)

        inc, div = _wait_for(lambda: (lambda s: s if s[0] > 0 and s[1] > 0 else None)(standing()), 120) or standing()
        weights = [json.loads(l) for l in logs.get("validator", []) if l.startswith("{") and '"weights"' in l]
        assert any(w["success"] for w in weights), "".join(logs.get("validator", []))[-3000:]
        assert inc > 0 and div > 0, (inc, div, "".join(logs.get("validator", []))[-2000:])
    finally:
        for p in procs:
            if p.poll() is None:
                p.terminate()
                try:
                    p.wait(10)
                except subprocess.TimeoutExpired:
                    p.kill()
        st.close()


def _wait_for(check, timeout: float):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        v = check()
        if v:
            return v
        time.sleep(0.5)
    return None
