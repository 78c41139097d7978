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

import json
import sys
from pathlib import Path

sys.dont_write_bytecode = True  # importing gen_common leaves no scripts/__pycache__
sys.path.insert(0, str(Path(__file__).resolve().parent))
from gen_common import ROOT, fetch_pypi_tree, parser, tempdir, write_or_check  # noqa: E402

PYTHON_STDNUM_PYPI_VERSION = "2.2"
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
    args = parser(__doc__, OUT).parse_args()
    with tempdir() as tmp:
        tree = fetch_pypi_tree("python-stdnum", PYTHON_STDNUM_PYPI_VERSION, tmp, sdist=True)
        text = generate(tree / f"python_stdnum-{PYTHON_STDNUM_PYPI_VERSION}")
    return write_or_check(args.out, text, args.check)


if __name__ == "__main__":
    sys.exit(main())
