"""Command-line entry point `cachedepth`: the one module that wires all layers together."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from .build.driver import BuildReport, build_library
from .build.modules import ModuleGraphError, discover_modules, import_graph
from .checks import CheckLimits, EnumerationTooLarge, UnknownStatementError, run_checks
from .extraction import DEFINITION, OPEN, PROVED, extract_statements, statements_document
from .reports import format_check_table, format_statement_table, write_json
from .toolchain import ToolchainError, detect_toolchain


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def find_root(start: Path) -> Path:
    """Return the nearest folder at or above `start` that contains `lakefile.lean` and `CacheDepth.lean`."""
    for folder in [start.resolve(), *start.resolve().parents]:
        if (folder / "lakefile.lean").is_file() and (folder / "CacheDepth.lean").is_file():
            return folder
    raise ToolchainError(
        f"no CacheDepth checkout at or above {start}: expected lakefile.lean and CacheDepth.lean. "
        "Run the command inside the repository or pass --root."
    )


def _build(args: argparse.Namespace, root: Path):
    import_graph(discover_modules(root))  # reports a missing import or a cycle before Lean starts
    toolchain = detect_toolchain(root)
    say(f"Lean {toolchain.info.describe()}")
    started = time.monotonic()
    report = build_library(root, toolchain, jobs=args.jobs, progress=say)
    failed = [n for n, s in report.statuses.items() if s not in ("built", "cached")]
    say(f"build: {len(report.statuses) - len(failed)}/{len(report.statuses)} modules ok "
        f"in {time.monotonic() - started:.0f} s")
    return toolchain, report


def _extract(root: Path, toolchain, report: BuildReport, output: Path):
    if report.ok:
        say("extracting statements (one Lean run over the whole library unless cached) …")
    statements, problems, probe_errors = extract_statements(
        root, toolchain, report.search_path, report.diagnostics,
        root / ".cachedepth" / "extract", elaborate=report.ok,
    )
    for error in probe_errors:
        say(error.format())
    document = statements_document(statements, problems, toolchain.info.describe())
    write_json(output / "statements.json", document)
    return statements, problems, probe_errors, document


def command_build(args: argparse.Namespace, root: Path) -> int:
    _, report = _build(args, root)
    return 0 if report.ok else 1


def command_statements(args: argparse.Namespace, root: Path) -> int:
    toolchain, report = _build(args, root)
    statements, problems, probe_errors, _ = _extract(root, toolchain, report, args.output)
    shown = [s for s in statements
             if (not args.module or s.module == args.module or s.module.startswith(args.module + "."))
             and (not args.status or s.status == args.status)]
    print(format_statement_table(shown, show_statement=not args.brief))
    for problem in problems:
        print(problem.format())
    say(f"wrote {args.output / 'statements.json'}")
    return 0 if report.ok and not problems and not probe_errors else 1


def command_check(args: argparse.Namespace, root: Path) -> int:
    limits = CheckLimits(max_n=args.max_n)
    toolchain, report = _build(args, root)
    statements, problems, probe_errors, document = _extract(root, toolchain, report, args.output)

    say(f"running numerical checks (pointer maps up to n = {limits.max_n}) …")
    results = run_checks([s.name for s in statements], limits, progress=say)
    failed_checks = [r for r in results if not r.passed]

    from .errorscaling import write_error_scaling_report
    say("computing the exact oblivious and adaptive success probabilities (error scaling) …")
    error_scaling = write_error_scaling_report(args.output, limits)

    from .upper import check_limits, write_upper_bound_report
    upper_bound = write_upper_bound_report(args.output, check_limits(limits.max_n), progress=say)

    print(format_check_table(results))
    for problem in problems:
        print(problem.format())
    # Formula failures are printed on their own lines and recorded in check-report.json,
    # but they do not change the verdict.
    print("\n" + error_scaling.table())
    for line in error_scaling.lines():
        print(line)
    print()
    for line in upper_bound.summary_lines():
        print(line)
    counts = document["counts"]
    ok = report.ok and not problems and not probe_errors and not failed_checks and upper_bound.ok
    print(
        f"\ntoolchain: {toolchain.info.describe()}\n"
        f"build: {'ok' if report.ok else 'FAILED'}; statements: {counts[PROVED]} proved, "
        f"{counts[OPEN]} open, {counts[DEFINITION]} definitions; audit problems: {len(problems)}; "
        f"checks: {len(results) - len(failed_checks)} passed, {len(failed_checks)} failed\n"
        f"verdict: {'OK' if ok else 'FAILED'}"
    )

    write_json(args.output / "check-report.json", {
        "schema_version": 1,
        "ok": ok,
        "toolchain": toolchain.info.describe(),
        "build": report.to_json(),
        "statement_counts": counts,
        "open_statements": [s.name for s in statements if s.status == OPEN],
        "problems": document["problems"],
        "probe_errors": [d.to_json() for d in probe_errors],
        "limits": {"max_n": limits.max_n, "max_hops": limits.max_hops, "max_value": limits.max_value},
        "checks": [r.to_json() for r in results],
        "error_scaling": error_scaling.to_json(),
        "upper_bound": {"ok": upper_bound.ok, "file": upper_bound.json_path.name,
                        "summary": upper_bound.document["summary"]},
    })
    say(f"wrote {args.output / 'check-report.json'} and {args.output / 'statements.json'}")
    say(f"wrote {', '.join(str(path) for path in error_scaling.files)}")
    return 0 if ok else 1


def command_site(args: argparse.Namespace, root: Path) -> int:
    from .site.command import run_site_command
    return run_site_command(args, root, _build, _extract)


def command_dojo(args: argparse.Namespace, root: Path) -> int:
    from .dojo.command import run_dojo_command
    return run_dojo_command(args, root)


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(
        prog="cachedepth",
        description="Build the CacheDepth Lean library, extract its statements and check them numerically.",
    )
    top.add_argument("--root", type=Path, default=None, help="repository root (default: found from the current folder)")
    sub = top.add_subparsers(dest="command", required=True)

    def common(p: argparse.ArgumentParser) -> None:
        p.add_argument("--jobs", type=int, default=None, help="modules compiled in parallel (default: number of cores)")
        p.add_argument("--output", type=Path, default=Path("reports"), help="folder for JSON reports (default: reports)")

    common(sub.add_parser("build", help="compile the Lean library"))
    statements = sub.add_parser("statements", help="build, then list every declaration with its status")
    common(statements)
    statements.add_argument("--module", help="only this module (or its submodules), e.g. CacheDepth.Bounds")
    statements.add_argument("--status", choices=[PROVED, OPEN, DEFINITION], help="only this status")
    statements.add_argument("--brief", action="store_true", help="omit the elaborated statements")
    check = sub.add_parser("check", help="build, extract, audit and run every numerical check")
    common(check)
    check.add_argument("--max-n", type=int, default=6, help="largest token count n for exhaustive pointer-map checks (default 6, at most 7)")
    site = sub.add_parser("site", help="build, extract, then write the static HTML site of the statements")
    common(site)
    from .site.command import add_site_arguments
    add_site_arguments(site)
    from .dojo.command import add_dojo_arguments
    add_dojo_arguments(sub.add_parser("dojo", help="export LeanDojo theorem records, then build lean_dojo.Theorem objects"))
    from .explore.command import add_explore_parser
    add_explore_parser(sub)
    return top


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if args.command == "explore":  # needs no checkout and starts no Lean process
        from .explore.command import run_explore
        return run_explore(args)
    try:
        root = args.root.resolve() if args.root else find_root(Path.cwd())
        if not args.output.is_absolute():
            args.output = Path.cwd() / args.output
        handler = {"build": command_build, "statements": command_statements, "check": command_check,
                   "site": command_site, "dojo": command_dojo}[args.command]
        return handler(args, root)
    except (ToolchainError, ModuleGraphError, EnumerationTooLarge, UnknownStatementError) as error:
        say(f"error: {error}")
        return 2
    except KeyboardInterrupt:
        say("interrupted; completed modules are kept, unfinished ones will be rebuilt")
        return 130


if __name__ == "__main__":
    sys.exit(main())
