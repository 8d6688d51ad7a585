"""Numerical checkers that evaluate the Lean statements of CacheDepth on all small instances.

Importing this package registers, in the default registry, a checker for every proved
theorem of the library. Open statements (docstring line `Status: open`) have none.
"""

# Importing the checker modules registers their checkers in DEFAULT_REGISTRY.
from pybridge.checks import arithmetic, chains, depth_bounds, pointer_chasing
from pybridge.checks import conjecture, controllers, model_checks, ranking
from pybridge.checks import bandwidth, barrier, counting_lists, indistinguishable, reachability
from pybridge.checks import error_scaling, marker_relay, sequential_follower, two_stages
from pybridge.checks import pointer_relay, readout, windowed_marking
from pybridge.checks import adaptive_reachability, tree_family, union_bound
from pybridge.checks.enumeration import all_pointer_maps, hop_naive, hop_table
from pybridge.checks.registry import (
    DEFAULT_REGISTRY,
    CheckerRegistry,
    UnknownStatementError,
    checker,
    registered_statements,
    run_checks,
)
from pybridge.checks.result import CheckLimits, CheckResult, EnumerationTooLarge

__all__ = [
    "DEFAULT_REGISTRY",
    "CheckLimits",
    "CheckResult",
    "CheckerRegistry",
    "EnumerationTooLarge",
    "UnknownStatementError",
    "all_pointer_maps",
    "arithmetic",
    "bandwidth",
    "barrier",
    "checker",
    "chains",
    "conjecture",
    "controllers",
    "counting_lists",
    "depth_bounds",
    "hop_naive",
    "hop_table",
    "indistinguishable",
    "model_checks",
    "pointer_chasing",
    "ranking",
    "reachability",
    "registered_statements",
    "run_checks",
]
