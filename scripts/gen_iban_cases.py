#!/usr/bin/env python3
"""Generate core/src/validate/tests/iban_cases.json: IBANs with the verdict of the
reference implementations, for a differential test of `core/src/validate/iban.rs` and
`iban_national.rs`.

References (pinned):
  * PyPI `schwifty` (the same version as the table): structure, length, mod 97
    (`IBAN(s, allow_invalid=True).is_valid`) and, for the countries it registers a
    national checksum algorithm for (`schwifty.checksum.algorithms["<cc>:default"]`),
    the national check digits, as `IBAN.validate(validate_bban=True)` checks them. The
    French overseas IBAN countries (BL, GF, GP, MF, MQ, NC, PF, PM, RE, TF, WF, YT: a
    French RIB) are judged by schwifty's FR algorithm and AX (a Finnish account) by its
    FI algorithm, over the FR/FI component positions;
  * npm `ibantools`: the national check digits of HR and HU (`isValidBBAN`), which
    schwifty does not check.

Germany's check digits depend on the bank (a per-bank method from the Bundesbank
table) and are not judged; AL (no reference implementation among these packages) is
left out and tested by hand.

Cases: for every registry country (aspirational entries excluded, as in the table),
random IBANs made by `IBAN.random(use_registry=False)` (fixed seed), each also with one
character changed (a digit, a letter, the length). For every country with a national
check: IBANs with valid national check digits, and each with one BBAN digit changed and
the IBAN check digits recomputed, so that mod 97 passes and only the national check
can fail.

usage:
  python3 scripts/gen_iban_cases.py            # install the pinned packages into a temp dir, write the cases
  python3 scripts/gen_iban_cases.py --check    # exit 1 if the committed file differs
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

sys.dont_write_bytecode = True  # importing gen_common leaves no scripts/__pycache__
sys.path.insert(0, str(Path(__file__).resolve().parent))
from gen_common import ROOT, fetch_npm, install_pypi, parser, tempdir, write_or_check  # noqa: E402

SCHWIFTY_PYPI_VERSION = "2026.10.1"
IBANTOOLS_NPM_VERSION = "4.5.4"
OUT = ROOT / "core" / "src" / "validate" / "tests" / "iban_cases.json"
ALNUM = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
DIGITS = "0123456789"
# Countries judged by another country's schwifty algorithm (same BBAN, same standard).
ALIASES = {**{cc: "FR" for cc in ("BL", "GF", "GP", "MF", "MQ", "NC", "PF", "PM", "RE", "TF", "WF", "YT")},
           "AX": "FI"}
IBANTOOLS = ("HR", "HU")
NOT_JUDGED = ("AL",)
NATIONAL_PER_COUNTRY = 6


def iban_digits(cc: str, bban: str) -> str:
    """`cc` + the ISO 7064 mod 97-10 check digits + `bban`."""
    n = int("".join(str(ALNUM.index(c)) for c in bban + cc + "00"))
    return f"{cc}{98 - n % 97:02d}{bban}"


def ibantools_verdicts(package: Path, ibans: list[str]) -> dict[str, bool]:
    script = ("const ib = require(process.argv[1]); const xs = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
              "process.stdout.write(JSON.stringify(xs.map(s => ib.isValidBBAN(s.slice(4), s.slice(0, 2)))));")
    out = subprocess.run(["node", "-e", script, str(package / "build" / "ibantools.cjs")],
                         input=json.dumps(ibans), capture_output=True, text=True, check=True).stdout
    return dict(zip(ibans, json.loads(out), strict=True))


def generate(site: Path, ibantools: Path) -> str:
    sys.path.insert(0, str(site))
    from schwifty import IBAN, exceptions, registry  # noqa: E402
    from schwifty.checksum import algorithms  # noqa: E402
    from schwifty.domain import Component  # noqa: E402

    rng = random.Random(20261126)
    iban_specs = registry._default_registry._get("iban")  # the merged registry, as schwifty uses it
    countries = sorted(c for c in iban_specs
                       if not registry.get_iban_spec(c).aspirational and c not in NOT_JUDGED)
    schwifty_national = sorted(c for c in countries if f"{c}:default" in algorithms)
    national = sorted(set(schwifty_national) | set(ALIASES) | set(IBANTOOLS))

    def base(s: str) -> bool:
        try:
            return bool(IBAN(s, allow_invalid=True).is_valid)
        except Exception:  # noqa: BLE001 -- any refusal is "invalid"
            return False

    def schwifty_national_ok(s: str) -> bool:
        cc = s[:2]
        algo_cc = ALIASES.get(cc, cc)
        algo = algorithms.get(f"{algo_cc}:default")
        if algo is None:
            return True
        positions = registry.get_iban_spec(algo_cc).positions
        bban = s[4:]

        def part(component: Component) -> str:
            r = positions.get(component)
            return "" if r is None else bban[r.start:r.end]
        try:
            return bool(algo.validate([part(c) for c in algo.accepts], part(Component.NATIONAL_CHECKSUM_DIGITS)))
        except exceptions.SchwiftyException:
            return False

    raw: list[str] = []
    for cc in countries:
        for _ in range(2):
            iban = str(IBAN.random(country_code=cc, random=rng, use_registry=False))
            raw.append(iban)
            i = rng.randrange(4, len(iban))
            for replacement in (rng.choice(DIGITS), rng.choice(ALNUM)):
                mutated = iban[:i] + replacement + iban[i + 1:]
                if mutated != iban:
                    raw.append(mutated)
            raw.append(iban[:-1])

    def random_bban(cc: str) -> str:
        source = ALIASES.get(cc, cc)
        return str(IBAN.random(country_code=source, random=rng, use_registry=False))[4:]

    # HR and HU: complete random BBANs with every pair of check digits; keep the ones
    # ibantools accepts.
    def check_positions(cc: str, bban: str) -> tuple[int, int]:
        if cc == "HR":
            return (6, 16)
        return (7, 15 if bban[16:24] == "00000000" else 23)

    candidates = []
    for cc in IBANTOOLS:
        for _ in range(NATIONAL_PER_COUNTRY):
            bban = random_bban(cc)
            first, second = check_positions(cc, bban)
            for d1 in DIGITS:
                for d2 in DIGITS:
                    chars = list(bban)
                    chars[first], chars[second] = d1, d2
                    candidates.append(iban_digits(cc, "".join(chars)))
    tools = ibantools_verdicts(ibantools, candidates)
    valid_national: dict[str, list[str]] = {cc: [] for cc in national}
    for s in candidates:
        if tools[s] and base(s) and len(valid_national[s[:2]]) < NATIONAL_PER_COUNTRY:
            valid_national[s[:2]].append(s)
    for cc in national:
        while cc not in IBANTOOLS and len(valid_national[cc]) < NATIONAL_PER_COUNTRY:
            valid_national[cc].append(iban_digits(cc, random_bban(cc)))
    for cc in national:
        for iban in valid_national[cc]:
            raw.append(iban)
            bban = iban[4:]
            digit_positions = [i for i, c in enumerate(bban) if c.isdigit()]
            i = rng.choice(digit_positions)
            changed = rng.choice([d for d in DIGITS if d != bban[i]])
            raw.append(iban_digits(cc, bban[:i] + changed + bban[i + 1:]))

    tools.update(ibantools_verdicts(ibantools, sorted({s for s in raw if s[:2] in IBANTOOLS})))

    def verdict(s: str) -> bool:
        if not base(s):
            return False
        if s[:2] in IBANTOOLS:
            return bool(tools[s])
        return schwifty_national_ok(s)

    cases = {s: verdict(s) for s in raw}
    doc = {"source": f"schwifty {SCHWIFTY_PYPI_VERSION} IBAN(s, allow_invalid=True).is_valid and its national "
                     f"checksum algorithms (FR for the French overseas countries, FI for AX); "
                     f"ibantools {IBANTOOLS_NPM_VERSION} isValidBBAN for HR and HU",
           "national": national,
           "cases": [{"iban": k, "valid": v} for k, v in sorted(cases.items())]}
    return json.dumps(doc, indent=1) + "\n"


def main() -> int:
    args = parser(__doc__, OUT).parse_args()
    with tempdir() as tmp:
        site = install_pypi("schwifty", SCHWIFTY_PYPI_VERSION, tmp / "site")
        ibantools = fetch_npm("ibantools", IBANTOOLS_NPM_VERSION, tmp)
        text = generate(site, ibantools)
    return write_or_check(args.out, text, args.check)


if __name__ == "__main__":
    sys.exit(main())
