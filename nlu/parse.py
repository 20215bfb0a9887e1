"""`python -m nlu.parse --catalog CSV`: one message per stdin line in, one parse as JSON per line out."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TextIO

from backend.catalog import read_catalog_csv
from nlu.catalog_index import CatalogIndex
from nlu.parser import parse_order


def message_from_line(line: str) -> str:
    """A line holding a JSON string is that string (so it may contain newlines); anything else is raw text."""
    stripped = line.rstrip("\r\n")
    if stripped.startswith('"'):
        try:
            decoded = json.loads(stripped)
        except ValueError:
            return stripped
        if isinstance(decoded, str):
            return decoded
    return stripped


def run(index: CatalogIndex, source: TextIO, sink: TextIO) -> None:
    """Parse every input line in order, flushing each result so the tool works in a pipe."""
    for line in source:
        parse = parse_order(message_from_line(line), index)
        sink.write(json.dumps(parse.to_json(), ensure_ascii=False) + "\n")
        sink.flush()


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(prog="python -m nlu.parse", description=__doc__)
    parser.add_argument("--catalog", required=True, type=Path, help="catalog CSV in the contract's format")
    args = parser.parse_args(argv)
    index = CatalogIndex.build(read_catalog_csv(args.catalog))
    run(index, sys.stdin, sys.stdout)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
