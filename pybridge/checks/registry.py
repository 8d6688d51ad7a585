"""The registry that maps full Lean statement names to their numerical checkers."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from pybridge.checks.result import CheckLimits, CheckResult

Checker = Callable[[CheckLimits], CheckResult]


class UnknownStatementError(LookupError):
    """A registered checker names a Lean statement that the Lean sources no longer declare."""


class CheckerRegistry:
    """Checkers keyed by the full Lean name of the statement they check."""

    def __init__(self) -> None:
        self._checkers: dict[str, Checker] = {}

    def checker(self, statement: str) -> Callable[[Checker], Checker]:
        """Return a decorator that registers a checker for `statement`.

        Raises `ValueError` when `statement` already has a checker.
        """

        def register(function: Checker) -> Checker:
            if statement in self._checkers:
                existing = self._checkers[statement]
                existing_name = f"{existing.__module__}.{existing.__qualname__}"
                raise ValueError(
                    f"{statement} already has the checker {existing_name}; "
                    "remove one of the two registrations"
                )
            self._checkers[statement] = function
            return function

        return register

    def checker_for(self, statement: str) -> Checker:
        """Return the checker of `statement`; raises `KeyError` when there is none."""
        return self._checkers[statement]

    def registered_statements(self) -> list[str]:
        """Return the registered statement names in sorted order."""
        return sorted(self._checkers)

    def run_checks(
        self,
        known_statements: Iterable[str],
        limits: CheckLimits,
        progress: Callable[[str], None] | None = None,
    ) -> list[CheckResult]:
        """Run every registered checker in name order and return the results.

        Before any checker runs, raises `UnknownStatementError` when a registered name is
        missing from `known_statements`, the names the Lean sources declare. An exception
        raised by a checker propagates, because it is a bug in that checker. Limits that are
        too large raise `EnumerationTooLarge` earlier, when the `CheckLimits` is built.
        `progress` is called with each statement name before its checker runs.
        """
        known = set(known_statements)
        missing = [name for name in self.registered_statements() if name not in known]
        if missing:
            raise UnknownStatementError(
                f"{len(missing)} registered statement(s) are not declared in the Lean sources: "
                f"{', '.join(missing)}. A Lean declaration was renamed or removed; update the "
                "@checker name in pybridge/checks/ to match the Lean name."
            )

        results = []
        for name in self.registered_statements():
            if progress is not None:
                progress(name)
            result = self._checkers[name](limits)
            if result.statement != name:
                raise RuntimeError(
                    f"the checker registered for {name} returned a result for {result.statement}; "
                    "fix the statement name inside the checker"
                )
            results.append(result)
        return results


DEFAULT_REGISTRY = CheckerRegistry()
"""The registry that the checker modules of this package fill on import."""


def checker(statement: str) -> Callable[[Checker], Checker]:
    """Register the decorated function as the checker of `statement` in the default registry."""
    return DEFAULT_REGISTRY.checker(statement)


def registered_statements() -> list[str]:
    """Return the statement names of the default registry in sorted order."""
    return DEFAULT_REGISTRY.registered_statements()


def run_checks(
    known_statements: Iterable[str],
    limits: CheckLimits,
    progress: Callable[[str], None] | None = None,
) -> list[CheckResult]:
    """Run every checker of the default registry; see `CheckerRegistry.run_checks`."""
    return DEFAULT_REGISTRY.run_checks(known_statements, limits, progress)
