"""Intent accuracy on labelled messages (`rasa test nlu`), per market file, model load time and memory.

    .venv/bin/python scripts/eval_intents.py --cases ../shared/eval/dev_cases.jsonl \
        [--cases tests/nlu/data/other_market_cases.jsonl ...] [--markets tests/nlu/data] [--time-training]

Every file given with `--cases`, and every `*_cases.jsonl` in the `--markets` folder, is one market; all of
them go through one `rasa test nlu` run, so the model is loaded once. Per file: intent accuracy, the F1 of the
intents that are hardest to tell apart and how often each intent was read as another, as the running assistant
reads the market's messages: its order reader's component decides from their words against the market's own
catalog (`NAME_catalog.csv` beside the cases; the shared sample catalog for the dev file), where the test run read
them against the model's demo catalog; that run's figure is printed beside it. None of the labelled
messages is trained on; for the dev file, the held-out cases (`nlu/splits.py`, the split every evaluation
uses) are also reported, so the figure can be compared with runs that tune on the other cases. Files of
held-out markets (`kenya_fresh_*`, `philippines_*`, `china_*`) show figures only, never their messages,
so that no example is written from them.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from backend.catalog import read_catalog_csv  # noqa: E402
from nlu.catalog_index import CatalogIndex  # noqa: E402
from nlu.parser import parse_order  # noqa: E402
from nlu.rasa_component import UNSURE_BELOW, intent_from_words  # noqa: E402
from nlu.splits import HOLDOUT, split_of  # noqa: E402

RASA = str(ROOT / ".venv" / "bin" / "rasa")
ENV = dict(os.environ, RASA_TELEMETRY_ENABLED="false")
# Intents whose F1 is printed for every file: the ones most often read as another intent.
WATCHED_INTENTS = ("place_order", "check_price", "opt_in", "human_handoff", "out_of_scope")
HELD_OUT_PREFIXES = ("kenya_fresh_", "philippines_", "china_")


def load_cases(path: Path) -> list[dict[str, str]]:
    """id, text and intent of each labelled message; newlines become spaces (one NLU example a line)."""
    cases = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            case = json.loads(line)
            cases.append({"id": case["id"], "text": " ".join(case["text"].split()), "intent": case["intent"]})
    return cases


def is_dev_file(path: Path) -> bool:
    """The shared dev file, whose held-out cases are reported on their own too."""
    return path.name.startswith("dev_")


def is_held_out_market(path: Path) -> bool:
    """A market kept unseen: its messages are never printed."""
    return path.name.startswith(HELD_OUT_PREFIXES)


def nlu_yaml(cases: list[dict[str, str]]) -> str:
    """The cases as Rasa NLU test data."""
    by_intent: dict[str, list[str]] = {}
    for case in cases:
        by_intent.setdefault(case["intent"], []).append(case["text"])
    blocks = [
        {"intent": intent, "examples": "".join(f"- {text}\n" for text in texts)} for intent, texts in by_intent.items()
    ]
    return yaml.safe_dump({"version": "3.1", "nlu": blocks}, allow_unicode=True, sort_keys=False)


def rasa_test_nlu(cases: list[dict[str, str]], model: Path, workdir: Path) -> dict[str, str]:
    """Run `rasa test nlu` once over all cases; the predicted intent of every message text."""
    data = workdir / "cases.yml"
    data.write_text(nlu_yaml(cases), encoding="utf-8")
    out = workdir / "results"
    subprocess.run(
        [RASA, "test", "nlu", "--model", str(model), "--nlu", str(data), "--out", str(out), "--successes"],
        cwd=ROOT,
        env=ENV,
        check=True,
        capture_output=True,
    )
    predicted: dict[str, str] = {}
    for name in ("intent_successes.json", "intent_errors.json"):
        path = out / name
        if path.exists():
            for result in json.loads(path.read_text(encoding="utf-8")):
                predicted[" ".join(result["text"].split())] = result["intent_prediction"]["name"] or "None"
    # A text Rasa dropped as a duplicate of another file's has the same prediction as that one.
    return {case["text"]: predicted.get(case["text"], "None") for case in cases}


def catalog_of(path: Path) -> Path | None:
    """The catalog a market's messages were written to: `NAME_catalog.csv` beside `NAME_cases.jsonl`, or the shared
    sample catalog for the shared dev file; None when there is none."""
    own = path.with_name(path.name.replace("_cases.jsonl", "_catalog.csv"))
    if own.exists():
        return own
    shared = path.parent.parent / "catalog" / "sample_catalog.csv"
    return shared if is_dev_file(path) and shared.exists() else None


def as_the_assistant_reads(cases: list[dict[str, str]], predicted: dict[str, str], catalog: Path) -> dict[str, str]:
    """Each message's intent once the order reader's component has read its words against the market's catalog, as
    the running assistant does (`intent_from_words`: yes words are a YES; goods with an amount an order, goods only
    asked about a price question, where the test run read no goods or was unsure, which it reports as
    `nlu_fallback`)."""
    index = CatalogIndex.build(read_catalog_csv(catalog))
    decided: dict[str, str] = {}
    for case in cases:
        text, read = case["text"], predicted[case["text"]]
        classified = {"name": read, "confidence": 0.0 if read == "nlu_fallback" else 1.0}
        said = intent_from_words(text, classified, parse_order(text, index), index, UNSURE_BELOW)
        decided[text] = said or read
    return decided


def accuracy(cases: list[dict[str, str]], predicted: dict[str, str]) -> float:
    """Share of cases whose intent was predicted."""
    return sum(predicted[c["text"]] == c["intent"] for c in cases) / len(cases) if cases else 0.0


def f1(cases: list[dict[str, str]], predicted: dict[str, str], intent: str) -> tuple[float, int] | None:
    """F1 of one intent and how many cases carry it; None when the intent is neither labelled nor predicted."""
    labelled = sum(c["intent"] == intent for c in cases)
    guessed = sum(predicted[c["text"]] == intent for c in cases)
    if not labelled and not guessed:
        return None
    hits = sum(c["intent"] == intent and predicted[c["text"]] == intent for c in cases)
    return (2 * hits / (labelled + guessed), labelled)


def report(path: Path, cases: list[dict[str, str]], tested: dict[str, str]) -> None:
    """Accuracy, watched-intent F1 and how often each intent was read as another of one file, as the assistant
    reads it with its catalog; its misread messages unless the market is held out."""
    hidden = is_held_out_market(path)
    print(f"== {path.name}{' (held out: figures only)' if hidden else ''}")
    kind = "dev cases" if is_dev_file(path) else "cases"
    catalog = catalog_of(path)
    predicted = as_the_assistant_reads(cases, tested, catalog) if catalog is not None else tested
    print(f"intent accuracy, all {len(cases)} {kind}: {accuracy(cases, predicted):.3f}", end="")
    print(
        f" (with {catalog.name}; the test run, with the demo catalog: {accuracy(cases, tested):.3f})" if catalog else ""
    )
    if is_dev_file(path):
        held = [c for c in cases if split_of(c["id"]) == HOLDOUT]
        print(f"intent accuracy, held-out cases ({len(held)}): {accuracy(held, predicted):.3f}")
    scores = []
    for intent in WATCHED_INTENTS:
        score = f1(cases, predicted, intent)
        if score is not None:
            scores.append(f"{intent} {score[0]:.2f} (n={score[1]})")
    print("F1: " + (", ".join(scores) if scores else "-"))
    confused = Counter(f"{c['intent']} -> {predicted[c['text']]}" for c in cases if predicted[c["text"]] != c["intent"])
    print("read as another intent: " + (", ".join(f"{pair} {n}" for pair, n in confused.most_common()) or "-"))
    if not hidden:
        for case in cases:
            if predicted[case["text"]] != case["intent"]:
                print(f"  {case['id']}: {case['intent']} -> {predicted[case['text']]}: {case['text'][:70]}")


def load_figures(model: Path) -> tuple[float, float]:
    """Seconds to load the model into an Agent, and this process's peak resident memory in MiB after."""
    from rasa.core.agent import Agent

    sys.path.insert(0, str(ROOT))  # the model names the order parser by its module path

    started = time.monotonic()
    Agent.load(str(model))
    seconds = time.monotonic() - started
    return seconds, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def training_seconds(workdir: Path) -> float:
    """Wall time of a full `rasa train` into a scratch directory."""
    started = time.monotonic()
    subprocess.run(
        [RASA, "train", "--out", str(workdir / "models"), "--num-threads", "2"],
        cwd=ROOT,
        env=ENV,
        check=True,
        capture_output=True,
    )
    return time.monotonic() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--cases", type=Path, action="append", help="a labelled JSONL file (one market); give it once per file"
    )
    parser.add_argument("--markets", type=Path, help="a folder whose every NAME_cases.jsonl is one more market")
    parser.add_argument("--model", type=Path, default=ROOT / "models" / "current.tar.gz")
    parser.add_argument("--time-training", action="store_true", help="also time a full rasa train (about 3 min)")
    args = parser.parse_args()
    paths: list[Path] = args.cases or [ROOT.parent / "shared" / "eval" / "dev_cases.jsonl"]
    if args.markets is not None:
        paths += sorted(args.markets.glob("*_cases.jsonl"))
    files = [(path, load_cases(path)) for path in paths]
    with tempfile.TemporaryDirectory(prefix="eval-intents-") as scratch:
        workdir = Path(scratch)
        predicted = rasa_test_nlu([case for _, cases in files for case in cases], args.model, workdir)
        for path, cases in files:
            report(path, cases, predicted)
        if args.time_training:
            print(f"rasa train: {training_seconds(workdir):.0f} s")
    seconds, rss = load_figures(args.model)
    print(f"model load: {seconds:.1f} s, peak resident memory {rss:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
