"""What every import file shares: a header to check, rows numbered as in the file, one id per row."""

from __future__ import annotations

import csv
import io
from typing import Callable, Sequence, TypeVar

T = TypeVar("T")

BOOLEANS = {"true": True, "false": False, "1": True, "0": False, "yes": True, "no": False}


class ImportRejected(ValueError):
    """A CSV file that cannot be imported; `row` is the 1-based line number in the file."""

    def __init__(self, row: int, reason: str) -> None:
        super().__init__(f"row {row}: {reason}")
        self.row = row
        self.reason = reason


def parse_rows(text: str, columns: Sequence[str], id_column: str, build: Callable[[int, dict[str, str]], T]) -> list[T]:
    """Build a record from every non-blank row; refuse the whole file on the first bad one."""
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    header = [h.strip() for h in reader.fieldnames or []]
    missing = [c for c in columns if c not in header]
    if missing:
        raise ImportRejected(1, f"missing column(s): {', '.join(missing)}")
    reader.fieldnames = header
    records: list[T] = []
    seen: dict[str, int] = {}
    for record in reader:
        row = reader.line_num
        if None in record:
            raise ImportRejected(row, "more fields than the header has")
        values = {key: (value or "").strip() for key, value in record.items()}
        if not any(values.values()):
            continue
        built = build(row, values)
        if values[id_column] in seen:
            raise ImportRejected(
                row, f"duplicate {id_column} {values[id_column]!r} (first on row {seen[values[id_column]]})"
            )
        seen[values[id_column]] = row
        records.append(built)
    if not records:
        raise ImportRejected(1, "the file has no rows")
    return records
