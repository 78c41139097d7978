#!/usr/bin/env python3
"""Generate core/src/validate/tests/iban_twins.json: IBANs whose check digits are 97, 98
or 02, each with its "twin" 00, 01 or 99 (the same mod 97 remainder, never assigned by
ISO 13616), and the verdict of PyPI `schwifty` (pinned, the table's version) on both,
for a test of `core/src/validate/iban.rs`. python-stdnum's verdict on the twin is
recorded too: it checks mod 97 only and accepts the twins (a documented difference).

For every registry country (aspirational entries excluded, as in the table): random
IBANs (`IBAN.random(use_registry=False)`, fixed seed) until one of each of the three
check-digit values is found (within 20000 tries; countries whose national check digits
fix the IBAN's, such as BA's 39, have none and are listed). schwifty's verdict is whether `IBAN(s)` constructs
(structure, length, check digits; no bank lookup).

usage:
  python3 scripts/gen_iban_twins.py            # pip install the pinned packages into a temp dir, write the cases
  python3 scripts/gen_iban_twins.py --check    # exit 1 if the committed file differs
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

sys.dont_write_bytecode = True  # importing gen_common leaves no scripts/__pycache__
sys.path.insert(0, str(Path(__file__).resolve().parent))
from gen_common import ROOT, fail, install_pypi, parser, tempdir, write_or_check  # noqa: E402

SCHWIFTY_PYPI_VERSION = "2026.10.1"
PYTHON_STDNUM_PYPI_VERSION = "2.2"
OUT = ROOT / "core" / "src" / "validate" / "tests" / "iban_twins.json"
TWIN = {"97": "00", "98": "01", "02": "99"}


def generate(site: Path) -> str:
    sys.path.insert(0, str(site))
    from schwifty import IBAN  # noqa: E402
    from schwifty import registry  # noqa: E402
    import stdnum  # noqa: E402
    from stdnum import iban as stdnum_iban  # noqa: E402

    if stdnum.__version__ != PYTHON_STDNUM_PYPI_VERSION:
        raise fail(f"stdnum is {stdnum.__version__}")

    def schwifty_verdict(s: str) -> str:
        try:
            IBAN(s)
            return "valid"
        except Exception as e:  # noqa: BLE001 -- the exception class is the verdict
            return type(e).__name__

    rng = random.Random(20261202)
    iban_specs = registry._default_registry._get("iban")  # the merged registry, as schwifty uses it
    countries = sorted(c for c in iban_specs if not registry.get_iban_spec(c).aspirational)
    cases = []
    fixed = []
    for cc in countries:
        found: dict[str, str] = {}
        for _ in range(20000):
            if len(found) == len(TWIN):
                break
            iban = str(IBAN.random(country_code=cc, random=rng, use_registry=False))
            if iban[2:4] in TWIN and iban[2:4] not in found:
                found[iban[2:4]] = iban
        if not found:
            # National check digits fix the IBAN's (BA is always 39): no twin exists.
            fixed.append(cc)
        for digits, iban in sorted(found.items()):
            twin = iban[:2] + TWIN[digits] + iban[4:]
            cases.append({
                "iban": iban,
                "schwifty": schwifty_verdict(iban),
                "twin": twin,
                "twin_schwifty": schwifty_verdict(twin),
                "twin_stdnum_valid": bool(stdnum_iban.is_valid(twin)),
            })
    doc = {"source": f"schwifty {SCHWIFTY_PYPI_VERSION} IBAN(s); python-stdnum {PYTHON_STDNUM_PYPI_VERSION} "
                     "stdnum.iban.is_valid",
           "countries_without_twins": fixed,
           "cases": cases}
    return json.dumps(doc, indent=1) + "\n"


def main() -> int:
    args = parser(__doc__, OUT).parse_args()
    with tempdir() as tmp:
        install_pypi("python-stdnum", PYTHON_STDNUM_PYPI_VERSION, tmp)
        text = generate(install_pypi("schwifty", SCHWIFTY_PYPI_VERSION, tmp))
    return write_or_check(args.out, text, args.check)


if __name__ == "__main__":
    sys.exit(main())
