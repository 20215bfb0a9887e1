"""Intent accuracy on the labelled dev messages (`rasa test nlu`), model load time and memory.

    .venv/bin/python scripts/eval_intents.py --cases ../shared/eval/dev_cases.jsonl [--time-training]

None of the dev messages is trained on; "held-out half" is a fixed half of them (by id), reported so the
figure can be compared with runs that tune on the other half.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
RASA = str(ROOT / ".venv" / "bin" / "rasa")
ENV = dict(os.environ, RASA_TELEMETRY_ENABLED="false")


def load_cases(path: Path) -> list[dict[str, str]]:
    """id, text and intent of each labelled message; newlines become spaces (one NLU example a line)."""
    cases = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            case = json.loads(line)
            cases.append({"id": case["id"], "text": " ".join(case["text"].split()), "intent": case["intent"]})
    return cases


def held_out(case_id: str) -> bool:
    """A fixed half of the cases, by a hash of the id."""
    return hashlib.sha256(case_id.encode()).digest()[0] % 2 == 0


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
    """Run `rasa test nlu`; the predicted intent of every message text."""
    data = workdir / "dev_cases.yml"
    data.write_text(nlu_yaml(cases), encoding="utf-8")
    out = workdir / "results"
    subprocess.run(
        [RASA, "test", "nlu", "--model", str(model), "--nlu", str(data), "--out", str(out)],
        cwd=ROOT,
        env=ENV,
        check=True,
        capture_output=True,
    )
    errors = json.loads((out / "intent_errors.json").read_text()) if (out / "intent_errors.json").exists() else []
    wrong = {error["text"]: error["intent_prediction"]["name"] for error in errors}
    return {case["text"]: wrong.get(case["text"], case["intent"]) for case in cases}


def accuracy(cases: list[dict[str, str]], predicted: dict[str, str]) -> float:
    """Share of cases whose intent was predicted."""
    return sum(predicted[c["text"]] == c["intent"] for c in cases) / len(cases) if cases else 0.0


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
    parser.add_argument("--cases", type=Path, default=ROOT.parent / "shared" / "eval" / "dev_cases.jsonl")
    parser.add_argument("--model", type=Path, default=ROOT / "models" / "current.tar.gz")
    parser.add_argument("--time-training", action="store_true", help="also time a full rasa train (about 3 min)")
    args = parser.parse_args()
    cases = load_cases(args.cases)
    with tempfile.TemporaryDirectory(prefix="eval-intents-") as scratch:
        workdir = Path(scratch)
        predicted = rasa_test_nlu(cases, args.model, workdir)
        half = [c for c in cases if held_out(c["id"])]
        print(f"intent accuracy, all {len(cases)} dev cases: {accuracy(cases, predicted):.3f}")
        print(f"intent accuracy, held-out half ({len(half)}): {accuracy(half, predicted):.3f}")
        for case in cases:
            if predicted[case["text"]] != case["intent"]:
                print(f"  {case['id']}: {case['intent']} -> {predicted[case['text']]}: {case['text'][:70]}")
        if args.time_training:
            print(f"rasa train: {training_seconds(workdir):.0f} s")
    seconds, rss = load_figures(args.model)
    print(f"model load: {seconds:.1f} s, peak resident memory {rss:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
