"""Tests of the checkers of the union bound, the tree family and adaptive reachability."""

from __future__ import annotations

from typing import NamedTuple

import pytest

from pybridge.checks import adaptive_reachability as reach_checks
from pybridge.checks import tree_family as tree_checks
from pybridge.checks import union_bound as union_checks
from pybridge.checks.result import CheckLimits
from pybridge.model.transformer import CacheTransformer
from pybridge.model.tree_family import TreeFamily, set_at

SMALL = CheckLimits(max_n=3, max_hops=4, max_value=6, max_width=2)

TREE_CHECKS = tuple(
    getattr(tree_checks, name) for name in dir(tree_checks)
    if name.startswith("check_") and name not in ("check_numbers", "check_parameters")
)
UNION_CHECKS = tuple(
    getattr(union_checks, name) for name in dir(union_checks) if name.startswith("check_")
)
REACH_CHECKS = (
    reach_checks.check_digit_eq_of_uncached,
    reach_checks.check_le_mul_of_locality,
    reach_checks.check_reach_depth_le_of_locality,
    reach_checks.check_max_bound_le_of_locality,
)


@pytest.mark.parametrize("check", TREE_CHECKS + UNION_CHECKS + REACH_CHECKS,
                         ids=lambda check: check.__name__)
def test_checker_passes(check) -> None:
    result = check(SMALL)
    assert result.passed, result.to_json()
    assert result.instances > 0


def test_tree_checkers_cover_module() -> None:
    assert len(TREE_CHECKS) == 25


class ChildWithoutOffset(TreeFamily):
    """A broken mirror: child e of node c is (k + 1)·c + e, so child 0 of the root is the root."""

    def child(self, c: int, e: int) -> int:
        return (self.k + 1) * c + e


class PositionOnOutput(TreeFamily):
    """A broken mirror: node c sits on position c, which may be the output position."""

    def position_number(self, c: int) -> int:
        return c


@pytest.mark.parametrize("check", [
    tree_checks.check_lt_child,
    tree_checks.check_node_lt_node,
    tree_checks.check_node_setAt_index,
], ids=lambda check: check.__name__)
def test_tree_checker_rejects_child_offset(check) -> None:
    assert not check(SMALL, family=ChildWithoutOffset).passed


class DigitIgnored(TreeFamily):
    """A broken mirror: every node has digit 0 whatever the parameter contains."""

    def digit(self, g, c: int) -> int:
        return 0


@pytest.mark.parametrize("check", [
    tree_checks.check_digit_setAt,
    tree_checks.check_node_setAt_index_ne,
], ids=lambda check: check.__name__)
def test_tree_checker_rejects_ignored_digit(check) -> None:
    assert not check(SMALL, family=DigitIgnored).passed


@pytest.mark.parametrize("check", [
    tree_checks.check_posN_ne_out,
    tree_checks.check_pos_ne_out,
    tree_checks.check_posN_code,
], ids=lambda check: check.__name__)
def test_tree_checker_rejects_output_position(check) -> None:
    assert not check(SMALL, family=PositionOnOutput).passed


def test_tree_family_rejects_bad_output() -> None:
    with pytest.raises(ValueError, match="out=4 is invalid"):
        TreeFamily(4, 1, 4)


def test_tree_family_answers_differ() -> None:
    tree = TreeFamily(4, 1, 0)
    g = (0, 0, 0, 0)
    answers = {tree.path_node(set_at(g, tree.index(g, 0), d), 1) for d in (0, 1)}
    assert answers == {1, 2}


def test_union_bound_rejects_larger_factor() -> None:
    assert not union_checks.check_mul_length_filter_le(SMALL, factor_bonus=1).passed


def test_union_bound_rejects_k_equal_d() -> None:
    assert not union_checks.check_exists_forall_eq_false(SMALL, extra_predicates=1).passed


def test_nodup_flat_map_needs_injectivity() -> None:
    assert not union_checks.check_nodup_flat_map_map(SMALL, check_injective=False).passed


def test_line_structures_counted() -> None:
    # Pairings of four points: 3 partitions into two lines, each line ordered 2 ways.
    assert len(union_checks.line_structures(4, 2)) == 12
    # One line through three points: its 3! orderings.
    assert len(union_checks.line_structures(3, 3)) == 6


@pytest.mark.parametrize("check", REACH_CHECKS[1:], ids=lambda check: check.__name__)
def test_reach_checker_rejects_margin(check) -> None:
    assert not check(SMALL, margin=1).passed


class PointerState(NamedTuple):
    index: int
    pointer: int
    is_start: bool
    answer: int


def pointer_indexed_cache(n: int) -> CacheTransformer:
    """Return a model that solves 1-hop by caching the position the start points to.

    Its controller reads the start token's pointer without caching the start, so it is not
    locality-respecting, and it never caches the chain token x.
    """
    def controller(layer: int, states) -> list[int]:
        start = next(state for state in states if state.is_start)
        return [start.pointer]

    return CacheTransformer(
        n=n, s=1, H=1, m=2, p=1,
        init=lambda index, pointer, is_start: PointerState(index, pointer, is_start, 0),
        controller=controller,
        message=lambda layer, head, state, view: view[0][0] if view else 0,
        update=lambda layer, state, messages: state._replace(answer=messages[0]),
        output=0,
        decode=lambda state: state.answer,
    )


def non_local_models():
    model = pointer_indexed_cache(4)
    yield reach_checks.SolvingModel({"model": "pointer-indexed cache", "n": 4}, model, 1)


def test_pointer_indexed_cache_solves() -> None:
    entry = next(non_local_models())
    assert reach_checks.solves(entry)


def test_digit_checker_needs_locality() -> None:
    result = reach_checks.check_digit_eq_of_uncached(SMALL, models=non_local_models)
    assert not result.passed
    assert result.counterexample["model"] == "pointer-indexed cache"


def test_witness_needs_locality() -> None:
    assert not reach_checks.check_le_mul_of_locality(SMALL, models=non_local_models).passed
