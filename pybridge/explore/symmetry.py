"""Pointer-chasing instances up to relabelling of tokens.

An instance is a pointer map f on n tokens with a start x. Every model and game of the
explorer reads its answer at the output position `OUTPUT` = 0, so two instances are
equivalent when a relabelling σ of the tokens with σ(0) = 0 maps one onto the other:
g = σ ∘ f ∘ σ⁻¹ and y = σ(x). The classes are the isomorphism classes of functional
digraphs (one out-edge per node) whose nodes carry the roles start and output. An
evaluation that treats tokens only through these roles gives the same result on every
instance of a class, so the explorer evaluates one representative per class.

`instance_classes` computes the classes by orbit marking: it walks the instances in
lexicographic order, and each instance not yet marked starts a class whose whole orbit
it marks, with one NumPy operation per class. `certify_classes` then checks the result
independently with networkx: the representatives are pairwise non-isomorphic as
role-labelled digraphs (`weisfeiler_lehman_graph_hash` buckets, `is_isomorphic` inside
a bucket), and the orbit sizes add up to all n^n · n instances. Hashing every instance
with networkx instead would cost one hash per instance, about 280,000 at n = 6.
"""

from __future__ import annotations

import itertools
import warnings
from collections.abc import Iterator
from dataclasses import dataclass

import networkx as nx
import numpy as np

OUTPUT = 0
"""The output position of every model and game of the explorer."""

MAX_CLASS_N = 7
"""Largest n for `instance_classes`: n = 8 would mark 8^8 · 8 ≈ 1.3·10^8 instances."""


@dataclass(frozen=True)
class InstanceClass:
    """One class of instances: a representative (f, x) and the number of instances in it."""

    f: tuple[int, ...]
    x: int
    size: int


def _permutations_fixing_output(n: int) -> np.ndarray:
    """Return every permutation of range(n) that fixes OUTPUT, one per row."""
    rest = [token for token in range(n) if token != OUTPUT]
    rows = [(OUTPUT, *others) for others in itertools.permutations(rest)]
    return np.array(rows, dtype=np.int64).reshape(len(rows), n)


def _all_permutations(n: int) -> np.ndarray:
    return np.array(list(itertools.permutations(range(n))), dtype=np.int64).reshape(-1, n)


def _orbit_codes(f: np.ndarray, x: int | None, permutations: np.ndarray) -> np.ndarray:
    """Return the codes of σ(f, x) for every permutation σ in the rows of `permutations`.

    The code of (g, y) is the base-n number with digits g(0), …, g(n-1), y, most significant
    first. Without a start (x is None) the code has the digits g(0), …, g(n-1) only.
    """
    count, n = permutations.shape
    images = np.empty_like(permutations)
    rows = np.arange(count)[:, None]
    # g(σ(i)) = σ(f(i)) for every token i.
    images[rows, permutations] = permutations[:, f]
    powers = n ** np.arange(n - 1, -1, -1, dtype=np.int64)
    codes = images @ powers
    if x is not None:
        codes = codes * n + permutations[:, x]
    return codes


def _decode(code: int, digits: int, n: int) -> tuple[int, ...]:
    values = []
    for _ in range(digits):
        code, digit = divmod(code, n)
        values.append(digit)
    return tuple(reversed(values))


def _orbits(
    n: int, digits: int, permutations: np.ndarray, with_start: bool,
) -> Iterator[tuple[tuple[int, ...], int]]:
    """Yield (digits of the first member, orbit size) for every orbit, in lexicographic order."""
    total = n**digits
    marked = np.zeros(total, dtype=bool)
    cursor = 0
    block = 1 << 16
    while cursor < total:
        unmarked = np.flatnonzero(~marked[cursor : cursor + block])
        if unmarked.size == 0:
            cursor += block
            continue
        code = cursor + int(unmarked[0])
        values = _decode(code, digits, n)
        f = np.array(values[:n], dtype=np.int64)
        x = values[n] if with_start else None
        codes = np.unique(_orbit_codes(f, x, permutations))
        marked[codes] = True
        yield values, int(codes.size)
        cursor = code + 1


def instance_classes(n: int) -> list[InstanceClass]:
    """Return one representative (f, x) per class of instances on n tokens, in lexicographic order.

    Each representative is the lexicographically first instance of its class (f first,
    then x). Raises `ValueError` when n < 1 or n > MAX_CLASS_N.
    """
    _check_class_n(n)
    permutations = _permutations_fixing_output(n)
    return [
        InstanceClass(values[:n], values[n], size)
        for values, size in _orbits(n, n + 1, permutations, with_start=True)
    ]


def unlabelled_map_count(n: int) -> int:
    """Count the pointer maps on n tokens up to relabelling, with no roles marked.

    These are the unlabelled functional digraphs on n nodes (OEIS A001372). Raises
    `ValueError` when n < 1 or n > MAX_CLASS_N.
    """
    _check_class_n(n)
    return sum(1 for _ in _orbits(n, n, _all_permutations(n), with_start=False))


def all_instances(n: int) -> Iterator[InstanceClass]:
    """Yield every instance (f, x) on n tokens as a class of size 1: the plain enumeration."""
    for f in itertools.product(range(n), repeat=n):
        for x in range(n):
            yield InstanceClass(f, x, 1)


def plain_instance_count(n: int) -> int:
    """Return n^n · n, the number of instances of the plain enumeration."""
    return n**n * n


def role_digraph(f: tuple[int, ...], x: int) -> nx.DiGraph:
    """Build the functional digraph of f with node attribute "role" marking start and output."""
    graph = nx.DiGraph()
    for token in range(len(f)):
        roles = []
        if token == x:
            roles.append("start")
        if token == OUTPUT:
            roles.append("output")
        graph.add_node(token, role="+".join(roles) or "none")
    graph.add_edges_from((token, target) for token, target in enumerate(f))
    return graph


def certify_classes(n: int, classes: list[InstanceClass]) -> None:
    """Check with networkx that `classes` are exactly the isomorphism classes on n tokens.

    Raises `AssertionError` naming the problem when two representatives are isomorphic as
    role-labelled digraphs or when the class sizes do not add up to n^n · n.
    """
    total = sum(item.size for item in classes)
    if total != plain_instance_count(n):
        raise AssertionError(
            f"the {len(classes)} classes on n={n} hold {total} instances, expected n^n·n = "
            f"{plain_instance_count(n)}"
        )

    buckets: dict[str, list[nx.DiGraph]] = {}
    match = nx.algorithms.isomorphism.categorical_node_match("role", None)
    with warnings.catch_warnings():
        # networkx 3.5 changed the hashes of directed graphs and warns about it on every
        # call; only equality of hashes within this run matters here.
        warnings.simplefilter("ignore", UserWarning)
        for item in classes:
            graph = role_digraph(item.f, item.x)
            key = nx.weisfeiler_lehman_graph_hash(graph, node_attr="role")
            for other in buckets.setdefault(key, []):
                if nx.is_isomorphic(graph, other, node_match=match):
                    raise AssertionError(
                        f"the representatives f={list(item.f)}, x={item.x} and "
                        f"f={[t for _, t in sorted(other.edges())]} are isomorphic"
                    )
            buckets[key].append(graph)


def _check_class_n(n: int) -> None:
    if not 1 <= n <= MAX_CLASS_N:
        raise ValueError(
            f"n={n} is invalid for the exhaustive class enumeration; it must be in 1..{MAX_CLASS_N} "
            f"because the enumeration marks all n^n·n instances"
        )
