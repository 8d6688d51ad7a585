"""Exact success counts of oblivious schedules and their maximum over all schedules.

A schedule (C_1, ..., C_T) is fixed before the map is drawn, and its success count is the
number of maps f with f^i(0) ∈ C_i for every stage i. A random oblivious cache is a
distribution over schedules, so its success probability is an average of schedule
probabilities and the maximum over schedules bounds it.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from fractions import Fraction

from pybridge.errorscaling.chains import START, Cache, caches_of_size, validate_parameters
from pybridge.errorscaling.limits import (
    check_plain_schedule_count,
    check_schedule_count,
    check_stage_count,
)

Schedule = tuple[Cache, ...]
"""The caches (C_1, ..., C_T) of an oblivious cache, one per stage."""


@dataclass(frozen=True)
class ObliviousOptimum:
    """The best oblivious schedule for (n, s, T) and its success count."""

    n: int
    s: int
    stages: int
    count: int
    """Number of maps, out of n^n, on which the best schedule succeeds."""
    schedule: Schedule
    """The first schedule, in search order, that reaches `count`."""
    schedules_searched: int

    @property
    def probability(self) -> Fraction:
        return Fraction(self.count, self.n**self.n)


def schedule_success_count(n: int, schedule: Sequence[Sequence[int]]) -> int:
    """Count the maps f on 0..n-1 with f^i(0) ∈ C_i for every stage i of `schedule`.

    Walks the tree of chain prefixes instead of the n^n maps. A step from a token whose
    image the prefix has not fixed may go to any token, and the walk only follows steps
    into the stage's cache. A step from a token whose image the prefix fixed repeats that
    image. A prefix that fixes the images of a tokens stands for n^(n - a) maps.
    """
    validate_parameters(n, 0, len(schedule))
    caches = [frozenset(cache) for cache in schedule]
    for cache in caches:
        invalid = [token for token in cache if not 0 <= token < n]
        if invalid:
            raise ValueError(f"the schedule contains the token {invalid[0]}, which is not in 0..{n - 1}")

    def count_from(stage: int, token: int, images: dict[int, int]) -> int:
        if stage == len(caches):
            return n ** (n - len(images))
        cache = caches[stage]
        if token in images:
            following = images[token]
            return count_from(stage + 1, following, images) if following in cache else 0
        total = 0
        for following in cache:
            images[token] = following
            total += count_from(stage + 1, following, images)
            del images[token]
        return total

    return count_from(0, START, {})


def all_schedules(n: int, s: int, stages: int) -> Iterator[Schedule]:
    """Yield every schedule of `stages` caches of min(s, n) tokens, in lexicographic order."""
    return itertools.product(caches_of_size(n, s), repeat=stages)


def schedule_representatives(n: int, s: int, stages: int) -> Iterator[Schedule]:
    """Yield one schedule of caches of min(s, n) tokens from every symmetry class.

    Why one per class suffices: take a permutation σ of the tokens that fixes 0. The map
    f ↦ σ∘f∘σ⁻¹ permutes the n^n maps and sends the chain y_i to σ(y_i), so the schedules
    (C_i) and (σ(C_i)) have the same success count. Give each token its pattern, the set of
    stages whose cache contains it. Sorting the tokens 1..n-1 by pattern is such a σ, and
    it turns any schedule into the one built here from the pattern of token 0 and the
    sorted patterns of the others. So the maximum over these schedules is the maximum over
    all schedules.
    """
    size = min(s, n)
    patterns = range(2**stages)

    def in_stage(pattern: int, stage: int) -> int:
        return (pattern >> stage) & 1

    def sorted_patterns(first: int, tokens: int, remaining: list[int]) -> Iterator[list[int]]:
        # Nondecreasing pattern lists whose stage columns sum to `remaining`.
        if tokens == 0:
            if not any(remaining):
                yield []
            return
        if any(count > tokens for count in remaining):
            return
        for pattern in range(first, 2**stages):
            rest = [count - in_stage(pattern, stage) for stage, count in enumerate(remaining)]
            if min(rest, default=0) < 0:
                continue
            for tail in sorted_patterns(pattern, tokens - 1, rest):
                yield [pattern, *tail]

    for start_pattern in patterns:
        remaining = [size - in_stage(start_pattern, stage) for stage in range(stages)]
        if min(remaining, default=0) < 0:
            continue
        for others in sorted_patterns(0, n - 1, remaining):
            token_patterns = [start_pattern, *others]
            yield tuple(
                tuple(token for token, pattern in enumerate(token_patterns) if in_stage(pattern, stage))
                for stage in range(stages)
            )


def max_oblivious_success(
    n: int, s: int, stages: int, reduce_symmetry: bool = True
) -> ObliviousOptimum:
    """Find the maximum success count over all oblivious schedules for (n, s, T).

    With `reduce_symmetry`, searches one schedule per symmetry class (see
    `schedule_representatives`); without it, every schedule. Raises `EnumerationTooLarge`
    when the search exceeds the limits of `limits.py`: before it starts for T or for the
    number of plain schedules, and during it for the number of reduced schedules.
    """
    validate_parameters(n, s, stages)
    check_stage_count(stages)
    if reduce_symmetry:
        schedules = schedule_representatives(n, s, stages)
    else:
        check_plain_schedule_count(n, s, stages)
        schedules = all_schedules(n, s, stages)

    best_count, best_schedule, searched = -1, (), 0
    for schedule in schedules:
        searched += 1
        check_schedule_count(searched, n, s, stages)
        count = schedule_success_count(n, schedule)
        if count > best_count:
            best_count, best_schedule = count, schedule
    return ObliviousOptimum(n, s, stages, best_count, best_schedule, searched)

