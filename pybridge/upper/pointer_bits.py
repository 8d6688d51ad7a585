"""The parameters shared by the constructions, and token indices sent in chunks of m·p bits.

A token of n ≥ 2 is written with ⌈log₂ n⌉ bits, least significant first. Chunk c holds the
bits c·B, …, c·B + B - 1 for the bandwidth B = m·p, so ⌈⌈log₂ n⌉ / B⌉ chunks carry a whole
token, one chunk per layer. The last chunk holds the top bit ⌈log₂ n⌉ - 1, which is set in
token n - 1, so no smaller number of chunks carries every token.
"""

from __future__ import annotations

OUTPUT = 0
"""The output position of every construction in this package."""


def validate_parameters(n: int, k: int, s: int, m: int, p: int) -> None:
    """Raise `ValueError` unless n ≥ 2, k ≥ 1, s ≥ 1, m ≥ 1 and p ≥ 1.

    With n = 1 every answer is token 0 and with k = 0 the answer is the start token, which
    no position but the start knows; the constructions cover neither case.
    """
    minimum = {"n": 2, "k": 1, "s": 1, "m": 1, "p": 1}
    values = {"n": n, "k": k, "s": s, "m": m, "p": p}
    for name, value in values.items():
        if not isinstance(value, int) or isinstance(value, bool) or value < minimum[name]:
            raise ValueError(
                f"{name}={value!r} is invalid; the constructions need an int {name} ≥ "
                f"{minimum[name]} (got n={n}, k={k}, s={s}, m={m}, p={p})"
            )


def validate_full_cache(n: int, k: int, s: int, m: int, p: int, construction: str, reason: str) -> None:
    """Raise `ValueError` unless the parameters are valid and the cache can contain every position.

    `construction` names the model and `reason` says why it needs every position cached.
    """
    validate_parameters(n, k, s, m, p)
    if s < n:
        raise ValueError(
            f"s={s} is too small for {construction} on n={n} tokens: {reason}, "
            f"so the cache must contain all n positions (s ≥ {n})"
        )


def pointer_bits(n: int) -> int:
    """Return ⌈log₂ n⌉, the number of bits of a token index for n ≥ 1 tokens."""
    return (n - 1).bit_length()


def pointer_layers(n: int, bandwidth: int) -> int:
    """Return ⌈⌈log₂ n⌉ / bandwidth⌉, the layers that one head needs to send a token.

    This is `bandwidthDepth n 1 m p` for bandwidth = m·p. Raises `ValueError` when the
    bandwidth is below 1.
    """
    if bandwidth < 1:
        raise ValueError(f"bandwidth={bandwidth} is invalid; a message must carry at least one bit")
    return -(-pointer_bits(n) // bandwidth)


def chunk_of(value: int, chunk: int, bandwidth: int) -> int:
    """Return chunk `chunk` of `value`: its bits chunk·bandwidth to chunk·bandwidth + bandwidth - 1."""
    return (value >> (chunk * bandwidth)) & ((1 << bandwidth) - 1)


def add_chunk(partial: int, value: int, chunk: int, bandwidth: int) -> int:
    """Return `partial` with chunk `chunk` set to `value`, assuming that chunk of `partial` is 0."""
    return partial | (value << (chunk * bandwidth))
