"""The reader's compiled modules: `make install` compiles the hot modules of `nlu` to C with mypyc
(`scripts/compile_reader.py`) into `build/reader/nlu`. They are used only when built from the very sources beside
them, so an edited module is always read as written; without a build (no C compiler) the reader runs as Python."""

from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path

# Where a message's time goes (reading it, matching its words and resolving its lines) and where an index build's
# goes. The lexicon and the index's class stay Python: mypyc compiles a cached_property to a plain property, which
# would rebuild their derived sets of words at every use.
MODULES = (
    "abbreviations",
    "chinese",
    "indexing",
    "matching",
    "model",
    "parser",
    "segmenter",
    "segments",
    "sizes",
    "spelling",
    "text",
)
SOURCES = Path(__file__).resolve().parent
BUILT = SOURCES.parent / "build" / "reader" / "nlu"
STAMP = BUILT / "SOURCES.sha256"
# `NLU_COMPILED=0` runs the reader as Python even where it is compiled (the bench's comparison, debugging).
PYTHON_ONLY = "NLU_COMPILED"


def sources_digest() -> str:
    """One digest of every module of the package: the compiled ones hold the types of those they read (the lexicon,
    the index), so a change to any of them makes the build stale."""
    digest = hashlib.sha256()
    for source in sorted(SOURCES.glob("*.py")):
        digest.update(source.name.encode("utf-8") + b"\0" + source.read_bytes())
    return digest.hexdigest()


def built_from_sources() -> bool:
    """True when the build's stamp is the digest of the sources beside it."""
    try:
        return STAMP.read_text(encoding="ascii").strip() == sources_digest()
    except OSError:
        return False


def search_path() -> list[str]:
    """The build's package directory, to search before the sources, when it was compiled from these sources; its
    modules share one library beside the package, which is then importable too."""
    if os.environ.get(PYTHON_ONLY) == "0" or not built_from_sources():
        return []
    if str(BUILT.parent) not in sys.path:
        sys.path.append(str(BUILT.parent))
    return [str(BUILT)]


def in_use() -> bool:
    """True when this process reads messages with the compiled modules."""
    from nlu import parser  # imported here: this module is read before the package's search path is set

    return not parser.__file__.endswith(".py")
