"""Evaluate an arithmetic statement on every integer tuple of a box.

The box is enumerated in lexicographic order of the axes as listed, which decides the
reported counterexample. The first axis runs in a Python loop and the other axes are
broadcast NumPy arrays, so memory grows with the box size divided by the first axis.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from pybridge.checks.result import CheckLimits, CheckResult, make_result

GridEvaluation = Callable[..., tuple[Any, Any]]
"""Called with one int64 array per axis name; returns (hypothesis, conclusion) masks."""

WIDTH_NAMES = frozenset({"H", "m", "p"})
"""Formula parameters that run to max_width: head count, head dimension and precision."""


def value_axes(limits: CheckLimits, names: str) -> list[tuple[str, int]]:
    """Return one axis 0..max_value for each space-separated name."""
    return [(name, limits.max_value) for name in names.split()]


def model_axes(limits: CheckLimits, names: str) -> list[tuple[str, int]]:
    """Return one axis per name: H, m and p run to max_width, the others to max_value."""
    return [
        (name, limits.max_width if name in WIDTH_NAMES else limits.max_value)
        for name in names.split()
    ]


def describe_grid_domain(axes: Sequence[tuple[str, int]], hypotheses: str | None) -> str:
    """Return a domain sentence such as "all a, b ≤ 40 and H ≤ 4, with 0 < b"."""
    groups: dict[int, list[str]] = {}
    for name, upper in axes:
        groups.setdefault(upper, []).append(name)
    parts = [f"{', '.join(names)} ≤ {upper}" for upper, names in groups.items()]
    sentence = "all " + " and ".join(parts)
    if hypotheses:
        sentence += f", with {hypotheses}"
    return sentence


def check_grid(
    statement: str,
    axes: Sequence[tuple[str, int]],
    evaluate: GridEvaluation,
    hypotheses: str | None = None,
) -> CheckResult:
    """Check `evaluate` on every tuple with each axis (name, upper) running over 0..upper.

    `evaluate(**arrays)` returns the hypothesis and conclusion as booleans or boolean
    arrays that broadcast to the box. Only tuples that satisfy the hypothesis count as
    instances. `hypotheses` is appended to the domain sentence.
    """
    if not axes:
        raise ValueError("check_grid needs at least one axis")
    names = [name for name, _ in axes]
    rest_shape = tuple(upper + 1 for _, upper in axes[1:])
    rest_arrays: dict[str, np.ndarray] = {}
    for position, (name, upper) in enumerate(axes[1:]):
        shape = [1] * len(rest_shape)
        shape[position] = upper + 1
        rest_arrays[name] = np.arange(upper + 1, dtype=np.int64).reshape(shape)

    instances = 0
    counterexample: dict[str, Any] | None = None
    for first_value in range(axes[0][1] + 1):
        first = np.full((1,) * len(rest_shape), first_value, dtype=np.int64)
        hypothesis, conclusion = evaluate(**{names[0]: first}, **rest_arrays)
        hypothesis = np.broadcast_to(hypothesis, rest_shape)
        conclusion = np.broadcast_to(conclusion, rest_shape)
        if hypothesis.dtype != np.bool_ or conclusion.dtype != np.bool_:
            raise TypeError(
                f"the evaluation of {statement} returned masks of dtype {hypothesis.dtype} and "
                f"{conclusion.dtype}; expected bool, because ~ on integers is a bitwise complement"
            )
        instances += int(np.count_nonzero(hypothesis))
        failing = hypothesis & ~conclusion
        if counterexample is None and failing.any():
            position = np.unravel_index(int(np.argmax(failing)), rest_shape)
            values = (first_value, *(int(index) for index in position))
            counterexample = dict(zip(names, values))

    return make_result(statement, instances, describe_grid_domain(axes, hypotheses), counterexample)
