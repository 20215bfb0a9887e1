"""Catalog and store files: a bad file is refused with its row number and changes nothing."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from backend.database import PlatformDatabase, RequestedLine
from tests.backend.conftest import CATALOG_CSV, STORES_CSV

ROOT = Path(__file__).resolve().parents[2]
HEADER, *ROWS = CATALOG_CSV.strip().splitlines()
STORE_HEADER, *STORE_ROWS = STORES_CSV.strip().splitlines()


def run_backend(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run `python -m backend` as an operator would."""
    env = {**os.environ, "BACKEND_DB": str(db), "DEFAULT_REGION": "TZ"}
    return subprocess.run([sys.executable, "-m", "backend", *args], cwd=ROOT, env=env, capture_output=True, text=True)


def snapshot(db_path: Path) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    """Every catalog row and store row, to tell whether an import changed anything."""
    db = PlatformDatabase(db_path)
    try:
        return [tuple(i.to_json().values()) for i in db.catalog()], [
            tuple(s.to_json().values()) for s in db.stores_by_phone("+255712000103")
        ]
    finally:
        db.close()


def write(tmp_path: Path, name: str, lines: list[str]) -> Path:
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("lines", "row", "reason"),
    [
        (
            [HEADER.replace(",aliases", ""), *(r.replace(",zuri|cola", "") for r in ROWS[:1])],
            1,
            "missing column(s): aliases",
        ),
        ([HEADER, ROWS[0], ROWS[1].replace("960.50", "nine")], 3, "price must be a number"),
        ([HEADER, ROWS[0], ROWS[1].replace("960.50", "960.505")], 3, "price has more than 2 decimals"),
        ([HEADER, ROWS[0], ROWS[1], ROWS[0].replace("720.00", "700.00")], 4, "duplicate sku 'X100' (first on row 2)"),
        ([HEADER, ROWS[0], ROWS[2].replace(",bale,", ",sack-ish,")], 3, "unknown sell_unit 'sack-ish'"),
        ([HEADER, ROWS[0].replace(",50,1,true", ",-5,1,true")], 2, "stock must be at least 0"),
        ([HEADER, ROWS[0].replace(",true", ",maybe")], 2, "active must be true or false"),
    ],
)
def test_bad_catalog_file_is_refused_with_its_row_and_nothing_changes(
    tmp_path: Path, db_path: Path, lines: list[str], row: int, reason: str
) -> None:
    before = snapshot(db_path)
    result = run_backend(db_path, "import-catalog", str(write(tmp_path, "bad.csv", lines)))
    assert result.returncode == 1
    assert f"row {row}: {reason}" in result.stderr
    assert "nothing was changed" in result.stderr
    assert snapshot(db_path) == before


@pytest.mark.parametrize(
    ("lines", "row", "reason"),
    [
        ([STORE_HEADER, STORE_ROWS[0], STORE_ROWS[1].replace("+255712000102", "12345")], 3, "bad phone '12345'"),
        ([STORE_HEADER, STORE_ROWS[0].replace("Africa/Dar_es_Salaam", "Mars/Base")], 2, "unknown timezone"),
        ([STORE_HEADER, STORE_ROWS[0], STORE_ROWS[0]], 3, "duplicate store_id 'S1'"),
        (
            [STORE_HEADER.replace(",promo_opt_in", ""), STORE_ROWS[0].rsplit(",", 1)[0]],
            1,
            "missing column(s): promo_opt_in",
        ),
    ],
)
def test_bad_store_file_is_refused_with_its_row_and_nothing_changes(
    tmp_path: Path, db_path: Path, lines: list[str], row: int, reason: str
) -> None:
    before = snapshot(db_path)
    result = run_backend(db_path, "import-stores", str(write(tmp_path, "bad.csv", lines)))
    assert result.returncode == 1
    assert f"row {row}: {reason}" in result.stderr
    assert snapshot(db_path) == before


def test_reimport_updates_price_stock_and_active_state(tmp_path: Path, db_path: Path) -> None:
    changed = ROWS[0].replace("720.00", "750.00").replace(",50,1,true", ",0,1,false")
    result = run_backend(db_path, "import-catalog", str(write(tmp_path, "update.csv", [HEADER, changed])))
    assert result.returncode == 0, result.stderr
    db = PlatformDatabase(db_path)
    item = db.catalog_item("X100")
    assert (str(item.price), item.stock, item.active) == ("750.00", 0, False)
    assert len(db.catalog()) == 5
    db.close()


def test_store_phones_are_stored_in_e164_and_shared_phones_serve_several_stores(tmp_path: Path, db_path: Path) -> None:
    local_form = STORE_ROWS[0].replace("+255712000101", "0712 000 101|0754-000-111")
    assert (
        run_backend(db_path, "import-stores", str(write(tmp_path, "s.csv", [STORE_HEADER, local_form]))).returncode == 0
    )
    db = PlatformDatabase(db_path)
    assert db.store("S1").phones == ("+255712000101", "+255754000111")
    assert [s.store_id for s in db.stores_by_phone("+255712000103")] == ["S2", "S3"]
    db.close()


def test_import_does_not_override_a_stop_the_store_sent(tmp_path: Path, db_path: Path) -> None:
    db = PlatformDatabase(db_path)
    db.set_promo_consent("S1", False, "text")
    db.close()
    assert (
        run_backend(db_path, "import-stores", str(write(tmp_path, "s.csv", [STORE_HEADER, STORE_ROWS[0]]))).returncode
        == 0
    )
    db = PlatformDatabase(db_path)
    assert db.store("S1").promo_opt_in is False
    db.close()


def test_operator_moves_an_order_and_is_told_when_the_lifecycle_forbids_it(db_path: Path) -> None:
    db = PlatformDatabase(db_path)
    order, _ = db.create_order("S2", [RequestedLine("X100", 1)], "cli-move-0001")
    db.close()
    assert (
        f"order {order.order_id} is now confirmed"
        in run_backend(db_path, "order-status", order.order_id, "confirmed").stdout
    )
    moved = run_backend(db_path, "order-status", order.order_id, "delivered")
    assert moved.returncode == 1
    assert "cannot go from confirmed to delivered" in moved.stderr


def _encoded(lines: list[str], encoding: str) -> bytes:
    return ("\n".join(lines) + "\n").encode(encoding)


@pytest.mark.parametrize(
    ("command", "data", "row", "reason"),
    [
        (
            "import-catalog",
            _encoded([HEADER, ROWS[0], ROWS[1].replace("PET", "PET café")], "latin-1"),
            3,
            "not UTF-8 (byte 0xe9",
        ),
        ("import-catalog", _encoded([HEADER, *ROWS], "utf-16"), 1, "not UTF-8 (byte 0xff, the line's byte 1)"),
        ("import-catalog", _encoded([HEADER, ROWS[0].replace("X100", "X1\0")], "utf-8"), 2, "a NUL character"),
        ("import-stores", _encoded([STORE_HEADER, STORE_ROWS[0].replace("One", "Åsa")], "cp1252"), 2, "not UTF-8"),
        ("import-stores", b"\0" + _encoded([STORE_HEADER, STORE_ROWS[0]], "utf-8"), 1, "a NUL character"),
        ("import-stores", _encoded([STORE_HEADER, STORE_ROWS[0] + ',"' + "x" * 200_000], "utf-8"), 2, "not a CSV row"),
    ],
    ids=["latin-1", "utf-16", "nul-in-a-row", "cp1252", "nul-first", "runaway-quote"],
)
def test_file_that_is_not_utf8_text_is_refused_with_its_row_and_nothing_changes(
    tmp_path: Path, db_path: Path, command: str, data: bytes, row: int, reason: str
) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes(data)
    before = snapshot(db_path)
    result = run_backend(db_path, command, str(path))
    assert result.returncode == 1, result.stderr
    assert f"row {row}: {reason}" in result.stderr
    assert "nothing was changed" in result.stderr and "Traceback" not in result.stderr
    assert snapshot(db_path) == before


def test_file_with_a_utf8_byte_order_mark_imports(tmp_path: Path, db_path: Path) -> None:
    path = tmp_path / "excel.csv"
    path.write_bytes(_encoded([HEADER, ROWS[0]], "utf-8-sig"))
    assert run_backend(db_path, "import-catalog", str(path)).returncode == 0
