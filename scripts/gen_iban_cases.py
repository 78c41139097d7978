#!/usr/bin/env python3
"""Generate core/src/validate/tests/iban_cases.json: IBANs with the verdict of the
reference implementation, PyPI `schwifty` (pinned, the same version as the table), for
a differential test of `core/src/validate/iban.rs`.

For every registry country (aspirational entries excluded, as in the table): random
IBANs made by `IBAN.random(use_registry=False)` (fixed seed), each also with one
character changed (a digit, a letter, the length); the verdict is
`IBAN(s, allow_invalid=True).is_valid` (structure, length, mod 97; no bank lookup).

usage:
  python3 scripts/gen_iban_cases.py            # pip install the pinned package into a temp dir, write the cases
  python3 scripts/gen_iban_cases.py --check    # exit 1 if the committed file differs
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

sys.dont_write_bytecode = True  # importing gen_common leaves no scripts/__pycache__
sys.path.insert(0, str(Path(__file__).resolve().parent))
from gen_common import ROOT, install_pypi, parser, tempdir, write_or_check  # noqa: E402

SCHWIFTY_PYPI_VERSION = "2026.10.1"
OUT = ROOT / "core" / "src" / "validate" / "tests" / "iban_cases.json"
ALNUM = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def generate(site: Path) -> str:
    sys.path.insert(0, str(site))
    from schwifty import IBAN  # noqa: E402
    from schwifty import registry  # noqa: E402

    rng = random.Random(20261126)
    iban_specs = registry._default_registry._get("iban")  # the merged registry, as schwifty uses it
    countries = sorted(c for c in iban_specs if not registry.get_iban_spec(c).aspirational)
    cases = {}

    def verdict(s: str) -> bool:
        try:
            return bool(IBAN(s, allow_invalid=True).is_valid)
        except Exception:  # noqa: BLE001 -- any refusal is "invalid"
            return False

    for cc in countries:
        for _ in range(2):
            iban = str(IBAN.random(country_code=cc, random=rng, use_registry=False))
            cases[iban] = verdict(iban)
            i = rng.randrange(4, len(iban))
            for replacement in (rng.choice("0123456789"), rng.choice(ALNUM)):
                mutated = iban[:i] + replacement + iban[i + 1:]
                if mutated != iban:
                    cases[mutated] = verdict(mutated)
            cases[iban[:-1]] = verdict(iban[:-1])
    doc = {"source": f"schwifty {SCHWIFTY_PYPI_VERSION} IBAN(s, allow_invalid=True).is_valid",
           "cases": [{"iban": k, "valid": v} for k, v in sorted(cases.items())]}
    return json.dumps(doc, indent=1) + "\n"


def main() -> int:
    args = parser(__doc__, OUT).parse_args()
    with tempdir() as tmp:
        text = generate(install_pypi("schwifty", SCHWIFTY_PYPI_VERSION, tmp))
    return write_or_check(args.out, text, args.check)


if __name__ == "__main__":
    sys.exit(main())
