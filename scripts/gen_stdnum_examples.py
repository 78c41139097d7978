#!/usr/bin/env python3
"""Generate core/src/validate/tests/stdnum_examples.json: the real, published IBAN and
EU VAT examples of python-stdnum's own test suite (pinned; the sdist ships `tests/`),
each with python-stdnum's verdict, for `core/src/validate/tests/published.rs`.

Sources inside the sdist:
  tests/test_iban.doctest    IBAN registry sample numbers per country, and invalid ones
  tests/test_eu_vat.doctest  real VAT numbers per member state, and mangled ones
Every `numbers = '''...'''` block is read; each line is one value. The verdict is
`stdnum.iban.is_valid` / `stdnum.eu.vat.is_valid` of the pinned version. Output keeps
the files' order (duplicates dropped) and is byte-stable.

usage:
  python3 scripts/gen_stdnum_examples.py            # pip download the pinned sdist into a temp dir, write the file
  python3 scripts/gen_stdnum_examples.py --check    # exit 1 if the committed file differs
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

PYTHON_STDNUM_PYPI_VERSION = "2.2"
ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "core" / "src" / "validate" / "tests" / "stdnum_examples.json"


def blocks(doctest: str) -> list[str]:
    """The lines of every `numbers = '''` block, in order, without duplicates."""
    out: list[str] = []
    inside = False
    for line in doctest.splitlines():
        if line.startswith(">>> numbers = '''"):
            inside = True
            continue
        if inside:
            if line.startswith("... '''"):
                inside = False
                continue
            value = line[4:].strip() if line.startswith("... ") else ""
            if value and value not in out:
                out.append(value)
    return out


def generate(src: Path) -> str:
    sys.path.insert(0, str(src))
    from stdnum import iban  # noqa: E402
    from stdnum.eu import vat  # noqa: E402

    tests = src / "tests"
    doc = {
        "source": f"python-stdnum {PYTHON_STDNUM_PYPI_VERSION} (PyPI sdist): tests/test_iban.doctest, "
                  "tests/test_eu_vat.doctest; verdicts of stdnum.iban.is_valid and stdnum.eu.vat.is_valid",
        "iban": [{"value": v, "valid": bool(iban.is_valid(v))}
                 for v in blocks((tests / "test_iban.doctest").read_text(encoding="utf-8"))],
        "vat": [{"value": v, "valid": bool(vat.is_valid(v))}
                for v in blocks((tests / "test_eu_vat.doctest").read_text(encoding="utf-8"))],
    }
    return json.dumps(doc, indent=1, ensure_ascii=False) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        t = Path(tmp)
        subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--no-binary=:all:",
                        "-d", tmp, f"python-stdnum=={PYTHON_STDNUM_PYPI_VERSION}"], check=True)
        sdists = sorted(t.glob("python_stdnum-*.tar.gz"))
        if len(sdists) != 1:
            raise SystemExit(f"gen_stdnum_examples: expected one sdist, found {sdists}")
        with tarfile.open(sdists[0]) as tf:
            tf.extractall(t / "x", filter="data")
        text = generate(t / "x" / f"python_stdnum-{PYTHON_STDNUM_PYPI_VERSION}")
    if args.check:
        current = args.out.read_text(encoding="utf-8") if args.out.exists() else ""
        if current != text:
            print(f"gen_stdnum_examples: {args.out} is out of date", file=sys.stderr)
            return 1
        return 0
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
