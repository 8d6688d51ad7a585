"""The claims of the paper and the Lean statements that formalize each of them.

The claims come from the abstract of arXiv 2604.17935 ("How Much Cache Does Reasoning
Need?"), which is the only part of the paper available to this project. Parameters: `n`
tokens, pointer depth `k`, cache size `s`, `H` heads, head dimension `m`, precision `p`
bits, depth `L`.

Each claim lists the full Lean names of its statements. `tests/test_claims.py` checks that
every listed name is declared in the Lean sources, so renaming a theorem without updating
this file fails the test suite.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Claim:
    """One claim of the paper and the Lean statements that formalize it."""

    id: str
    title: str
    text: str
    target: str
    """The status that the formalization aims for, in words."""
    statements: tuple[str, ...]
    """Full Lean names, main statement first."""


CLAIMS: tuple[Claim, ...] = (
    Claim(
        id="C1",
        title="Max lower bound",
        text="Every Cache-Transformer with a locality-respecting controller that solves k-hop "
             "pointer chasing has depth L ≥ max(⌈k/s⌉, ⌈log₂ n/(H·m·p)⌉).",
        target="proved",
        statements=(
            "CacheDepth.maxBoundHolds_of_reachability",
            "CacheDepth.reachability",
            "CacheDepth.ReachabilityHolds",
            "CacheDepth.CacheTransformer.bandwidthDepth_le_of_solves",
            "CacheDepth.CacheTransformer.le_two_pow_of_solves",
            "CacheDepth.CacheTransformer.maxBound_le_of_locality",
            "CacheDepth.CacheTransformer.reachDepth_le_of_locality",
            "CacheDepth.CacheTransformer.le_mul_of_locality",
            "CacheDepth.CacheTransformer.digit_eq_of_uncached",
            "CacheDepth.exists_forall_eq_false",
            "CacheDepth.CacheTransformer.maxBound_le_of_oblivious",
            "CacheDepth.CacheTransformer.le_mul_of_oblivious",
            "CacheDepth.CacheTransformer.mem_cache_of_oblivious",
            "CacheDepth.CacheTransformer.cached_of_answer_ne",
            "CacheDepth.CacheTransformer.answer_eq_of_uncached",
            "CacheDepth.MaxBoundHolds",
            "CacheDepth.maxBound",
            "CacheDepth.reachDepth",
            "CacheDepth.bandwidthDepth",
        ),
    ),
    Claim(
        id="C2",
        title="Product conjecture",
        text="For n ≥ 4k and s ≤ √n/4, the depth grows with the product of the two terms: "
             "L ≥ c·⌈k/s⌉·⌈log₂ n/(H·m·p)⌉ for some constant c > 0.",
        target="stated and open (closed by sorry), never proved",
        statements=(
            "CacheDepth.product_conjecture",
            "CacheDepth.product_conjecture_false",
            "CacheDepth.QueryLimitedProductBoundHolds",
            "CacheDepth.CacheTransformer.IsQueryLimited",
            "CacheDepth.ProductBoundHolds",
            "CacheDepth.productBound",
            "CacheDepth.maxBound_le_productBound",
        ),
    ),
    Claim(
        id="C3",
        title="Conditional product bound",
        text="The product bound follows from a single probabilistic gap statement about the "
             "joint distribution of the cache trace and the pointer chain.",
        target="the implication proved, the gap statement open",
        statements=(
            "CacheDepth.product_conjecture_of_gap",
            "CacheDepth.WindowGap",
            "CacheDepth.window_gap",
            "CacheDepth.productBound_le_of_wide",
            "CacheDepth.productBound_le_of_le_cache",
        ),
    ),
    Claim(
        id="C4",
        title="Upper bound by windowed pointer doubling",
        text="Windowed pointer doubling solves k-hop pointer chasing with depth "
             "L = O(min(k, ⌈k/s⌉·log s)·⌈log n/(m·p)⌉).",
        target="an explicit construction proved correct, with its exact depth",
        statements=(
            "CacheDepth.windowed_doubling_bound",
            "CacheDepth.windowedMarking_solves",
            "CacheDepth.windowedMarking_depth_le_doublingUpperBound",
            "CacheDepth.windowedMarking_depth_lt_two_mul_maxBound",
            "CacheDepth.windowedMarking",
            "CacheDepth.segmentController_isLocalityRespecting",
            "CacheDepth.doublingUpperBound_met",
            "CacheDepth.pointerRelay_solves",
            "CacheDepth.readout_solves",
            "CacheDepth.readout_optimal",
            "CacheDepth.pointerRelay",
            "CacheDepth.readout",
            "CacheDepth.sequentialFollower_solves",
            "CacheDepth.markerRelay_solves",
            "CacheDepth.sequentialFollower",
            "CacheDepth.markerRelay",
            "CacheDepth.sequentialFollower_isLocalityRespecting",
            "CacheDepth.markerRelay_isLocalityRespecting",
            "CacheDepth.doublingUpperBound",
            "CacheDepth.doublingStages",
            "CacheDepth.maxBound_le_doublingUpperBound",
            "CacheDepth.reachDepth_le_doublingStages",
            "CacheDepth.doublingStages_le",
        ),
    ),
    Claim(
        id="C5",
        title="Bandwidth barrier",
        text="Once H·m·p ≥ log₂ n, no bound proved by counting distinguishable cache "
             "contents per window exceeds ⌈k/s⌉.",
        target="the counting framework defined and the barrier proved",
        statements=(
            "CacheDepth.CountingArgument.bound_le_reachDepth",
            "CacheDepth.CountingArgument.bound_le_maxBound",
            "CacheDepth.CountingArgument.bound_le_maxBound_of_pos",
            "CacheDepth.CountingArgument",
            "CacheDepth.windowCapacity",
            "CacheDepth.CountingArgument.Proves",
            "CacheDepth.reachArgument_proves",
            "CacheDepth.bandwidthArgument_proves",
            "CacheDepth.maxArgument_proves",
            "CacheDepth.productBound_eq_maxBound_of_wide",
            "CacheDepth.productBound_eq_reachDepth_of_wide",
            "CacheDepth.bandwidthDepth_eq_one",
        ),
    ),
    Claim(
        id="C6",
        title="Error of an oblivious random cache",
        text="With an oblivious random cache over T = ⌈log₂ k⌉ doubling stages, the failure "
             "event E has Pr[E] ≤ (s/(n−T))^T + 2T³/n.",
        target="stated exactly, proved if feasible, checked exactly on small cases",
        statements=(
            "CacheDepth.oblivious_error_bound",
            "CacheDepth.ObliviousBoundHolds",
            "CacheDepth.obliviousBound_one_stage",
            "CacheDepth.obliviousBound_two_stages",
            "CacheDepth.obliviousSuccess_two_stages_le",
            "CacheDepth.obliviousSuccess_le_one_stage",
            "CacheDepth.obliviousSuccessCount",
            "CacheDepth.allMaps",
        ),
    ),
    Claim(
        id="C7",
        title="Error of an adaptive locality-respecting cache",
        text="With an adaptive locality-respecting cache, Pr[E] = s/n exactly, whatever the "
             "number of stages T.",
        target="stated exactly, proved by counting, checked exactly on small cases",
        statements=(
            "CacheDepth.greedy_adaptiveSuccess",
            "CacheDepth.adaptiveSuccess_le",
            "CacheDepth.adaptiveSuccessCount",
            "CacheDepth.AdaptiveStrategy",
            "CacheDepth.revealedView",
            "CacheDepth.greedyStrategy",
            "CacheDepth.greedy_success_iff",
        ),
    ),
    Claim(
        id="C8",
        title="Standard KV-compression methods are locality-respecting",
        text="All standard KV-compression methods are locality-respecting: sliding window, "
             "attention sinks with a recent window (StreamingLLM), random eviction, top-s by a "
             "per-token score (SnapKV-like) and heavy-hitter accumulation (H2O).",
        target="each method defined and shown to satisfy the definition, or shown not to by a "
               "small counterexample",
        statements=(
            "CacheDepth.Controller.IsLocalityRespecting",
            "CacheDepth.IsLocalityRespecting",
            "CacheDepth.slidingWindow_isLocalityRespecting",
            "CacheDepth.sinksAndWindow_isLocalityRespecting",
            "CacheDepth.Controller.randomEviction_isLocalityRespecting",
            "CacheDepth.topByScore_isLocalityRespecting",
            "CacheDepth.heavyHitter_not_isLocalityRespecting",
            "CacheDepth.Controller.IsOblivious.isLocalityRespecting",
            "CacheDepth.slidingWindow",
            "CacheDepth.sinksAndWindow",
            "CacheDepth.topByScore",
            "CacheDepth.heavyHitter",
        ),
    ),
)


def claim_names() -> list[str]:
    """Return every Lean name that some claim lists, in claim order, without repeats."""
    names: list[str] = []
    for claim in CLAIMS:
        names.extend(name for name in claim.statements if name not in names)
    return names
