"""Print the name-part of the model that the config, domain and training data train.

A model is named by everything that shapes it: the bytes of config.yml, domain.yml and data/, and the words
the pipeline's tokenizer reads in each of their Chinese lines. The tokenizer segments Chinese with the
order reader's own rules, so a change to those rules retrains the model even when no file here changed.
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from nlu.chinese import HAN_RE, segmented  # noqa: E402


def fingerprint(root: Path = ROOT) -> str:
    digest = hashlib.sha256()
    data = sorted(path for path in (root / "data").rglob("*") if path.is_file())
    for path in [root / "config.yml", root / "domain.yml", *data]:
        text = path.read_bytes()
        digest.update(f"{path.relative_to(root)}\0{len(text)}\0".encode())
        digest.update(text)
        for line in text.decode().splitlines():
            if HAN_RE.search(line):
                digest.update(" ".join(word for word, _ in segmented(line)).encode())
    return digest.hexdigest()[:16]


if __name__ == "__main__":
    print(fingerprint())
