"""Tests of the pointer-map enumeration and the hop table."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from pybridge.checks.enumeration import all_pointer_maps, hop_naive, hop_table
from pybridge.checks.result import EnumerationTooLarge


@pytest.mark.parametrize("n", range(0, 6))
def test_all_pointer_maps_lexicographic(n: int) -> None:
    maps = all_pointer_maps(n)
    expected = [list(images) for images in itertools.product(range(n), repeat=n)]
    assert maps.shape == (n**n, n)
    assert maps.tolist() == expected


def test_all_pointer_maps_rows_are_digits() -> None:
    maps = all_pointer_maps(4)
    row = 1 * 4**3 + 3 * 4**2 + 0 * 4 + 2
    assert maps[row].tolist() == [1, 3, 0, 2]


def test_all_pointer_maps_rejects_negative_n() -> None:
    with pytest.raises(ValueError, match="n=-1"):
        all_pointer_maps(-1)


def test_all_pointer_maps_rejects_n_8() -> None:
    with pytest.raises(EnumerationTooLarge, match=r"8\^8 = 16777216"):
        all_pointer_maps(8)


@pytest.mark.parametrize("n", range(1, 5))
def test_hop_table_matches_hop_naive(n: int) -> None:
    k_max = 8
    maps = all_pointer_maps(n)
    table = hop_table(maps, k_max)
    assert table.shape == (k_max + 1, n**n, n)
    for row, f in enumerate(maps.tolist()):
        for x in range(n):
            for k in range(k_max + 1):
                assert table[k, row, x] == hop_naive(f, k, x), (f, k, x)


def test_hop_table_k_max_zero_is_identity() -> None:
    maps = all_pointer_maps(3)
    table = hop_table(maps, 0)
    assert table.shape == (1, 27, 3)
    assert (table[0] == np.arange(3)).all()


def test_hop_table_single_map() -> None:
    # 0 → 1 → 2 → 0 is a 3-cycle, so hop 3 returns every token to itself.
    table = hop_table(np.array([[1, 2, 0]], dtype=np.uint8), 4)
    assert table[:, 0, 0].tolist() == [0, 1, 2, 0, 1]


def test_hop_table_rejects_negative_k_max() -> None:
    with pytest.raises(ValueError, match="k_max=-1"):
        hop_table(all_pointer_maps(2), -1)


def test_hop_table_rejects_token_out_of_range() -> None:
    with pytest.raises(ValueError, match="value 3, which is not a token of Fin 2"):
        hop_table(np.array([[0, 3]], dtype=np.uint8), 2)


def test_hop_table_rejects_one_dimensional_maps() -> None:
    with pytest.raises(ValueError, match="expected"):
        hop_table(np.array([0, 1], dtype=np.uint8), 2)


def test_hop_naive_walks_cycle() -> None:
    f = [1, 2, 0, 0]
    assert hop_naive(f, 0, 3) == 3
    assert hop_naive(f, 1, 3) == 0
    assert hop_naive(f, 4, 3) == 0
    assert hop_naive(f, 5, 3) == 1
