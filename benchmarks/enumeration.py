"""Measure the throughput of the exhaustive hop enumeration against pure-Python loops.

An instance is a triple (f, x, k): a map f : Fin n → Fin n, a start x and a hop count
0 ≤ k ≤ max_hops, whose value is f^[k] x. Three methods compute every instance for each n:

* numpy: `all_pointer_maps(n)` and `hop_table(maps, max_hops)`, best and median of the repeats.
* naive: `hop_naive(f, k, x)` for every instance, each walk starting again from x.
* walk: one pure-Python walk per (f, x) that records all max_hops + 1 values, so the
  algorithm matches the table's and only the vectorization differs.

Run from the repository root: `python -m benchmarks.enumeration`.
"""

from __future__ import annotations

import argparse
import itertools
import os
import platform
import statistics
import time

import numpy as np

from pybridge.checks.enumeration import all_pointer_maps, hop_naive, hop_table


def time_numpy(n: int, max_hops: int, repeats: int) -> list[float]:
    """Return the wall times in seconds of enumerating all maps on n tokens and their hops."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        table = hop_table(all_pointer_maps(n), max_hops)
        times.append(time.perf_counter() - start)
        del table
    return times


def time_naive(n: int, max_hops: int, max_maps: int | None) -> tuple[float, int]:
    """Return the wall time and instance count of `hop_naive` on every instance."""
    maps = itertools.islice(itertools.product(range(n), repeat=n), max_maps)
    instances = 0
    checksum = 0  # summing the results uses each one, as storing them would
    start = time.perf_counter()
    for f in maps:
        for x in range(n):
            for k in range(max_hops + 1):
                checksum += hop_naive(f, k, x)
        instances += n * (max_hops + 1)
    elapsed = time.perf_counter() - start
    return elapsed, instances


def time_walk(n: int, max_hops: int, max_maps: int | None) -> tuple[float, int]:
    """Return the wall time and instance count of one recorded walk per (f, x)."""
    maps = itertools.islice(itertools.product(range(n), repeat=n), max_maps)
    instances = 0
    checksum = 0
    start = time.perf_counter()
    for f in maps:
        for x in range(n):
            token = x
            walk = [token]
            for _ in range(max_hops):
                token = f[token]
                walk.append(token)
            checksum += walk[-1]
        instances += n * (max_hops + 1)
    elapsed = time.perf_counter() - start
    return elapsed, instances


def describe_machine() -> str:
    """Return the CPU model, core count and library versions as one line."""
    model = platform.processor() or "unknown CPU"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as cpuinfo:
            for line in cpuinfo:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return (
        f"{model}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"NumPy {np.__version__}, {platform.system()} {platform.machine()}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes",
        type=int,
        nargs="+",
        default=[6, 7],
        help="token counts n to measure (default 6 7)",
    )
    parser.add_argument("--max-hops", type=int, default=8, help="largest hop count k (default 8)")
    parser.add_argument(
        "--repeats", type=int, default=5, help="runs of the NumPy enumeration per n (default 5)"
    )
    parser.add_argument(
        "--naive-max-maps",
        type=int,
        default=None,
        help="time the pure-Python loops on only the first this many maps of each n (default: all)",
    )
    args = parser.parse_args()
    if args.repeats < 1:
        parser.error(f"--repeats {args.repeats} is invalid; it must be at least 1")
    if args.max_hops < 0:
        parser.error(f"--max-hops {args.max_hops} is invalid; it must be at least 0")
    invalid_sizes = [n for n in args.sizes if not 1 <= n <= 7]
    if invalid_sizes:
        parser.error(
            f"--sizes: {invalid_sizes} invalid; each n must be in 1..7 "
            "because all_pointer_maps enumerates at most 10^7 maps"
        )

    print(f"Machine: {describe_machine()}")
    print(f"Hop counts 0..{args.max_hops}; NumPy repeats: {args.repeats}")
    print()
    print(
        "| n | instances | numpy best (s) | numpy median (s) | numpy inst/s | naive inst/s | "
        "walk inst/s | numpy / naive | numpy / walk |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    for n in args.sizes:
        numpy_times = time_numpy(n, args.max_hops, args.repeats)
        numpy_median = statistics.median(numpy_times)
        instances = n**n * n * (args.max_hops + 1)
        numpy_rate = instances / numpy_median
        naive_time, naive_instances = time_naive(n, args.max_hops, args.naive_max_maps)
        naive_rate = naive_instances / naive_time
        walk_time, walk_instances = time_walk(n, args.max_hops, args.naive_max_maps)
        walk_rate = walk_instances / walk_time
        print(
            f"| {n} | {instances:,} | {min(numpy_times):.3f} | {numpy_median:.3f} | "
            f"{numpy_rate:,.0f} | {naive_rate:,.0f} | {walk_rate:,.0f} | "
            f"{numpy_rate / naive_rate:,.0f}× | {numpy_rate / walk_rate:,.0f}× |"
        )
        if naive_instances != instances:
            print(f"  (pure-Python loops timed on {naive_instances:,} of {instances:,} instances)")

if __name__ == "__main__":
    main()
