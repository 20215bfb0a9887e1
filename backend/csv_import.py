"""What every import file shares: a header to check, rows numbered as in the file, one id per row."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any, Callable, Iterator, Sequence, TypeVar

T = TypeVar("T")

BOOLEANS = {"true": True, "false": False, "1": True, "0": False, "yes": True, "no": False}


class ImportRejected(ValueError):
    """A CSV file that cannot be imported; `row` is the 1-based line number in the file."""

    def __init__(self, row: int, reason: str) -> None:
        super().__init__(f"row {row}: {reason}")
        self.row = row
        self.reason = reason


def decode_csv(data: bytes) -> str:
    """A file's bytes as text; a file that is not UTF-8 is refused at the line of its first byte that is not."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line_start = data.rfind(b"\n", 0, exc.start) + 1
        row = data.count(b"\n", 0, exc.start) + 1
        raise ImportRejected(
            row,
            f"not UTF-8 (byte 0x{data[exc.start]:02x}, the line's byte {exc.start - line_start + 1}); "
            "save the file as CSV UTF-8",
        ) from None


def read_csv_file(path: str | Path) -> str:
    """Read an import file as UTF-8 text (a byte order mark is allowed)."""
    return decode_csv(Path(path).read_bytes())


def parse_rows(text: str, columns: Sequence[str], id_column: str, build: Callable[[int, dict[str, str]], T]) -> list[T]:
    """Build a record from every non-blank row; refuse the whole file on the first bad one."""
    nul = text.find("\0")
    if nul >= 0:
        raise ImportRejected(text.count("\n", 0, nul) + 1, "a NUL character: this is not a text file")
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    try:
        fieldnames = reader.fieldnames
    except csv.Error as exc:
        raise ImportRejected(1, f"not a CSV file: {exc}") from None
    header = [h.strip() for h in fieldnames or []]
    missing = [c for c in columns if c not in header]
    if missing:
        raise ImportRejected(1, f"missing column(s): {', '.join(missing)}")
    reader.fieldnames = header
    records: list[T] = []
    seen: dict[str, int] = {}
    for record in _records(reader):
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


def _records(reader: csv.DictReader[str]) -> Iterator[dict[str | Any, str | Any]]:
    """The reader's records; what the csv module cannot read (a field past its size limit) is refused."""
    while True:
        try:
            yield next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            # line_num counts the lines of the records read before this one.
            raise ImportRejected(reader.line_num + 1, f"not a CSV row: {exc}") from None
