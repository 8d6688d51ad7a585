"""Checkers for `CacheDepth/LowerBound/TreeFamily.lean`, run on the mirror `pybridge.model.tree_family`.

Every checker evaluates its Lean statement on the mirror. Four compare the mirror with an
independent computation: `hop_build` and `node_setAt_index_ne` with `hop_naive`, `lt_child`
with the breadth-first numbering of networkx's `balanced_tree`, and `posN_code` with the rank
among the positions other than `out`. The others evaluate the statement on the mirror's own
definitions, so they catch a mirror that drifts from the Lean definitions only where the
statement relates two of them.

Domains (fixed, independent of the limits, because the size hypothesis needs n ≥ 4):

* numbers: every n ≤ 8, output position out < n, node c ≤ 12, k ≤ 3 and digit e ≤ k;
* small parameters: every n ≤ 5, k ≤ 2, out < n and parameter g in range(k + 1)^n;
* large parameters: n ∈ {4, 5} with k = 1 and every g, and n = 27 with k = 2, out ∈ {0, 13,
  26} and every g whose digits outside the nodes 0..3 are 0 (the nodes 0..3 are the only
  path nodes that `node` reads before the answer);
* some checkers restrict these further, as their domain text says: entries u < min(n, 4) for
  the parameter changes, and nodes c ≤ 7 plus the path nodes for the node-wise statements.

Each checker takes a keyword-only `family`, the mirror class. The registry never passes it;
the tests pass a broken subclass to show that the checkers can fail.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from typing import Any

import networkx as nx

from pybridge.checks.controller_support import Tally
from pybridge.checks.enumeration import hop_naive
from pybridge.checks.registry import checker
from pybridge.checks.result import CheckLimits, CheckResult
from pybridge.model.tree_family import Parameter, TreeFamily, fits, set_at

NUMBER_MAX_N = 8
NUMBER_MAX_NODE = 12
NUMBER_MAX_K = 3
SMALL_MAX_N = 5
SMALL_MAX_K = 2
LARGE_OUTPUTS = (0, 13, 26)
LARGE_PATH_NODES = 4
"""Nodes 0..3 of the ternary tree: the root and its children, the path nodes before depth 2."""

NUMBER_DOMAIN = (
    f"every n ≤ {NUMBER_MAX_N}, out < n, node c ≤ {NUMBER_MAX_NODE}, k ≤ {NUMBER_MAX_K} "
    "and digit e ≤ k"
)
PARAMETER_DOMAIN = (
    f"every n ≤ {SMALL_MAX_N}, k ≤ {SMALL_MAX_K}, out < n and g in range(k + 1)^n, plus n = 27, "
    f"k = 2, out ∈ {{0, 13, 26}} and every g that is 0 outside the nodes 0..3"
)

EACH_NODE_MAX = 7
"""Largest node, besides the path nodes, of the node-wise statements."""
CHANGED_ENTRIES = 4
"""The parameter changes set the entries u < min(n, 4)."""
NODE_SUFFIX = f"; nodes c ≤ {EACH_NODE_MAX} and the path nodes of g"
CHANGE_SUFFIX = f"; entries u < min(n, {CHANGED_ENTRIES}) and every digit d ≤ k"
POSITION_DOMAIN = f"every n ≤ {NUMBER_MAX_N}, out < n, k ≤ {NUMBER_MAX_K} and position i < n"

Point = tuple[TreeFamily, Parameter]


def number_points(family: type[TreeFamily]) -> Iterator[tuple[TreeFamily, int]]:
    """Yield (tree family, node c) for the number domain."""
    for n in range(1, NUMBER_MAX_N + 1):
        for k in range(NUMBER_MAX_K + 1):
            for out in range(n):
                tree = family(n, k, out)
                for c in range(NUMBER_MAX_NODE + 1):
                    yield tree, c


def parameter_points(family: type[TreeFamily]) -> Iterator[Point]:
    """Yield (tree family, parameter) for the parameter domain."""
    for n in range(1, SMALL_MAX_N + 1):
        for k in range(SMALL_MAX_K + 1):
            for out in range(n):
                tree = family(n, k, out)
                for g in tree.parameters():
                    yield tree, g
    for out in LARGE_OUTPUTS:
        tree = family(27, 2, out)
        for digits in itertools.product(range(3), repeat=LARGE_PATH_NODES):
            yield tree, digits + (0,) * (27 - LARGE_PATH_NODES)


def describe(tree: TreeFamily, g: Parameter | None = None, **extra: Any) -> dict[str, Any]:
    """Return a tree-family point as JSON values."""
    values: dict[str, Any] = {"n": tree.n, "k": tree.k, "out": tree.out}
    if g is not None:
        values["g"] = list(g)
    values.update(extra)
    return values


def tree_hypotheses(tree: TreeFamily) -> bool:
    """Return the hypotheses `1 ≤ k` and `(k + 1)^(k + 1) ≤ n` of the path lemmas."""
    return tree.k >= 1 and fits(tree.n, tree.k)


def check_numbers(
    statement: str, family: type[TreeFamily],
    claim: Callable[[TreeFamily, int], tuple[bool, bool]], domain: str = NUMBER_DOMAIN,
) -> CheckResult:
    """Evaluate claim(tree, c) = (hypothesis, conclusion) on the number domain."""
    tally = Tally()
    for tree, c in number_points(family):
        hypothesis, conclusion = claim(tree, c)
        tally.add(hypothesis, conclusion, lambda: describe(tree, c=c))
    return tally.result(statement, domain)


def check_parameters(
    statement: str, family: type[TreeFamily],
    claim: Callable[[TreeFamily, Parameter], Iterator[tuple[bool, bool, dict[str, Any]]]],
    suffix: str = "",
) -> CheckResult:
    """Evaluate every (hypothesis, conclusion, extra) of claim(tree, g) on the parameter domain."""
    tally = Tally()
    for tree, g in parameter_points(family):
        for hypothesis, conclusion, extra in claim(tree, g):
            tally.add(hypothesis, conclusion, lambda: describe(tree, g, **extra))
    return tally.result(statement, PARAMETER_DOMAIN + suffix)


def fits_at(tree: TreeFamily, c: int) -> bool:
    """Return posN out c < n: node c fits."""
    return tree.position_number(c) < tree.n


# Positions and nodes.


@checker("CacheDepth.TreeFamily.posN_ne_out")
def check_pos_n_ne_out(limits: CheckLimits, *, family: type[TreeFamily] = TreeFamily) -> CheckResult:
    """Check posN out c ≠ out."""
    return check_numbers("CacheDepth.TreeFamily.posN_ne_out", family,
                         lambda tree, c: (True, tree.position_number(c) != tree.out))


@checker("CacheDepth.TreeFamily.posN_le")
def check_pos_n_le(limits: CheckLimits, *, family: type[TreeFamily] = TreeFamily) -> CheckResult:
    """Check posN out c ≤ c + 1."""
    return check_numbers("CacheDepth.TreeFamily.posN_le", family,
                         lambda tree, c: (True, tree.position_number(c) <= c + 1))


@checker("CacheDepth.TreeFamily.posN_inj")
def check_pos_n_inj(limits: CheckLimits, *, family: type[TreeFamily] = TreeFamily) -> CheckResult:
    """Check posN out a = posN out b → a = b for every pair of nodes a, b ≤ 12."""
    def claim(tree: TreeFamily, a: int) -> tuple[bool, bool]:
        numbers = [tree.position_number(b) for b in range(NUMBER_MAX_NODE + 1)]
        return True, numbers.count(tree.position_number(a)) == 1
    return check_numbers("CacheDepth.TreeFamily.posN_inj", family, claim)


@checker("CacheDepth.TreeFamily.val_pos")
def check_val_pos(limits: CheckLimits, *, family: type[TreeFamily] = TreeFamily) -> CheckResult:
    """Check posN out c < n → (pos out c).val = posN out c."""
    return check_numbers("CacheDepth.TreeFamily.val_pos", family,
                         lambda tree, c: (fits_at(tree, c),
                                          tree.position(c) == tree.position_number(c)))


@checker("CacheDepth.TreeFamily.pos_ne_out")
def check_pos_ne_out(limits: CheckLimits, *, family: type[TreeFamily] = TreeFamily) -> CheckResult:
    """Check posN out c < n → pos out c ≠ out."""
    return check_numbers("CacheDepth.TreeFamily.pos_ne_out", family,
                         lambda tree, c: (fits_at(tree, c), tree.position(c) != tree.out))


@checker("CacheDepth.TreeFamily.pos_inj")
def check_pos_inj(limits: CheckLimits, *, family: type[TreeFamily] = TreeFamily) -> CheckResult:
    """Check that fitting nodes sit on different positions, against the set of positions."""
    def claim(tree: TreeFamily, a: int) -> tuple[bool, bool]:
        fitting = [b for b in range(NUMBER_MAX_NODE + 1) if fits_at(tree, b)]
        positions = [tree.position(b) for b in fitting]
        return fits_at(tree, a), positions.count(tree.position(a)) == 1
    return check_numbers("CacheDepth.TreeFamily.pos_inj", family, claim)


@checker("CacheDepth.TreeFamily.code_pos")
def check_code_pos(limits: CheckLimits, *, family: type[TreeFamily] = TreeFamily) -> CheckResult:
    """Check posN out c < n → code out (pos out c) = c."""
    return check_numbers("CacheDepth.TreeFamily.code_pos", family,
                         lambda tree, c: (fits_at(tree, c), tree.node_at(tree.position(c)) == c))


def other_positions(tree: TreeFamily) -> list[int]:
    """Return the positions other than the output position, in order."""
    return [i for i in range(tree.n) if i != tree.out]


@checker("CacheDepth.TreeFamily.posN_code")
def check_pos_n_code(limits: CheckLimits, *, family: type[TreeFamily] = TreeFamily) -> CheckResult:
    """Check i ≠ out → posN out (code out i) = i, where code out i is i's rank among the other positions."""
    def claim(tree: TreeFamily, i: int) -> tuple[bool, bool]:
        others = other_positions(tree)
        if i not in others:
            return False, True
        rank = others.index(i)
        return True, tree.node_at(i) == rank and tree.position_number(tree.node_at(i)) == i
    return check_numbers("CacheDepth.TreeFamily.posN_code", family, claim, POSITION_DOMAIN)


@checker("CacheDepth.TreeFamily.pos_code")
def check_pos_code(limits: CheckLimits, *, family: type[TreeFamily] = TreeFamily) -> CheckResult:
    """Check i ≠ out → pos out (code out i) = i for every position i."""
    return check_numbers("CacheDepth.TreeFamily.pos_code", family,
                         lambda tree, i: (i < tree.n and i != tree.out,
                                          tree.position(tree.node_at(i)) == i), POSITION_DOMAIN)


def balanced_children(k: int, c: int) -> list[int]:
    """Return the children of node c in networkx's breadth-first numbered (k + 1)-ary tree."""
    last_child = (k + 1) * c + k + 1
    depth, nodes = 0, 1
    while nodes <= last_child:
        depth += 1
        nodes += (k + 1) ** depth
    tree = nx.balanced_tree(k + 1, depth, create_using=nx.DiGraph)
    return sorted(tree.successors(c))


@checker("CacheDepth.TreeFamily.lt_child")
def check_lt_child(limits: CheckLimits, *, family: type[TreeFamily] = TreeFamily) -> CheckResult:
    """Check c < child c e, and that child c e is the e-th child in networkx's numbering."""
    def claim(tree: TreeFamily, c: int) -> tuple[bool, bool]:
        children = balanced_children(tree.k, c)
        ours = [tree.child(c, e) for e in range(tree.k + 1)]
        return True, ours == children and all(c < child for child in ours)
    return check_numbers("CacheDepth.TreeFamily.lt_child", family, claim)


@checker("CacheDepth.TreeFamily.child_inj")
def check_child_inj(limits: CheckLimits, *, family: type[TreeFamily] = TreeFamily) -> CheckResult:
    """Check that child a e = child b e' with e, e' ≤ k forces a = b and e = e'."""
    def claim(tree: TreeFamily, a: int) -> tuple[bool, bool]:
        pairs = [(b, e) for b in range(NUMBER_MAX_NODE + 1) for e in range(tree.k + 1)]
        values = [tree.child(b, e) for b, e in pairs]
        return True, all(values.count(tree.child(a, e)) == 1 for e in range(tree.k + 1))
    return check_numbers("CacheDepth.TreeFamily.child_inj", family, claim)


# Digits and parameters.


def each_node(tree: TreeFamily, g: Parameter) -> Iterator[int]:
    """Yield the nodes 0..EACH_NODE_MAX and the path nodes of g, without repeats."""
    seen = set(range(EACH_NODE_MAX + 1)) | {tree.path_node(g, j) for j in range(tree.k + 1)}
    return iter(sorted(seen))


@checker("CacheDepth.TreeFamily.digit_le")
def check_digit_le(limits: CheckLimits, *, family: type[TreeFamily] = TreeFamily) -> CheckResult:
    """Check digit g c ≤ k."""
    def claim(tree: TreeFamily, g: Parameter):
        for c in each_node(tree, g):
            yield True, tree.digit(g, c) <= tree.k, {"c": c}
    return check_parameters("CacheDepth.TreeFamily.digit_le", family, claim, NODE_SUFFIX)


@checker("CacheDepth.TreeFamily.digit_setAt")
def check_digit_set_at(limits: CheckLimits, *, family: type[TreeFamily] = TreeFamily) -> CheckResult:
    """Check digit (setAt g u d) c = if c = u then d else digit g c, for u < min(n, 4)."""
    def claim(tree: TreeFamily, g: Parameter):
        for u in range(min(tree.n, CHANGED_ENTRIES)):
            for d in range(tree.k + 1):
                changed = set_at(g, u, d)
                for c in each_node(tree, g):
                    expected = d if c == u else tree.digit(g, c)
                    yield True, tree.digit(changed, c) == expected, {"u": u, "d": d, "c": c}
    return check_parameters("CacheDepth.TreeFamily.digit_setAt", family, claim,
                            NODE_SUFFIX + CHANGE_SUFFIX)


@checker("CacheDepth.TreeFamily.node_succ")
def check_node_succ(limits: CheckLimits, *, family: type[TreeFamily] = TreeFamily) -> CheckResult:
    """Check node g (j + 1) = child (node g j) (digit g (node g j)) for j ≤ k + 1."""
    def claim(tree: TreeFamily, g: Parameter):
        for j in range(tree.k + 2):
            c = tree.path_node(g, j)
            yield True, tree.path_node(g, j + 1) == tree.child(c, tree.digit(g, c)), {"j": j}
    return check_parameters("CacheDepth.TreeFamily.node_succ", family, claim)


@checker("CacheDepth.TreeFamily.node_lt_node")
def check_node_lt_node(limits: CheckLimits, *, family: type[TreeFamily] = TreeFamily) -> CheckResult:
    """Check i < j → node g i < node g j for i, j ≤ k + 1."""
    def claim(tree: TreeFamily, g: Parameter):
        for i, j in itertools.product(range(tree.k + 2), repeat=2):
            yield i < j, tree.path_node(g, i) < tree.path_node(g, j), {"i": i, "j": j}
    return check_parameters("CacheDepth.TreeFamily.node_lt_node", family, claim)


@checker("CacheDepth.TreeFamily.node_add_two_le")
def check_node_add_two_le(limits: CheckLimits, *, family: type[TreeFamily] = TreeFamily) -> CheckResult:
    """Check 1 ≤ k → node g j + 2 ≤ (k + 1)^(j + 1) for j ≤ k + 1."""
    def claim(tree: TreeFamily, g: Parameter):
        for j in range(tree.k + 2):
            bound = (tree.k + 1) ** (j + 1)
            yield tree.k >= 1, tree.path_node(g, j) + 2 <= bound, {"j": j}
    return check_parameters("CacheDepth.TreeFamily.node_add_two_le", family, claim)


@checker("CacheDepth.TreeFamily.posN_node_lt")
def check_pos_n_node_lt(limits: CheckLimits, *, family: type[TreeFamily] = TreeFamily) -> CheckResult:
    """Check 1 ≤ k → (k + 1)^(k + 1) ≤ n → j ≤ k → posN out (node g j) < n."""
    def claim(tree: TreeFamily, g: Parameter):
        for j in range(tree.k + 1):
            yield tree_hypotheses(tree), fits_at(tree, tree.path_node(g, j)), {"j": j}
    return check_parameters("CacheDepth.TreeFamily.posN_node_lt", family, claim)


@checker("CacheDepth.TreeFamily.build_pos")
def check_build_pos(limits: CheckLimits, *, family: type[TreeFamily] = TreeFamily) -> CheckResult:
    """Check posN out c < n → build g (pos out c) = pos out (child c (digit g c))."""
    def claim(tree: TreeFamily, g: Parameter):
        pointers = tree.build(g)
        for c in each_node(tree, g):
            expected = tree.position(tree.child(c, tree.digit(g, c)))
            if fits_at(tree, c):
                yield True, pointers[tree.position(c)] == expected, {"c": c}
    return check_parameters("CacheDepth.TreeFamily.build_pos", family, claim, NODE_SUFFIX)


@checker("CacheDepth.TreeFamily.hop_build")
def check_hop_build(limits: CheckLimits, *, family: type[TreeFamily] = TreeFamily) -> CheckResult:
    """Check that j ≤ k hops of build g from pos out 0, by `hop_naive`, reach pos out (node g j)."""
    def claim(tree: TreeFamily, g: Parameter):
        pointers = tree.build(g)
        for j in range(tree.k + 1):
            reached = hop_naive(pointers, j, tree.start())
            yield tree_hypotheses(tree), reached == tree.position(tree.path_node(g, j)), {"j": j}
    return check_parameters("CacheDepth.TreeFamily.hop_build", family, claim)


@checker("CacheDepth.TreeFamily.build_setAt_of_ne")
def check_build_set_at_of_ne(limits: CheckLimits, *, family: type[TreeFamily] = TreeFamily) -> CheckResult:
    """Check i ≠ pos out u → build (setAt g u d) i = build g i, for u < min(n, 4)."""
    def claim(tree: TreeFamily, g: Parameter):
        pointers = tree.build(g)
        for u in range(min(tree.n, CHANGED_ENTRIES)):
            for d in range(tree.k + 1):
                changed = tree.build(set_at(g, u, d))
                moved = tree.position(u)
                for i in range(tree.n):
                    yield i != moved, changed[i] == pointers[i], {"u": u, "d": d, "i": i}
    return check_parameters("CacheDepth.TreeFamily.build_setAt_of_ne", family, claim, CHANGE_SUFFIX)


def path_variants(tree: TreeFamily, g: Parameter, j: int) -> list[Parameter]:
    """Return setAt g (index g j) d for d = 0..k."""
    u = tree.index(g, j)
    return [set_at(g, u, d) for d in range(tree.k + 1)]


def path_changes(tree: TreeFamily, g: Parameter) -> Iterator[tuple[int, int, Parameter]]:
    """Yield (j, d, setAt g (index g j) d) for every path node j ≤ k and digit d ≤ k."""
    for j in range(tree.k + 1):
        for d, changed in enumerate(path_variants(tree, g, j)):
            yield j, d, changed


@checker("CacheDepth.TreeFamily.val_index")
def check_val_index(limits: CheckLimits, *, family: type[TreeFamily] = TreeFamily) -> CheckResult:
    """Check (index g j).val = node g j under the path hypotheses, j ≤ k."""
    def claim(tree: TreeFamily, g: Parameter):
        for j in range(tree.k + 1):
            yield tree_hypotheses(tree), tree.index(g, j) == tree.path_node(g, j), {"j": j}
    return check_parameters("CacheDepth.TreeFamily.val_index", family, claim)


@checker("CacheDepth.TreeFamily.node_setAt_index")
def check_node_set_at_index(limits: CheckLimits, *, family: type[TreeFamily] = TreeFamily) -> CheckResult:
    """Check that setting the digit of the j-th path node keeps the path nodes 0..j."""
    def claim(tree: TreeFamily, g: Parameter):
        for j, d, changed in path_changes(tree, g):
            for i in range(j + 1):
                same = tree.path_node(changed, i) == tree.path_node(g, i)
                yield tree_hypotheses(tree), same, {"j": j, "d": d, "i": i}
    return check_parameters("CacheDepth.TreeFamily.node_setAt_index", family, claim)


@checker("CacheDepth.TreeFamily.index_setAt_index")
def check_index_set_at_index(limits: CheckLimits, *, family: type[TreeFamily] = TreeFamily) -> CheckResult:
    """Check index (setAt g (index g j) d) j = index g j for j ≤ k."""
    def claim(tree: TreeFamily, g: Parameter):
        for j, d, changed in path_changes(tree, g):
            same = tree.index(changed, j) == tree.index(g, j)
            yield tree_hypotheses(tree), same, {"j": j, "d": d}
    return check_parameters("CacheDepth.TreeFamily.index_setAt_index", family, claim)


@checker("CacheDepth.TreeFamily.node_ne_of_ne")
def check_node_ne_of_ne(limits: CheckLimits, *, family: type[TreeFamily] = TreeFamily) -> CheckResult:
    """Check node g i ≠ node g' i → node g (i + t) ≠ node g' (i + t), on pairs g, g' of small points.

    The pairs are g and setAt g u d for u < min(n, 4), with i, t ≤ k + 1.
    """
    def claim(tree: TreeFamily, g: Parameter):
        for u in range(min(tree.n, CHANGED_ENTRIES)):
            for d in range(tree.k + 1):
                other = set_at(g, u, d)
                for i, t in itertools.product(range(tree.k + 2), repeat=2):
                    yield (tree.path_node(g, i) != tree.path_node(other, i),
                           tree.path_node(g, i + t) != tree.path_node(other, i + t),
                           {"g'": list(other), "i": i, "t": t})
    return check_parameters("CacheDepth.TreeFamily.node_ne_of_ne", family, claim,
                            CHANGE_SUFFIX + "; pairs g, setAt g u d and i, t ≤ k + 1")


@checker("CacheDepth.TreeFamily.node_setAt_index_ne")
def check_node_set_at_index_ne(limits: CheckLimits, *, family: type[TreeFamily] = TreeFamily) -> CheckResult:
    """Check that different digits at the j-th path node, j < k, give different k-th path nodes.

    The answers are also compared as positions reached by `hop_naive`.
    """
    def claim(tree: TreeFamily, g: Parameter):
        for j in range(tree.k):
            variants = path_variants(tree, g, j)
            nodes = [tree.path_node(changed, tree.k) for changed in variants]
            answers = [hop_naive(tree.build(changed), tree.k, tree.start()) for changed in variants]
            distinct = len(set(nodes)) == len(nodes) and len(set(answers)) == len(answers)
            yield tree_hypotheses(tree), distinct, {"j": j, "nodes": nodes}
    return check_parameters("CacheDepth.TreeFamily.node_setAt_index_ne", family, claim)
