#!/usr/bin/env python3
"""Generate core/src/validate/tests/vat_cases.json: VAT numbers (EU, GB, XI, OSS) with the
verdict of the reference implementation, python-stdnum (pinned), for a differential
test of the Rust port (`core/src/validate/vat.rs`, `vat_gb.rs`).

For each prefix: random numbers of the national shape (fixed seed), each with
every possible last character; the first valid and the first invalid completion are
kept, and two mutations of the valid one: its last character dropped and an `X` in its
place; then numbers aimed at each prefix's format rules (`EDGES`). The prefixes are the
27 member states, GB and XI (HMRC numbers) and the One Stop Shop's EU and IM. The
verdict is `stdnum.eu.vat.is_valid` (which covers XI, EU and IM), and
`stdnum.gb.vat.is_valid` for GB; for an invalid number `error` is the class of the
exception the same module's `validate` raises (InvalidChecksum, InvalidFormat,
InvalidLength or InvalidComponent), so the test can check the finding code too.

usage:
  python3 scripts/gen_vat_cases.py            # pip download the pinned wheel into a temp dir, write the cases
  python3 scripts/gen_vat_cases.py --check    # exit 1 if the committed file differs
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

sys.dont_write_bytecode = True  # importing gen_common leaves no scripts/__pycache__
sys.path.insert(0, str(Path(__file__).resolve().parent))
from gen_common import ROOT, fetch_pypi_tree, parser, tempdir, write_or_check  # noqa: E402

PYTHON_STDNUM_PYPI_VERSION = "2.2"
OUT = ROOT / "core" / "src" / "validate" / "tests" / "vat_cases.json"
PER_COUNTRY = 12
D = "0123456789"
L = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def shapes(rng: random.Random) -> dict[str, list]:
    def d(n: int) -> str:
        return "".join(rng.choice(D) for _ in range(n))

    def date6() -> str:
        return f"{rng.randint(0, 99):02d}{rng.choice([1, 2, 6, 11, 12, 51, 62]):02d}{rng.randint(1, 28):02d}"

    return {
        "AT": [lambda: "U" + d(7)],
        "BE": [lambda: rng.choice("01") + d(8)],
        "BG": [lambda: d(8), lambda: d(9)],
        "CY": [lambda: rng.choice("0359") + d(7)],
        "CZ": [lambda: rng.choice("12345678") + d(6), lambda: "6" + d(7), lambda: date6() + d(3)],
        "DE": [lambda: rng.choice("123456789") + d(7)],
        "DK": [lambda: rng.choice("123456789") + d(6)],
        "EE": [lambda: d(8)],
        "EL": [lambda: d(8)],
        "ES": [lambda: rng.choice("ABCDEFGHJNPQRSUVW") + d(7), lambda: d(8), lambda: rng.choice("XYZ") + d(7),
               lambda: rng.choice("KLM") + d(7)],
        "FI": [lambda: d(7)],
        "FR": [lambda: d(2) + "73282932", lambda: rng.choice(L) + rng.choice(D + L) + "73282932",
               lambda: d(2) + "00" + d(6)],
        "HR": [lambda: d(10)],
        "HU": [lambda: d(7)],
        "IE": [lambda: d(7), lambda: d(1) + rng.choice(L + "+*") + d(5)],
        "IT": [lambda: d(7) + rng.choice(["001", "045", "100", "120", "888"]) ],
        "LT": [lambda: d(7) + "1", lambda: d(10) + "1"],
        "LU": [lambda: d(7)],
        "LV": [lambda: rng.choice("456789") + d(9), lambda: "32" + d(8),
               lambda: f"{rng.randint(1, 28):02d}{rng.randint(1, 12):02d}{rng.randint(0, 99):02d}" + rng.choice("12") + d(3)],
        "MT": [lambda: rng.choice("123456789") + d(6)],
        "NL": [lambda: d(8), lambda: d(9) + "B0"],
        "PL": [lambda: d(9)],
        "PT": [lambda: rng.choice("123456789") + d(7)],
        "RO": [lambda: rng.choice("123456789") + d(rng.randint(1, 8)),
               lambda: rng.choice("1256") + date6()[:6] + f"{rng.randint(1, 46):02d}" + d(3)],
        "SE": [lambda: d(9)],
        "SI": [lambda: rng.choice("123456789") + d(6)],
        "SK": [lambda: rng.choice("123456789") + d(1) + rng.choice("234789") + d(6), lambda: date6() + d(3)],
        "GB": [lambda: d(8), lambda: rng.choice(["0", "1"]) + d(7), lambda: d(11),
               lambda: rng.choice(["GD", "HA"]) + rng.choice("0123456789") + d(1),
               lambda: rng.choice(["GD8888", "HA8888"]) + d(4)],
        "XI": [lambda: d(8), lambda: rng.choice(["GD", "HA"]) + d(2)],
        "EU": [lambda: rng.choice(["372", "276", "528", "900", "123", "840"]) + d(5)],
        "IM": [lambda: rng.choice(["372", "250", "826"]) + d(6)],
    }


# Numbers aimed at each member state's format rules (a wrong first digit, component,
# date, county, office code, suffix or length), so that the codes of those rules are
# checked too; stdnum's answer is recorded like the others'.
EDGES = [
    "ATX12345678", "ATU1234567", "ATU1234567A",
    "BE2123456789", "BE0000000000", "BE123456789", "BE01234567890",
    "BG12345678", "BG9913010000", "BG99130100001",
    "CY12000000X", "CY1234567", "CY00000000", "CY0000000012",
    "CZ91234567", "CZ612345678", "CZ5513991234", "CZ551399123", "CZ12345678901",
    "DE012345678", "DE12345678", "DE1234567890",
    "DK01234567", "DK1234567",
    "EE12345678", "EE1234567890",
    "EL1234567", "EL1234567890",
    "ESX1234567", "ES!1234567A", "ESI1234567A", "ES1234567890",
    "FI1234567", "FI123456789",
    "FRI0123456789", "FR0012345678", "FR00123456789", "FRAB123456789",
    "HR1234567890", "HR123456789012",
    "HU1234567", "HU123456789",
    "IE1234567", "IE12345678", "IE1X23456A",
    "IT12345672000", "IT00000000010", "IT1234567890",
    "LT123456709", "LT123456789011", "LT1234567890",
    "LU1234567", "LU123456789",
    "LV31130000000", "LV1234567890",
    "MT01234567", "MT1234567",
    "NL123456789B00", "NL000000000B01", "NL123456789X01", "NL1234567890B01",
    "PL123456789", "PL12345678901",
    "PT012345678", "PT12345678",
    "RO0123", "RO1", "RO1800101990001", "RO12345678901", "RO9991301123456",
    "SE123456789002", "SE12345678901",
    "SI01234567", "SI1234567",
    "SK1212345678", "SK0123456789", "SK123456789",
    # GB/XI: lengths no form has, a letter among the digits, a government department or
    # health authority out of its range, unknown letters, a wrong EU-form check.
    "GB98078068", "GB9807806842", "GB98078068412", "GB9807806842123", "GB9807806B4",
    "GBGD500", "GBHA499", "GBGDABC", "GBZZ100", "GBGD1000", "GBGD888850000",
    "GBHA888849900", "GBGD8888100A1", "GBGD888810004", "GBHA888856700",
    "XI980780685", "XI9807806842", "XIGD500", "XIHA888856700",
    # EU/IM: too short, too long, a letter, a number that is no member state's.
    "EU37202245", "EU3720224521", "EU372A22452", "EU123010755", "EU826010755",
    "IM372022452", "IM37200002245", "IMA720000224", "IM8260000224",
]


def completions(cc: str, base: str) -> list[str]:
    if cc == "AT" or cc in ("BE", "BG", "DE", "DK", "EE", "EL", "FI", "HR", "HU", "IT", "LT", "LU", "LV", "MT",
                            "PL", "PT", "RO", "SI", "SK", "GB", "XI", "EU", "IM"):
        return [base + c for c in D]
    if cc == "CY":
        return [base + c for c in L]
    if cc == "CZ":
        return [base + c for c in D]
    if cc == "ES":
        return [base + c for c in D + L]
    if cc == "FR":
        return [base + c for c in D]
    if cc == "IE":
        return [base + c for c in "WABCDEFGHIJKLMNOPQRSTUV"]
    if cc == "NL":
        if base.endswith("B0"):
            return [base + c for c in D]
        return [base + c + "B01" for c in D]
    if cc == "SE":
        return [base + c + "01" for c in D]
    raise SystemExit(f"gen_vat_cases: no completions for {cc}")


def generate(stdnum_path: Path) -> str:
    sys.path.insert(0, str(stdnum_path))
    from stdnum.eu import vat  # noqa: E402  (the pinned wheel, unpacked)
    from stdnum.gb import vat as gb_vat  # noqa: E402
    import stdnum  # noqa: E402
    if stdnum.__version__ != PYTHON_STDNUM_PYPI_VERSION:
        raise SystemExit(f"gen_vat_cases: stdnum is {stdnum.__version__}")
    from stdnum.exceptions import ValidationError  # noqa: E402

    def module(number: str):
        """stdnum.eu.vat knows no GB (since Brexit); stdnum.gb.vat is its own module."""
        return gb_vat if number.startswith("GB") else vat

    def is_valid(number: str) -> bool:
        return bool(module(number).is_valid(number))

    def error(number: str) -> str | None:
        try:
            module(number).validate(number)
            return None
        except ValidationError as e:
            return type(e).__name__

    rng = random.Random(20261126)
    cases = []
    for cc, makers in shapes(rng).items():
        kept = 0
        tries = 0
        while kept < PER_COUNTRY and tries < 2000:
            tries += 1
            base = rng.choice(makers)()
            valid = invalid = None
            for number in completions(cc, base):
                ok = is_valid(cc + number)
                if ok and valid is None:
                    valid = number
                if not ok and invalid is None:
                    invalid = number
            for number, ok in ((valid, True), (invalid, False)):
                if number is not None:
                    cases.append({"vat": cc + number, "valid": ok})
                    kept += ok
            if valid is not None:
                for mutated in (valid[:-1], valid[:-1] + "X"):
                    ok = is_valid(cc + mutated)
                    cases.append({"vat": cc + mutated, "valid": ok})
    cases += [{"vat": n, "valid": is_valid(n)} for n in EDGES]
    cases.sort(key=lambda c: c["vat"])
    unique = [c for i, c in enumerate(cases) if i == 0 or cases[i - 1]["vat"] != c["vat"]]
    for c in unique:
        c["error"] = error(c["vat"])
        if (c["error"] is None) != c["valid"]:
            raise SystemExit(f"gen_vat_cases: is_valid and validate disagree on {c['vat']}")
    doc = {"source": f"python-stdnum {PYTHON_STDNUM_PYPI_VERSION} stdnum.eu.vat.is_valid (stdnum.gb.vat.is_valid "
                     "for GB) and the exception class of the same module's validate", "cases": unique}
    return json.dumps(doc, indent=1) + "\n"


def main() -> int:
    args = parser(__doc__, OUT).parse_args()
    with tempdir() as tmp:
        text = generate(fetch_pypi_tree("python-stdnum", PYTHON_STDNUM_PYPI_VERSION, tmp))
    return write_or_check(args.out, text, args.check)


if __name__ == "__main__":
    sys.exit(main())
