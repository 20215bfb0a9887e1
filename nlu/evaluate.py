"""`python -m nlu.evaluate`: score the parser on labelled messages, the cases tuned on and the held-out ones."""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, TextIO

from backend.catalog import read_catalog_csv
from nlu.catalog_index import CatalogIndex
from nlu.model import OrderParse
from nlu.parser import parse_order
from nlu.splits import DEV, HOLDOUT, split_of
from nlu.text import catalog_words

ORDER_INTENTS = frozenset({"place_order", "check_price"})


def counts_for_orders(case: dict[str, Any]) -> bool:
    """Only order and price messages, or cases labelled with items, are scored."""
    return case.get("intent") in ORDER_INTENTS or bool(
        case.get("lines") or case.get("ambiguous") or case.get("unknown")
    )


@dataclass
class Score:
    """Running totals over scored cases."""

    cases: int = 0
    exact: int = 0
    line_true: int = 0
    line_predicted: int = 0
    line_expected: int = 0
    wrong_lines: int = 0
    ambiguous_expected: int = 0
    ambiguous_asked: int = 0
    ambiguous_guessed: int = 0
    unknown_expected: int = 0
    unknown_flagged: int = 0
    price_expected: int = 0
    price_answered: int = 0
    # The words of an unknown phrase; Chinese phrases are segmented first, as their catalog's reader does.
    phrase_words: Callable[[str], list[str]] = catalog_words
    failures: list[tuple[dict[str, Any], OrderParse]] = field(default_factory=list)

    def add(self, case: dict[str, Any], parse: OrderParse) -> None:
        """Compare one parse with its labels."""
        self.cases += 1
        expected = Counter((line["sku"], int(line["quantity"])) for line in case.get("lines", []))
        predicted = Counter((line.sku, line.quantity) for line in parse.lines)
        self.line_true += sum((expected & predicted).values())
        self.line_expected += sum(expected.values())
        self.line_predicted += sum(predicted.values())
        expected_skus = {sku for sku, _ in expected}
        candidate_skus = {sku for group in case.get("ambiguous", []) for sku in group}
        self.wrong_lines += sum(
            1 for line in parse.lines if line.sku not in expected_skus and line.sku not in candidate_skus
        )
        ambiguous_ok = True
        asked_sets = [set(item.candidates) for item in parse.ambiguous if item.reason == "product"]
        for group in case.get("ambiguous", []):
            self.ambiguous_expected += 1
            wanted = set(group)
            if any(asked & wanted for asked in asked_sets):
                self.ambiguous_asked += 1
            elif any(line.sku in wanted for line in parse.lines):
                self.ambiguous_guessed += 1
            if wanted not in asked_sets:
                ambiguous_ok = False
        if len(asked_sets) != len(case.get("ambiguous", [])):
            ambiguous_ok = False
        unknown_phrases = [set(self.phrase_words(item.phrase)) for item in parse.unknown]
        for phrase in case.get("unknown", []):
            self.unknown_expected += 1
            words = set(self.phrase_words(phrase))
            if any(words & flagged for flagged in unknown_phrases):
                self.unknown_flagged += 1
        unknown_ok = len(parse.unknown) == len(case.get("unknown", []))
        quantity_questions = [item for item in parse.ambiguous if item.reason != "product"]
        asked_prices = sorted(sorted(item.candidates) for item in parse.price_questions)
        wanted_prices = sorted(sorted(group) for group in case.get("price_questions", []))
        self.price_expected += len(wanted_prices)
        self.price_answered += sum(1 for group in wanted_prices if group in asked_prices)
        prices_ok = asked_prices == wanted_prices
        if expected == predicted and ambiguous_ok and unknown_ok and prices_ok and not quantity_questions:
            self.exact += 1
        else:
            self.failures.append((case, parse))

    def figures(self) -> dict[str, float]:
        """The headline rates."""
        precision = self.line_true / self.line_predicted if self.line_predicted else 1.0
        recall = self.line_true / self.line_expected if self.line_expected else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return {
            "cases": float(self.cases),
            "case_exact": self.exact / self.cases if self.cases else 1.0,
            "line_precision": precision,
            "line_recall": recall,
            "line_f1": f1,
            "wrong_line_rate": self.wrong_lines / self.line_predicted if self.line_predicted else 0.0,
            "ambiguous_asked": self.ambiguous_asked / self.ambiguous_expected if self.ambiguous_expected else 1.0,
            "ambiguous_guessed": self.ambiguous_guessed / self.ambiguous_expected if self.ambiguous_expected else 0.0,
            "unknown_flagged": self.unknown_flagged / self.unknown_expected if self.unknown_expected else 1.0,
            "price_questions": self.price_answered / self.price_expected if self.price_expected else 1.0,
        }


def evaluate(cases: Iterable[dict[str, Any]], index: CatalogIndex) -> dict[str, Score]:
    """Score every order case by split (`dev`, `holdout`) and over all of them (`whole`)."""
    chinese = index.chinese
    words = catalog_words if chinese is None else lambda phrase: catalog_words(chinese.spaced(phrase, pinyin=False))
    scores = {split: Score(phrase_words=words) for split in (DEV, HOLDOUT, "whole")}
    for case in cases:
        if counts_for_orders(case):
            parse = parse_order(str(case["text"]), index)
            scores[split_of(str(case["id"]))].add(case, parse)
            scores["whole"].add(case, parse)
    return scores


def _report(name: str, score: Score, out: TextIO) -> None:
    figures = score.figures()
    out.write(f"== {name}: {score.cases} order cases\n")
    for key in (
        "case_exact",
        "line_precision",
        "line_recall",
        "line_f1",
        "wrong_line_rate",
        "ambiguous_asked",
        "ambiguous_guessed",
        "unknown_flagged",
        "price_questions",
    ):
        out.write(f"  {key:<18} {figures[key]:.3f}\n")


def _failures(score: Score, out: TextIO) -> None:
    for case, parse in score.failures:
        out.write(f"-- {case['id']} {case['text']!r}\n")
        out.write(f"   expected lines={case.get('lines', [])} ambiguous={case.get('ambiguous', [])} ")
        out.write(f"unknown={case.get('unknown', [])}\n")
        if case.get("price_questions"):
            out.write(f"   expected price_questions={case['price_questions']}\n")
        got = parse.to_json()
        out.write(f"   got      lines={got['lines']} ambiguous={got['ambiguous']} unknown={got['unknown']}")
        out.write(f" price_questions={got['price_questions']}\n" if got["price_questions"] else "\n")


def failure_classes(case: dict[str, Any], parse: OrderParse) -> set[str]:
    """The kinds of miss in one failing case: enough to aim a general rule without reading the message."""
    expected = {line["sku"]: int(line["quantity"]) for line in case.get("lines", [])}
    got = {line.sku: line.quantity for line in parse.lines}
    groups = [set(group) for group in case.get("ambiguous", [])]
    asked = [set(item.candidates) for item in parse.ambiguous if item.reason == "product"]
    found: set[str] = set()
    for sku, quantity in expected.items():
        if sku not in got:
            found.add("line asked instead" if any(sku in group for group in asked) else "line missed")
        elif got[sku] != quantity:
            found.add("wrong quantity")
    if any(sku not in expected and not any(sku in group for group in groups) for sku in got):
        found.add("wrong product")
    for group in groups:
        if any(sku in group for sku in got):
            found.add("guessed, not asked")
        elif not any(group & candidates for candidates in asked):
            found.add("question missed")
        elif group not in asked:
            found.add("question, other choices")
    if len(asked) > len(groups) and "line asked instead" not in found:
        found.add("needless question")
    if len(parse.unknown) < len(case.get("unknown", [])):
        found.add("unknown missed")
    elif len(parse.unknown) > len(case.get("unknown", [])):
        found.add("needless unknown")
    if sorted(map(sorted, case.get("price_questions", []))) != sorted(
        sorted(item.candidates) for item in parse.price_questions
    ):
        found.add("price question")
    found.update(f"{item.reason} question" for item in parse.ambiguous if item.reason != "product")
    return found or {"other"}


def _failure_classes(name: str, score: Score, out: TextIO) -> None:
    counts = Counter(kind for case, parse in score.failures for kind in failure_classes(case, parse))
    ranked = sorted(counts.items(), key=lambda pair: (-pair[1], pair[0]))
    out.write(f"{name:<22}" + ", ".join(f"{kind} {count}" for kind, count in ranked) + "\n")


MARKET_COLUMNS = (
    ("case_exact", "case exact"),
    ("line_f1", "line F1"),
    ("wrong_line_rate", "wrong lines"),
    ("ambiguous_asked", "ambiguity asked"),
    ("unknown_flagged", "unknowns flagged"),
    ("price_questions", "price questions"),
)


def markets(directory: Path) -> list[tuple[str, Path, Path]]:
    """Each `NAME_catalog.csv` with its `NAME_cases.jsonl` in a folder: one invented market."""
    found = []
    for catalog in sorted(directory.glob("*_catalog.csv")):
        cases = catalog.with_name(catalog.name.removesuffix("_catalog.csv") + "_cases.jsonl")
        if cases.exists():
            found.append((catalog.name.removesuffix("_catalog.csv"), catalog, cases))
    return found


def _read_cases(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def report_markets(directory: Path, held_out: set[str], show_failures: bool, out: TextIO) -> None:
    """One row of figures per market, every case scored; failures only of the markets not held out."""
    out.write(f"{'market':<22}{'cases':>6}" + "".join(f"{title:>18}" for _, title in MARKET_COLUMNS) + "\n")
    scored = []
    for name, catalog, cases in markets(directory):
        score = evaluate(_read_cases(cases), CatalogIndex.build(read_catalog_csv(catalog)))["whole"]
        figures = score.figures()
        label = f"{name} (held out)" if name in held_out else name
        out.write(f"{label:<22}{score.cases:>6}" + "".join(f"{figures[key]:>18.3f}" for key, _ in MARKET_COLUMNS))
        out.write("\n")
        scored.append((name, score))
    out.write("kinds of miss (failing cases; one case may have several)\n")
    for name, score in scored:
        _failure_classes(name, score, out)
    if show_failures:
        for name, score in scored:
            if name not in held_out:
                out.write(f"== failures: {name}\n")
                _failures(score, out)


def main(argv: list[str] | None = None) -> int:
    """Print the figures for the chosen split, then the failing cases of that split."""
    parser = argparse.ArgumentParser(prog="python -m nlu.evaluate", description=__doc__)
    parser.add_argument("--catalog", type=Path)
    parser.add_argument("--cases", type=Path)
    parser.add_argument("--markets", type=Path, help="a folder of NAME_catalog.csv + NAME_cases.jsonl: a row each")
    parser.add_argument("--held-out", default="", help="comma-separated markets whose failures are never shown")
    parser.add_argument(
        "--split",
        choices=(DEV, HOLDOUT, "all", "whole"),
        default="all",
        help="`all` reports both halves; `whole` scores every case as one set (a catalog not tuned on)",
    )
    parser.add_argument("--failures", choices=("show", "hide"), default="show")
    args = parser.parse_args(argv)
    if args.markets is not None:
        held_out = {name.strip() for name in args.held_out.split(",") if name.strip()}
        report_markets(args.markets, held_out, args.failures == "show", sys.stdout)
        return 0
    if args.catalog is None or args.cases is None:
        parser.error("--catalog and --cases, or --markets")
    scores = evaluate(_read_cases(args.cases), CatalogIndex.build(read_catalog_csv(args.catalog)))
    chosen = [DEV, HOLDOUT] if args.split == "all" else [args.split]
    for name in chosen:
        _report(name, scores[name], sys.stdout)
    if args.failures == "show":
        for name in chosen:
            _failures(scores[name], sys.stdout)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
