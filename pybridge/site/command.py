"""`cachedepth site`: build and extract like `cachedepth statements`, then write the site."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from ..build.modules import discover_modules
from .builder import build_site
from .errors import SiteError
from .evidence import load_check_evidence
from .snapshot import LibrarySnapshot
from .writer import check_site_target


def add_site_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--site-dir", type=Path, default=None,
                        help="folder to write the site to (default: OUTPUT/site, i.e. reports/site)")


def run_site_command(args: argparse.Namespace, root: Path, build: Callable, extract: Callable) -> int:
    """Run `cachedepth site`. `build` and `extract` are the CLI's own build and extraction
    steps, passed in so that this package does not import the CLI.

    The check report and the target folder are validated before the build starts, so bad
    input fails in seconds rather than after a Lean build. Returns the exit status: 0 when
    the build, extraction and audit are clean, 1 when the site was written but the build or
    audit failed, 2 when the site could not be written.
    """
    site_dir = (args.site_dir or args.output / "site").absolute()
    try:
        sources = [module.path for module in discover_modules(root).values()]
        evidence = load_check_evidence(args.output / "check-report.json", sources)
        check_site_target(site_dir)
        toolchain, report = build(args, root)
        statements, problems, probe_errors, _ = extract(root, toolchain, report, args.output)
        snapshot = LibrarySnapshot.from_extraction(
            root, statements, problems, toolchain.info.describe(), elaborated=report.ok)
        written = build_site(snapshot, evidence, site_dir)
    except SiteError as error:
        print(f"error: {error}", file=sys.stderr, flush=True)
        return 2
    print(f"wrote {written / 'index.html'}", file=sys.stderr, flush=True)
    if not evidence.exists:
        print(f"note: no check report at {evidence.path}; run `cachedepth check` for numerical evidence",
              file=sys.stderr, flush=True)
    elif evidence.stale:
        print(f"note: {evidence.path} is older than the Lean sources; run `cachedepth check` to refresh it",
              file=sys.stderr, flush=True)
    return 0 if report.ok and not problems and not probe_errors else 1
