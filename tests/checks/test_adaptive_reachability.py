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


# Broken mirrors of the tree family, one per kind of drift from the Lean definitions.

class ChildWithoutOffset(TreeFamily):
    """Child e of node c is (k + 1)·c + e, so child 0 of the root is the root."""

    def child(self, c, e):
        return (self.k + 1) * c + e


class PositionOnOutput(TreeFamily):
    """Node c sits on position c, which may be the output position."""

    def position_number(self, c):
        return c


class DigitIgnored(TreeFamily):
    """Every node has digit 0 whatever the parameter contains."""

    def digit(self, g, c):
        return 0


class ChildForgetsParent(TreeFamily):
    """Child e of every node is node 1 + e, so paths that part can meet again."""

    def child(self, c, e):
        return 1 + e


class DigitPlusOne(TreeFamily):
    """Digits are one too large, so digit k + 1 appears."""

    def digit(self, g, c):
        return (g[c] if c < self.n else 0) + 1


class NodeAtIdentity(TreeFamily):
    """The node at position i is i, ignoring the skipped output position."""

    def node_at(self, i):
        return i


class PathStaysAtRoot(TreeFamily):
    """The path never leaves the root."""

    def path_node(self, g, j):
        return 0


class IndexShifted(TreeFamily):
    """The entry of a path node is the next node."""

    def index(self, g, j):
        c = self.path_node(g, j) + 1
        return c if c < self.n else self.out


class BuildSelfLoops(TreeFamily):
    """Every token points to itself."""

    def build(self, g):
        return tuple(range(self.n))


class ChildIgnoresDigit(TreeFamily):
    """Every digit leads to the same child."""

    def child(self, c, e):
        return (self.k + 1) * c + 1


class PositionNumberHalved(TreeFamily):
    """Two nodes share each position number."""

    def position_number(self, c):
        return c // 2


class PositionNumberJumps(TreeFamily):
    """Nodes after the output position skip two positions."""

    def position_number(self, c):
        return c if c < self.out else c + 2


class PositionAlwaysOut(TreeFamily):
    """Every node sits on the output position."""

    def position(self, c):
        return self.out


BREAKING_MIRROR = {
    tree_checks.check_pos_n_ne_out: PositionOnOutput,
    tree_checks.check_pos_n_le: PositionNumberJumps,
    tree_checks.check_pos_n_inj: PositionNumberHalved,
    tree_checks.check_val_pos: PositionAlwaysOut,
    tree_checks.check_pos_ne_out: PositionOnOutput,
    tree_checks.check_pos_inj: PositionNumberHalved,
    tree_checks.check_code_pos: NodeAtIdentity,
    tree_checks.check_pos_n_code: NodeAtIdentity,
    tree_checks.check_pos_code: PositionOnOutput,
    tree_checks.check_lt_child: ChildWithoutOffset,
    tree_checks.check_child_inj: ChildIgnoresDigit,
    tree_checks.check_digit_le: DigitPlusOne,
    tree_checks.check_digit_set_at: DigitIgnored,
    tree_checks.check_node_succ: PathStaysAtRoot,
    tree_checks.check_node_lt_node: PathStaysAtRoot,
    tree_checks.check_node_add_two_le: DigitPlusOne,
    tree_checks.check_pos_n_node_lt: DigitPlusOne,
    tree_checks.check_build_pos: BuildSelfLoops,
    tree_checks.check_hop_build: NodeAtIdentity,
    tree_checks.check_build_set_at_of_ne: NodeAtIdentity,
    tree_checks.check_val_index: IndexShifted,
    tree_checks.check_node_set_at_index: ChildWithoutOffset,
    tree_checks.check_index_set_at_index: ChildWithoutOffset,
    tree_checks.check_node_ne_of_ne: ChildForgetsParent,
    tree_checks.check_node_set_at_index_ne: IndexShifted,
}


def test_every_tree_checker_has_breaking_mirror() -> None:
    assert set(BREAKING_MIRROR) == set(TREE_CHECKS)


@pytest.mark.parametrize("check, mirror", list(BREAKING_MIRROR.items()),
                         ids=lambda value: value.__name__)
def test_tree_checker_rejects_broken_mirror(check, mirror) -> None:
    result = check(SMALL, family=mirror)
    assert not result.passed
    assert result.counterexample is not None


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


def keep_first(g, u, value):
    """A broken `setAt` that ignores the new value."""
    return tuple(g)


@pytest.mark.parametrize("check", [
    union_checks.check_set_at_same,
    union_checks.check_set_at_set_at,
    union_checks.check_eq_of_set_at_eq,
], ids=lambda check: check.__name__)
def test_set_at_checker_rejects_no_op(check) -> None:
    assert not check(SMALL, set_value=keep_first).passed


def test_set_at_self_rejects_zeroing() -> None:
    def set_zero(g, u, value):
        return tuple(0 for _ in g)

    assert not union_checks.check_set_at_self(SMALL, set_value=set_zero).passed


def test_nodup_functions_rejects_duplicates() -> None:
    def doubled(b, a):
        return union_checks.all_functions(b, a) * 2

    assert not union_checks.check_nodup_all_functions(SMALL, functions=doubled).passed


def test_filter_false_rejects_true() -> None:
    assert not union_checks.check_length_filter_false(SMALL, predicate=lambda entry: True).passed


def test_filter_or_rejects_max() -> None:
    assert not union_checks.check_length_filter_or_le(SMALL, bound=max).passed


def test_partitions_into_lines_counted() -> None:
    assert len(list(union_checks.partitions_into_lines(tuple(range(6)), 3))) == 10
    assert len(list(union_checks.partitions_into_lines(tuple(range(6)), 2))) == 15


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
        start = next((state for state in states if state.is_start), None)
        return [] if start is None else [start.pointer]

    return CacheTransformer(
        n=n, s=1, H=1, m=2, p=1,
        init=lambda index, pointer, is_start: PointerState(index, pointer, is_start, 0),
        controller=controller,
        message=lambda layer, head, state, view: view[0][0] if view else 0,
        update=lambda layer, state, messages: state._replace(answer=messages[0]),
        output=0,
        decode=lambda state: state.answer,
    )


POINTER_STATES = tuple(
    PointerState(0, pointer, is_start, 0) for pointer in range(4) for is_start in (False, True)
)


def non_local_models():
    """Yield the pointer-indexed cache without a locality alphabet, so the checkers skip the check."""
    model = pointer_indexed_cache(4)
    yield reach_checks.SolvingModel({"model": "pointer-indexed cache", "n": 4}, model, 1)


def test_locality_check_rejects_pointer_cache() -> None:
    entry = reach_checks.SolvingModel(
        {"model": "pointer-indexed cache", "n": 4}, pointer_indexed_cache(4), 1, POINTER_STATES)
    assert not reach_checks.is_local(entry)


def test_default_models_pass_locality() -> None:
    for entry in reach_checks.default_models():
        assert reach_checks.is_local(entry), entry.description


def test_pointer_indexed_cache_solves() -> None:
    entry = next(non_local_models())
    assert reach_checks.solves(entry)


def test_digit_checker_needs_locality() -> None:
    result = reach_checks.check_digit_eq_of_uncached(SMALL, models=non_local_models)
    assert not result.passed
    assert result.counterexample["model"] == "pointer-indexed cache"


def test_witness_needs_locality() -> None:
    assert not reach_checks.check_le_mul_of_locality(SMALL, models=non_local_models).passed
