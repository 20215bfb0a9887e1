"""List every function longer than the limit (60 lines by default) outside the tests; exit 1 when there is one
(`make lint` runs it).

A function's length runs from its `def` (decorators aside) to its last line, docstring and comments included.
"""

from __future__ import annotations

import argparse
import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("actions", "backend", "bot", "i18n", "nlu", "rasa_server", "scripts")


def long_functions(path: Path, limit: int) -> list[tuple[int, str, int]]:
    """(line, qualified name, length) of each function in the file longer than `limit` lines."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: list[tuple[int, str, int]] = []

    def visit(node: ast.AST, scope: str) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)):
                name = f"{scope}{child.name}"
                length = (child.end_lineno or child.lineno) - child.lineno + 1
                if length > limit:
                    found.append((child.lineno, name, length))
                visit(child, f"{name}.")
            elif isinstance(child, ast.ClassDef):
                visit(child, f"{scope}{child.name}.")
            else:
                visit(child, scope)

    visit(tree, "")
    return found


def main(argv: list[str] | None = None) -> int:
    """Print each long function as `path:line name (N lines)`, longest first."""
    parser = argparse.ArgumentParser(prog="python scripts/check_lengths.py", description=__doc__)
    parser.add_argument("--limit", type=int, default=60, help="longest a function may be, in lines")
    parser.add_argument("paths", nargs="*", help="files or folders to read (default: the project's packages)")
    args = parser.parse_args(argv)
    roots = [Path(p) for p in args.paths] or [ROOT / name for name in PACKAGES]
    files = sorted(f for r in roots for f in ([r] if r.is_file() else r.rglob("*.py")) if "tests" not in f.parts)
    rows = [(length, f, line, name) for f in files for line, name, length in long_functions(f, args.limit)]
    for length, f, line, name in sorted(rows, key=lambda r: (-r[0], str(r[1]))):
        shown = f.resolve().relative_to(ROOT) if f.resolve().is_relative_to(ROOT) else f
        print(f"{shown}:{line} {name} ({length} lines)")
    if rows:
        print(f"{len(rows)} function(s) over {args.limit} lines", file=sys.stderr)
    return 1 if rows else 0


if __name__ == "__main__":
    sys.exit(main())
