"""The full-cache relaxation: an exact optimum that is a proved lower bound on depth.

In the relaxation every layer's messages may depend on the whole instance, as if every
position were cached, and the cache size is ignored. The output's final state is still a
function of its own input, its *fact* (index, pointer, start flag), and of L message tuples
of b = H·m·p bits each. So L layers suffice in the relaxation exactly when, for every fact of
the output, the answers f^k(x) of the instances with that fact number at most 2^(b·L): a
sender that knows the instance can send the answer's position in that list, and fewer
layers leave two answers with the same messages.

Every Cache-Transformer with b message bits per layer is simulated by the relaxation,
because a message that reads the whole instance can compute the real controller's cache
and the real message. So the relaxation's optimum is a lower bound on the depth of every
model, whatever its cache size and controller. Lean proves the counting step for the
answers n of a non-start output (`CacheDepth.CacheTransformer.le_two_pow_of_solves`), and
the readout (`CacheDepth.readout_solves`, `CacheDepth.readout_optimal`) attains ⌈log₂ n/b⌉
with one head and a cache of every position.

The count uses instance classes: a relabelling that fixes the output preserves a fact's
*role* (whether the output points to itself, whether it is the start) and maps the
answers of a fact onto those of the relabelled fact. Tokens other than the output and its
pointer are interchangeable, so if one of them is an answer of a fact, all of them are.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pybridge.checks.enumeration import hop_naive
from pybridge.explore.symmetry import OUTPUT, InstanceClass

OUTPUT_ROLE = "output"
POINTER_ROLE = "output's pointer"
OTHER_ROLE = "other"


def answer_role(f: tuple[int, ...], answer: int) -> str:
    """Return the role of `answer`: the output, the output's pointer, or another token."""
    if answer == OUTPUT:
        return OUTPUT_ROLE
    if answer == f[OUTPUT]:
        return POINTER_ROLE
    return OTHER_ROLE


def answers_per_fact(n: int, k: int, instances: Sequence[InstanceClass]) -> int:
    """Return the largest number of answers f^k(x) among the instances that share an output fact.

    `instances` must represent every instance (all relabelling classes); chain shapes do
    not, because they fix the pointers off the chain.
    """
    roles: dict[tuple[bool, bool], set[str]] = {}
    for instance in instances:
        fact_role = (instance.f[OUTPUT] == OUTPUT, instance.x == OUTPUT)
        role = answer_role(instance.f, hop_naive(instance.f, k, instance.x))
        roles.setdefault(fact_role, set()).add(role)
    largest = 0
    for (self_loop, _), found in roles.items():
        others = n - 1 if self_loop else n - 2
        count = (OUTPUT_ROLE in found) + (POINTER_ROLE in found) + others * (OTHER_ROLE in found)
        largest = max(largest, count)
    return largest


def relaxation_optimum(answers: int, layer_bits: int) -> int:
    """Return the least L with answers ≤ 2^(b·L), the full-cache relaxation's optimum."""
    layers = 0
    while answers > 2 ** (layer_bits * layers):
        layers += 1
    return layers


def relaxation_record(n: int, k: int, layer_bits: int, instances: Sequence[InstanceClass]) -> dict[str, Any]:
    """Return the relaxation's answers per output fact and its exact optimum, as explore.json stores them."""
    answers = answers_per_fact(n, k, instances)
    return {"answers_per_fact": answers, "optimum": relaxation_optimum(answers, layer_bits)}
