"""Vectorized enumeration of all pointer maps on n tokens and of their hops.

The hop table uses the recursion hop (k + 1) x = f (hop k x). Lean defines `CacheDepth.hop`
the other way, hop (k + 1) x = hop k (f x), so the checkers compare two independent
computations whenever a statement relates the two recursions.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from pybridge.checks.result import pointer_map_count_error

# Maps per block of the hop table. Blocks of 16384 maps were about 30% faster than one
# whole-array gather for n = 6 and 7 on a 2-core AMD EPYC (benchmarks/enumeration.py).
_BLOCK_MAPS = 16384


def all_pointer_maps(n: int) -> np.ndarray:
    """Return every map Fin n → Fin n as a uint8 array of shape (n**n, n).

    Row r contains the base-n digits of r, most significant first, so the rows are in
    lexicographic order and row r, column x is the image of token x. For n = 0 the
    result is the single empty map, of shape (1, 0).

    Raises `ValueError` for negative n and `EnumerationTooLarge` when n^n exceeds 10^7.
    """
    if n < 0:
        raise ValueError(f"n={n} is invalid; a token count must be at least 0")
    error = pointer_map_count_error(n, name="n")
    if error is not None:
        raise error

    if n == 0:
        return np.zeros((1, 0), dtype=np.uint8)
    # np.indices lists the index tuples of an n-dimensional grid of side n in C order,
    # which is the base-n digit order of the row number.
    grid = np.indices((n,) * n, dtype=np.uint8)
    return np.ascontiguousarray(grid.reshape(n, -1).T)


def hop_table(maps: np.ndarray, k_max: int) -> np.ndarray:
    """Return the array `table` of shape (k_max + 1, M, n) with table[k, r, x] = f_r^[k] x.

    `maps` has shape (M, n) and row r is the map f_r. The table has the dtype of `maps`.
    Raises `ValueError` when k_max is negative, `maps` is not two-dimensional, or an entry
    of `maps` is not a token in 0..n-1.
    """
    if k_max < 0:
        raise ValueError(f"k_max={k_max} is invalid; it must be at least 0")
    if maps.ndim != 2:
        raise ValueError(f"maps has shape {maps.shape}; expected (number of maps, n)")
    if not np.issubdtype(maps.dtype, np.integer):
        raise ValueError(f"maps has dtype {maps.dtype}; expected an integer dtype")
    count, n = maps.shape
    if maps.size and (maps.min() < 0 or maps.max() >= n):
        raise ValueError(
            f"maps contains the value {int(maps.max()) if maps.max() >= n else int(maps.min())}, "
            f"which is not a token of Fin {n}"
        )

    table = np.empty((k_max + 1, count, n), dtype=maps.dtype)
    table[0] = np.arange(n, dtype=maps.dtype)
    # Map r's image of token y sits at r·n + y in the flattened maps, so one np.take per hop
    # count gathers all maps at once. Blocks of _BLOCK_MAPS maps keep a block's maps and
    # index buffer in cache across all hop counts.
    local_offsets = (np.arange(min(count, _BLOCK_MAPS), dtype=np.int32) * n)[:, None]
    index_buffer = np.empty((min(count, _BLOCK_MAPS), n), dtype=np.int32)
    for block_start in range(0, count, _BLOCK_MAPS):
        block_end = min(count, block_start + _BLOCK_MAPS)
        size = block_end - block_start
        flat_maps = np.ascontiguousarray(maps[block_start:block_end]).ravel()
        indices = index_buffer[:size]
        for k in range(k_max):
            np.add(local_offsets[:size], table[k, block_start:block_end], out=indices)
            np.take(flat_maps, indices, out=table[k + 1, block_start:block_end])
    return table


def hop_naive(f: Sequence[int], k: int, x: int) -> int:
    """Return f^[k] x by applying f k times, one Python step at a time."""
    token = x
    for _ in range(k):
        token = f[token]
    return token
