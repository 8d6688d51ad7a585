"""`cachedepth dojo`: export the theorem records, then build `lean_dojo.Theorem` objects."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..fileio import write_atomically
from ..gitinfo import repository_info
from .bridge import build_theorems, missing_requirements
from .records import theorem_records


def _say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def add_dojo_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--output", type=Path, default=Path("reports"),
                        help="folder for dojo-theorems.json (default: reports)")
    parser.add_argument("--export-only", action="store_true",
                        help="only write the records; do not import lean_dojo")


def write_records(path: Path, records: list) -> Path:
    """Write the records as a JSON list, the layout of LeanDojo Benchmark files."""
    write_atomically(path, json.dumps([r.to_json() for r in records], indent=2, ensure_ascii=False) + "\n")
    return path


def run_dojo_command(args: argparse.Namespace, root: Path) -> int:
    """Run `cachedepth dojo`. Returns 0 on success, 2 when LeanDojo cannot run here."""
    repository = repository_info(root)
    records = theorem_records(root, repository)
    path = write_records(args.output / "dojo-theorems.json", records)
    _say(f"wrote {len(records)} theorem records to {path}")
    if repository.dirty and repository.commit:
        _say(f"warning: the checkout has uncommitted changes, but LeanDojo reads commit "
             f"{repository.commit[:12]}; positions of changed files may not match that commit")
    if args.export_only:
        return 0

    missing = missing_requirements(records)
    if missing:
        _say("error: cannot build lean_dojo.Theorem objects; missing: " + "; ".join(missing)
             + f". The records are in {path}; pass --export-only to skip this step.")
        return 2
    for theorem in build_theorems(records):
        print(theorem)
    return 0
