"""The synapses both sides of the wire tests serve: the same classes, field for field, as
``peer/taonet-peer.ts`` declares with ``defineSynapse``."""

from typing import ClassVar, List, Optional, Tuple

import bittensor as bt


class Echo(bt.Synapse):
    """Hashes its inputs: the body hash covers ``str(text)`` and ``str(tags)`` (a Python list repr)."""

    text: str
    tags: List[str]
    echoed: Optional[str] = None
    required_hash_fields: ClassVar[Tuple[str, ...]] = ("text", "tags")

    def deserialize(self) -> Optional[str]:
        return self.echoed


class Dummy(bt.Synapse):
    """No hash fields: the body hash is SHA3-256 of the empty string."""

    dummy_input: int
    dummy_output: Optional[int] = None

    def deserialize(self) -> Optional[int]:
        return self.dummy_output


class Slow(bt.Synapse):
    """The server sleeps ``delay`` seconds before answering."""

    delay: float
    done: Optional[bool] = None
