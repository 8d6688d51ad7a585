"""Explicit Cache-Transformers that solve k-hop pointer chasing, checked on every small instance.

`pointer_relay`, `marker_relay`, `doubling` and `readout` build the models in the mirror of
`pybridge/model/`, each with its exact depth, and `constructions` lists them.
`verification` runs one model on every instance, and `report` writes the upper-bound report.
"""

from pybridge.upper.constructions import (
    CONSTRUCTIONS,
    Construction,
    applicable_constructions,
    best_construction,
)
from pybridge.upper.report import (
    UpperBoundLimits,
    UpperBoundReport,
    check_limits,
    write_upper_bound_report,
)
from pybridge.upper.verification import Verification, verify_construction

__all__ = [
    "CONSTRUCTIONS",
    "Construction",
    "UpperBoundLimits",
    "UpperBoundReport",
    "Verification",
    "applicable_constructions",
    "best_construction",
    "check_limits",
    "verify_construction",
    "write_upper_bound_report",
]
