"""The labelled dev messages: the tuning half must meet the bars; the held-out half is reported by evaluate."""

from __future__ import annotations

import io
import json
from pathlib import Path

from backend.catalog import read_catalog_csv
from nlu.catalog_index import CatalogIndex
from nlu.evaluate import evaluate, main, split_of


def test_dev_half_meets_the_accuracy_bars(shared_dir: Path) -> None:
    index = CatalogIndex.build(read_catalog_csv(shared_dir / "catalog" / "sample_catalog.csv"))
    lines = (shared_dir / "eval" / "dev_cases.jsonl").read_text(encoding="utf-8").splitlines()
    figures = evaluate([json.loads(line) for line in lines if line.strip()], index)["dev"].figures()
    assert figures["case_exact"] >= 0.90
    assert figures["line_f1"] >= 0.95
    assert figures["wrong_line_rate"] <= 0.01
    assert figures["ambiguous_asked"] >= 0.90
    assert figures["unknown_flagged"] >= 0.90


def test_holdout_split_is_stable_and_about_a_quarter() -> None:
    ids = [f"A{n:03d}" for n in range(1, 401)]
    held = [i for i in ids if split_of(i) == "holdout"]
    assert held == [i for i in ids if split_of(i) == "holdout"]
    assert 0.15 < len(held) / len(ids) < 0.35


def test_evaluate_command_prints_both_halves(shared_dir: Path, capsys: object) -> None:
    code = main(
        [
            "--catalog",
            str(shared_dir / "catalog" / "sample_catalog.csv"),
            "--cases",
            str(shared_dir / "eval" / "dev_cases.jsonl"),
            "--failures",
            "hide",
        ]
    )
    out = capsys.readouterr().out  # type: ignore[attr-defined]
    assert code == 0
    assert "== dev:" in out and "== holdout:" in out and "line_f1" in out


def test_parse_command_reads_json_strings_and_raw_lines(invented_index: CatalogIndex) -> None:
    from nlu.parse import run

    source = io.StringIO('"vimba 350ml 2 crates\\nrundu 5L 1"\nkorro grape 600ml 1 case\n\n')
    sink = io.StringIO()
    run(invented_index, source, sink)
    outputs = [json.loads(line) for line in sink.getvalue().splitlines()]
    assert [o["text"] for o in outputs] == ["vimba 350ml 2 crates\nrundu 5L 1", "korro grape 600ml 1 case", ""]
    assert [line["sku"] for line in outputs[0]["lines"]] == ["Q101", "Q116"]
    assert outputs[2] == {"text": "", "lines": [], "ambiguous": [], "unknown": [], "price_questions": []}


def test_a_market_held_out_shows_its_kinds_of_miss_but_never_a_message(tmp_path: Path, shared_dir: Path) -> None:
    from nlu.evaluate import report_markets

    (tmp_path / "m_catalog.csv").write_bytes((shared_dir / "catalog" / "sample_catalog.csv").read_bytes())
    guessed = {
        "id": "M1",
        "text": "ketepa 3",
        "intent": "place_order",
        "lines": [],
        "unknown": [],
        "ambiguous": [["TEA-KETEPA-50G-48", "TEA-KETEPA-100G-40"]],
    }
    missed = {
        "id": "M2",
        "text": "zzqx brand 4 ctn",
        "intent": "place_order",
        "unknown": [],
        "lines": [{"sku": "TEA-KETEPA-50G-48", "quantity": 4}],
        "ambiguous": [],
    }
    (tmp_path / "m_cases.jsonl").write_text("\n".join(json.dumps(case) for case in (guessed, missed)))
    out = io.StringIO()
    report_markets(tmp_path, {"m"}, show_failures=True, out=out)
    assert "line missed 1" in out.getvalue() and "needless unknown 1" in out.getvalue()
    assert "zzqx" not in out.getvalue() and "ketepa 3" not in out.getvalue()
