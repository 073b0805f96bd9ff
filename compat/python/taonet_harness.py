"""Starts and stops a real Taonet dev node for the Python suites, and runs Taonet's own CLI.

The node is the same one the TypeScript e2e tests start (packages/node/test/e2e/harness.ts):
``taonet node --dev --json --rpc-port 0``, whose first stdout line is a JSON ``started`` event
carrying the RPC URLs. Results of Python clients are compared with what ``taonet ... --json``
reports for the same state.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import tempfile
import threading
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional, Sequence

REPO = Path(os.environ.get("TAONET_REPO") or Path(__file__).resolve().parents[2])
CLI = REPO / "packages" / "cli" / "bin" / "taonet.js"
NODE = os.environ.get("TAONET_NODE_BIN", "node")


class TaonetError(RuntimeError):
    """The node or the CLI did not do what was asked; the message carries its output."""


@dataclass
class TaonetNode:
    """A running ``taonet node --dev``; use :func:`start_node`, stop with :meth:`stop`."""

    proc: subprocess.Popen
    started: dict
    base_path: Optional[str]
    stdout: list = field(default_factory=list)
    stderr: list = field(default_factory=list)

    @property
    def ws(self) -> str:
        return self.started["ws"]

    @property
    def http(self) -> str:
        return self.started["rpc"]

    @property
    def genesis_hash(self) -> str:
        return self.started["genesisHash"]

    def rpc(self, method: str, params: Sequence[Any] = ()) -> Any:
        """One JSON-RPC call over HTTP; raises TaonetError on an error reply."""
        body = json.dumps({"jsonrpc": "2.0", "id": 1, "method": method, "params": list(params)}).encode()
        req = urllib.request.Request(self.http, data=body, headers={"content-type": "application/json"})
        with urllib.request.urlopen(req, timeout=30) as r:
            reply = json.loads(r.read())
        if "error" in reply:
            raise TaonetError(f"{method}: {reply['error']}")
        return reply["result"]

    def advance(self, blocks: int = 1) -> Any:
        """Seals blocks now (the harness starts the node with --manual-seal unless told otherwise)."""
        return self.rpc("dev_advanceBlocks", [blocks])

    def cli(self, *args: str, timeout: float = 120) -> Any:
        """``taonet <args> --json --network <this node>``, parsed."""
        return taonet_cli(*args, "--network", self.ws, timeout=timeout)

    def stop(self, timeout: float = 30) -> int:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        return self.proc.returncode


def _drain(stream, sink: list) -> None:
    for line in iter(stream.readline, ""):
        sink.append(line)
    stream.close()


def start_node(
    manual_seal: bool = True,
    args: Sequence[str] = (),
    base_path: Optional[str] = None,
    timeout: float = 60,
) -> TaonetNode:
    """Starts a dev node on a free port (bound to 127.0.0.1) and waits for its ``started`` event."""
    cmd = [NODE, str(CLI), "node", "--dev", "--json", "--rpc-port", "0"]
    if manual_seal:
        cmd.append("--manual-seal")
    if base_path is not None:
        cmd += ["--base-path", base_path]
    cmd += list(args)
    proc = subprocess.Popen(
        cmd, cwd=REPO, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    err: list = []
    threading.Thread(target=_drain, args=(proc.stderr, err), daemon=True).start()
    deadline = time.monotonic() + timeout
    seen: list = []
    result: dict = {}

    def read_start() -> None:
        for line in iter(proc.stdout.readline, ""):
            seen.append(line)
            text = line.strip()
            if not text.startswith("{"):
                continue
            try:
                event = json.loads(text)
            except ValueError:
                continue
            if event.get("event") == "started" or event.get("ok") is False:
                result["event"] = event
                return

    reader = threading.Thread(target=read_start, daemon=True)
    reader.start()
    reader.join(max(0.0, deadline - time.monotonic()))
    event = result.get("event")
    if event is None or event.get("event") != "started":
        proc.kill()
        proc.wait()
        raise TaonetError(
            f"taonet node did not start within {timeout} s: {event}\nstdout: {''.join(seen)}\nstderr: {''.join(err)}"
        )
    node = TaonetNode(proc=proc, started=event, base_path=base_path, stdout=seen, stderr=err)
    threading.Thread(target=_drain, args=(proc.stdout, seen), daemon=True).start()
    return node


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_localnet(directory: str, timeout: float = 240) -> TaonetNode:
    """``npm start``'s network (``taonet localnet up``: a node, demo subnets, their miners and
    validators) with its RPC, explorer and axons on free ports, once its first epoch has paid
    (the ``ready`` event). Stop it with :meth:`TaonetNode.stop`, which stops the whole network."""
    base_port = 20_000 + (os.getpid() % 20_000)
    cmd = [
        NODE, str(CLI), "localnet", "up", "--json", "--dir", directory, "--rpc-port", str(_free_port()),
        "--explorer-port", str(_free_port()), "--base-port", str(base_port),
    ]
    t0 = time.monotonic()
    proc = subprocess.Popen(
        cmd, cwd=REPO, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    err: list = []
    seen: list = []
    result: dict = {}
    threading.Thread(target=_drain, args=(proc.stderr, err), daemon=True).start()

    def read_ready() -> None:
        for line in iter(proc.stdout.readline, ""):
            seen.append(line)
            if '"ready"' in line:
                try:
                    result["event"] = json.loads(line)
                except ValueError:
                    continue
                return

    reader = threading.Thread(target=read_ready, daemon=True)
    reader.start()
    reader.join(timeout)
    event = result.get("event")
    if event is None:
        proc.terminate()
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        raise TaonetError(
            f"taonet localnet up was not ready within {timeout} s\nstdout: {''.join(seen)[-4000:]}\nstderr: {''.join(err)[-4000:]}"
        )
    ws = event["rpc"]
    started = {**event, "ws": ws, "rpc": "http://" + ws.split("://", 1)[1], "readySeconds": time.monotonic() - t0}
    node = TaonetNode(proc=proc, started=started, base_path=directory, stdout=seen, stderr=err)
    threading.Thread(target=_drain, args=(proc.stdout, seen), daemon=True).start()
    return node


def taonet_cli(*args: str, timeout: float = 120, check: bool = True, env: Optional[dict] = None) -> Any:
    """Runs Taonet's CLI with ``--json --no-prompt`` and returns the parsed JSON it prints.

    With ``check`` (default), a non-zero exit raises TaonetError with the CLI's output. ``env`` adds
    variables (e.g. ``TAONET_PASSWORD``).
    """
    cmd = [NODE, str(CLI), *args, "--json", "--no-prompt"]
    with tempfile.TemporaryDirectory(prefix="taonet-cli-") as home:
        # A private wallet root unless the caller passes --wallet-path: tests never touch ~/.bittensor.
        full_env = {**os.environ, "BT_WALLET_PATH": os.path.join(home, "wallets"), **(env or {})}
        r = subprocess.run(cmd, cwd=REPO, env=full_env, capture_output=True, text=True, timeout=timeout)
    if check and r.returncode != 0:
        raise TaonetError(f"taonet {' '.join(args)} exited {r.returncode}\nstdout: {r.stdout}\nstderr: {r.stderr}")
    text = r.stdout.strip()
    try:
        return json.loads(text)
    except ValueError:
        # Some commands print progress lines before the result: the last JSON line is the answer.
        for line in reversed(text.splitlines()):
            try:
                return json.loads(line)
            except ValueError:
                continue
    raise TaonetError(f"taonet {' '.join(args)} printed no JSON\nstdout: {r.stdout}\nstderr: {r.stderr}")


@dataclass
class CliRun:
    """What a Python CLI did: exit code, output, and the JSON document it printed (if any)."""

    returncode: int
    stdout: str
    stderr: str
    json: Any


def python_cli(module: str, *args: str, home: Path, timeout: float = 180, env: Optional[dict] = None) -> CliRun:
    """Runs a Python client's CLI as a module of this venv (``bittensor_cli.cli`` for btcli,
    ``bittensor.cli.main`` for 11.x's own) with ``home`` as HOME (its config and default wallets stay
    there), no terminal and no prompt input. The JSON it prints after any progress text is parsed.
    """
    import sys

    full_env = {**os.environ, "HOME": str(home), "COLUMNS": "1000", "PYTHONWARNINGS": "ignore", **(env or {})}
    r = subprocess.run(
        [sys.executable, "-m", module, *args],
        cwd=home,
        env=full_env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    return CliRun(r.returncode, r.stdout, r.stderr, _last_json(r.stdout))


def _last_json(text: str) -> Any:
    """The JSON document that starts on the last line beginning with ``{`` or ``[`` and runs to the end."""
    lines = text.splitlines()
    for i in range(len(lines) - 1, -1, -1):
        if lines[i].lstrip().startswith(("{", "[")):
            try:
                return json.loads("\n".join(lines[i:]))
            except ValueError:
                continue
    return None
