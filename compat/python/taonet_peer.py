"""Drives ``peer/taonet-peer.ts`` (Taonet's Axon and Dendrite from ``@taonet/sdk``) from pytest."""

from __future__ import annotations

import itertools
import json
import queue
import subprocess
import threading
from typing import Any

from taonet_harness import NODE, REPO, TaonetError

PEER = REPO / "compat" / "python" / "peer" / "taonet-peer.ts"


class TaonetPeer:
    """One ``taonet-peer.ts`` process; :meth:`request` sends a command and waits for its answer."""

    def __init__(self, timeout: float = 60) -> None:
        self.proc = subprocess.Popen(
            [NODE, "--import", "tsx", str(PEER)],
            cwd=REPO,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            bufsize=1,
        )
        self._ids = itertools.count(1)
        self._answers: dict = {}
        self._cv = threading.Condition()
        self._stderr: list = []
        self._ready: queue.Queue = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()
        threading.Thread(target=self._drain_err, daemon=True).start()
        try:
            event = self._ready.get(timeout=timeout)
        except queue.Empty:
            self.close()
            raise TaonetError(f"taonet-peer did not start: {''.join(self._stderr)}") from None
        if event.get("event") != "ready":
            raise TaonetError(f"taonet-peer: unexpected first line {event}")

    def _read(self) -> None:
        for line in iter(self.proc.stdout.readline, ""):
            try:
                msg = json.loads(line)
            except ValueError:
                continue
            if msg.get("event") == "ready":
                self._ready.put(msg)
                continue
            with self._cv:
                self._answers[msg.get("id")] = msg
                self._cv.notify_all()

    def _drain_err(self) -> None:
        for line in iter(self.proc.stderr.readline, ""):
            self._stderr.append(line)

    def request(self, op: str, wait: float = 60, **args: Any) -> Any:
        cid = next(self._ids)
        self.proc.stdin.write(json.dumps({"id": cid, "op": op, **args}) + "\n")
        self.proc.stdin.flush()
        with self._cv:
            if not self._cv.wait_for(lambda: cid in self._answers, wait):
                raise TaonetError(f"taonet-peer: no answer to {op} in {wait} s; stderr: {''.join(self._stderr)}")
            msg = self._answers.pop(cid)
        if not msg.get("ok"):
            raise TaonetError(f"taonet-peer {op}: {msg.get('error')}")
        return msg["result"]

    def close(self) -> None:
        if self.proc.poll() is None:
            try:
                self.proc.stdin.close()
                self.proc.wait(10)
            except (subprocess.TimeoutExpired, OSError):
                self.proc.kill()
                self.proc.wait()
