"""The subnet's one synapse: the validator sends numbers, a miner answers their sum."""

from typing import List, Optional

import bittensor as bt


class SumTask(bt.Synapse):
    numbers: List[int] = []
    total: Optional[int] = None

    def deserialize(self) -> Optional[int]:
        return self.total
