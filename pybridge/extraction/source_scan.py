"""Read declarations out of Lean source text.

This is a line-based scanner for the style this project's files follow: each declaration
starts at column 0 (after an optional docstring and attributes), and `namespace`/`section`/
`end` lines structure the file. It records what the elaborator does not report directly:
docstrings, source positions, the declaration's own text (to find `sorry`,
`native_decide` and references to other declarations), and the namespace.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

KINDS = ("theorem", "lemma", "def", "abbrev", "structure", "class", "inductive", "instance", "axiom", "opaque")
DEFINITION_KINDS = frozenset({"def", "abbrev", "structure", "class", "inductive", "instance", "opaque"})
_MODIFIERS = r"(?:@\[[^\]]*\]\s*)*(?:(?:private|protected|noncomputable|public|partial|unsafe|nonrec|meta)\s+)*"
_DECLARATION = re.compile(rf"^{_MODIFIERS}({'|'.join(KINDS)})\s+([^\s:({{\[]+)?")
_COMMAND = re.compile(
    r"^(?:@\[[^\]]*\]\s*)*(?:public\s+|noncomputable\s+|private\s+)*"
    r"(namespace|section|end|variable|open|universe|set_option|#|example|attribute|/-!|/--)"
)
_STATUS_OPEN = re.compile(r"^\s*Status:\s*open\b", re.MULTILINE)
IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_'!?]*(?:\.[A-Za-z_][A-Za-z0-9_'!?]*)*")


@dataclass
class SourceDeclaration:
    """A declaration as written in a source file. `line` and `column` locate its name."""

    name: str
    short_name: str
    kind: str
    module: str
    file: str
    line: int
    column: int
    end_line: int
    docstring: str | None
    text: str
    code: str = field(repr=False, default="")

    @property
    def tagged_open(self) -> bool:
        return bool(self.docstring and _STATUS_OPEN.search(self.docstring))

    @property
    def is_definition(self) -> bool:
        return self.kind in DEFINITION_KINDS

    @property
    def uses_sorry(self) -> bool:
        return re.search(r"\bsorry\b", self.code) is not None

    @property
    def uses_native_decide(self) -> bool:
        return re.search(r"\bnative_decide\b", self.code) is not None

    def identifiers(self) -> set[str]:
        """Identifiers that occur in the declaration's code, comments removed."""
        return set(IDENTIFIER.findall(self.code))


def strip_comments(text: str) -> str:
    """Remove `--` line comments and (nested) `/- … -/` block comments, keeping newlines."""
    out, depth, i = [], 0, 0
    while i < len(text):
        two = text[i:i + 2]
        if depth == 0 and two == "--":
            end = text.find("\n", i)
            i = len(text) if end == -1 else end
            continue
        if two == "/-":
            depth += 1
            i += 2
            continue
        if depth and two == "-/":
            depth -= 1
            i += 2
            continue
        if depth == 0 or text[i] == "\n":
            out.append(text[i])
        i += 1
    return "".join(out)


def _docstring_before(lines: list[str], index: int) -> tuple[str | None, int]:
    """Return the docstring that ends just above line `index` and the line where it starts."""
    j = index - 1
    while j >= 0 and lines[j].startswith("@["):
        j -= 1
    if j < 0 or not lines[j].rstrip().endswith("-/"):
        return None, index
    start = j
    while start >= 0 and "/--" not in lines[start]:
        if "/-" in lines[start] and start != j:
            return None, index
        start -= 1
    if start < 0:
        return None, index
    block = "\n".join(lines[start:j + 1]).strip()
    body = block[block.index("/--") + 3:]
    body = body[: body.rindex("-/")]
    return body.strip(), start


def scan_declarations(text: str, module: str, file: str) -> list[SourceDeclaration]:
    """Return the declarations of one Lean file, in source order, with full names."""
    lines = text.splitlines()
    namespaces: list[tuple[str, list[str]]] = []  # (kind, name parts)
    starts: list[tuple[int, re.Match, list[str]]] = []
    boundaries: list[int] = []
    in_block_comment = 0
    for index, line in enumerate(lines):
        # Comment and docstring text is skipped, so that a docstring line starting with a
        # keyword (say "instance `(f, x)`") is not read as a declaration.
        if in_block_comment:
            in_block_comment += line.count("/-") - line.count("-/")
            continue
        if line.lstrip().startswith("/-"):
            if line.startswith("/--") or line.startswith("/-!"):
                boundaries.append(index)
            in_block_comment = max(0, line.count("/-") - line.count("-/"))
            continue
        stripped = line.strip()
        words = stripped.split()
        match = _DECLARATION.match(line)
        if match:
            current = [p for _, parts in namespaces for p in parts]
            starts.append((index, match, current))
            boundaries.append(index)
            continue
        if _COMMAND.match(line):
            boundaries.append(index)
        if not words:
            continue
        if words[0] == "namespace" and len(words) > 1:
            namespaces.append(("namespace", words[1].split(".")))
        elif "section" in words[:4] and not stripped.startswith("--"):
            namespaces.append(("section", []))
        elif words[0] == "end":
            if namespaces:
                namespaces.pop()
    boundaries.append(len(lines))

    declarations = []
    for index, match, current in starts:
        kind, raw_name = match.group(1), match.group(2)
        if raw_name is None:
            raw_name = f"instance_at_line_{index + 1}"
        if raw_name.startswith("_root_."):
            full = raw_name[len("_root_."):]
        else:
            full = ".".join([*current, raw_name])
        end = min(b for b in boundaries if b > index)
        while end - 1 > index and (not lines[end - 1].strip() or lines[end - 1].startswith("/--")
                                   or lines[end - 1].rstrip().endswith("-/")):
            end -= 1
        body = "\n".join(lines[index:end])
        docstring, _ = _docstring_before(lines, index)
        column = match.start(2) if match.group(2) else match.start(1)
        declarations.append(SourceDeclaration(
            name=full, short_name=raw_name, kind=kind, module=module, file=file,
            line=index + 1, column=column, end_line=end, docstring=docstring,
            text=body, code=strip_comments(body),
        ))
    return declarations
