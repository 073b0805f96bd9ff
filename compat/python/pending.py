"""Expected failures the suite records, each with its reason (listed in README.md, Faithfulness).

``cannot_pass``: a path that a local Taonet chain cannot serve at all (strict: it must keep
failing, or the note is stale).
"""

import pytest


def cannot_pass(reason: str):
    return pytest.mark.xfail(reason=reason, strict=True)
