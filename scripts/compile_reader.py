"""Compile the order reader's hot modules to C with mypyc into build/reader (see nlu/compiled.py).

`make install` runs it; it does nothing when the build is from the current sources. Without a C compiler it says
so and the reader runs as Python, slower but the same.
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from nlu.compiled import BUILT, MODULES, STAMP, built_from_sources, sources_digest  # noqa: E402


def main() -> int:
    """Build when the stamp does not match the sources; 0 when the compiled reader is ready or not needed."""
    if built_from_sources():
        return 0
    digest = sources_digest()
    if shutil.which(os.environ.get("CC", "cc")) is None and shutil.which("gcc") is None:
        print("no C compiler: the order reader runs as Python (install gcc and run make install to compile it)")
        return 0
    print("compiling the order reader with mypyc (a few minutes the first time) ...", flush=True)
    from mypyc.build import mypycify
    from setuptools import setup

    shutil.rmtree(BUILT.parent, ignore_errors=True)
    os.chdir(ROOT)
    with tempfile.TemporaryDirectory() as scratch:
        # mypyc notes every comprehension it reads as a list: what it says is shown only when it stops.
        said = io.StringIO()
        try:
            with contextlib.redirect_stdout(said):
                modules = mypycify(
                    [f"nlu/{module}.py" for module in MODULES],
                    opt_level="3",
                    debug_level="0",
                    multi_file=True,
                    group_name="nlu_native",
                    target_dir="build/reader-c",
                )
        except SystemExit:
            print(said.getvalue())
            raise
        arguments = ["--quiet", "build_ext", "--build-lib", str(BUILT.parent), "--build-temp", scratch, "--parallel"]
        setup(name="restock-reader", packages=[], py_modules=[], ext_modules=modules, script_args=[*arguments, "2"])
    STAMP.write_text(digest + "\n", encoding="ascii")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
