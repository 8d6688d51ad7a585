"""Parameter points and the depth-bound formulas at one point.

A point fixes n tokens, k hops, a cache of s entries, H heads, head dimension m and
precision p, so a position receives b = H·m·p bits per layer. The formulas are the NumPy
ports of `CacheDepth/Bounds/Formulas.lean` in `pybridge.checks.formulas`, converted to int.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from pybridge.checks import formulas


@dataclass(frozen=True, order=True)
class Point:
    """One parameter point (n, k, s, H, m, p)."""

    n: int
    k: int
    s: int
    H: int
    m: int
    p: int

    def __post_init__(self) -> None:
        for name, value in asdict(self).items():
            if not isinstance(value, int) or isinstance(value, bool) or value < 0:
                raise ValueError(f"{name}={value!r} is invalid; it must be an int ≥ 0")
        if self.n < 2 or self.k < 1 or self.s < 1 or self.layer_bits < 1:
            raise ValueError(
                f"point {self.key} is invalid; the explorer needs n ≥ 2, k ≥ 1, s ≥ 1 and H·m·p ≥ 1"
            )

    @property
    def key(self) -> str:
        """The point as "n=…,k=…,s=…,H=…,m=…,p=…", its key in explore.json."""
        return ",".join(f"{name}={value}" for name, value in asdict(self).items())

    @property
    def layer_bits(self) -> int:
        """b = H·m·p, the bits one position receives per layer."""
        return self.H * self.m * self.p

    @property
    def pointer_bits(self) -> int:
        """c = ⌈log₂ n⌉, the bits that name one token."""
        return int(formulas.clog2(self.n))

    @property
    def reach_depth(self) -> int:
        """⌈k/s⌉ (`CacheDepth.reachDepth`)."""
        return int(formulas.reach_depth(self.k, self.s))

    @property
    def bandwidth_depth(self) -> int:
        """W = ⌈⌈log₂ n⌉/(H·m·p)⌉ (`CacheDepth.bandwidthDepth`)."""
        return int(formulas.bandwidth_depth(self.n, self.H, self.m, self.p))

    @property
    def max_bound(self) -> int:
        """max(⌈k/s⌉, W) (`CacheDepth.maxBound`)."""
        return int(formulas.max_bound(self.n, self.k, self.s, self.H, self.m, self.p))

    @property
    def product_bound(self) -> int:
        """⌈k/s⌉ · W (`CacheDepth.productBound`)."""
        return int(formulas.product_bound(self.n, self.k, self.s, self.H, self.m, self.p))

    @property
    def doubling_upper_bound(self) -> int:
        """min(k, ⌈k/s⌉·max(1, ⌈log₂ s⌉)) · ⌈log₂ n/(m·p)⌉ (`CacheDepth.doublingUpperBound`)."""
        return int(formulas.doubling_upper_bound(self.n, self.k, self.s, self.m, self.p))

    @property
    def in_conjecture_range(self) -> bool:
        """Whether n ≥ 4k and 16·s² ≤ n, the hypotheses of `CacheDepth.ProductBoundHolds`."""
        return 4 * self.k <= self.n and 16 * self.s * self.s <= self.n

    @property
    def is_wide(self) -> bool:
        """Whether ⌈log₂ n⌉ ≤ H·m·p, the regime of `CacheDepth.productBound_le_of_wide`."""
        return self.pointer_bits <= self.layer_bits

    def formulas(self) -> dict[str, int]:
        """Return every formula at this point, keyed as in explore.json."""
        return {
            "reach_depth": self.reach_depth,
            "bandwidth_depth": self.bandwidth_depth,
            "max_bound": self.max_bound,
            "product_bound": self.product_bound,
            "doubling_upper_bound": self.doubling_upper_bound,
        }

    @classmethod
    def from_key(cls, key: str) -> Point:
        """Parse a key written by `Point.key`; raises `ValueError` for any other string."""
        try:
            fields = dict(item.split("=", 1) for item in key.split(","))
            return cls(**{name: int(fields[name]) for name in ("n", "k", "s", "H", "m", "p")})
        except (KeyError, TypeError, ValueError) as error:
            raise ValueError(f"{key!r} is not a point key such as 'n=4,k=1,s=1,H=1,m=1,p=2'") from error


def with_layer_bits(n: int, k: int, s: int, bits: int) -> Point:
    """Return the point with one head of dimension 1 and precision `bits`, so H·m·p = bits."""
    return Point(n=n, k=k, s=s, H=1, m=1, p=bits)
