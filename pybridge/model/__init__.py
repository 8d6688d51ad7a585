"""An executable mirror of the Cache-Transformer model and the cache controllers.

`transformer` mirrors `CacheDepth/Model/CacheTransformer.lean`, `controllers` the
controllers of `CacheDepth/Controller/`, and `locality` searches for violations of
`IsLocalityRespecting` on a finite alphabet. `examples` builds a complete model.
"""

from pybridge.model.controllers import (
    accumulated_attention,
    beats,
    first_positions,
    heavy_hitter,
    match_attention,
    rank_of,
    recent_positions,
    schedule_controller,
    sinks_and_window,
    sliding_window,
    top_by_score,
    top_positions,
)
from pybridge.model.examples import chain_follower
from pybridge.model.locality import (
    LocalityPair,
    find_controller_violation,
    find_locality_violation,
    is_oblivious,
    locality_violations,
    pairs_outside_caches,
)
from pybridge.model.transformer import CacheTransformer, all_instances, hop

__all__ = [
    "CacheTransformer",
    "LocalityPair",
    "accumulated_attention",
    "all_instances",
    "beats",
    "chain_follower",
    "find_controller_violation",
    "find_locality_violation",
    "first_positions",
    "heavy_hitter",
    "hop",
    "is_oblivious",
    "locality_violations",
    "match_attention",
    "pairs_outside_caches",
    "rank_of",
    "recent_positions",
    "schedule_controller",
    "sinks_and_window",
    "sliding_window",
    "top_by_score",
    "top_positions",
]
