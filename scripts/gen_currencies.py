#!/usr/bin/env python3
"""Generate core/src/money/currency_table.rs from two pinned data packages.

Sources (exact versions, pinned below):
  * ISO 4217 list one (codes, numeric codes, minor units, fund flag):
    the PyPI package `iso4217` (its bundled `table.xml`, SIX's list one).
  * Cash rounding (cash digits / cash rounding increment) and the history of
    withdrawn codes: CLDR supplemental `currencyData.json` from the npm package
    `cldr-core`.

ISO gives the minor units (IQD 3, MGA 2, ...); CLDR is used only for cash rounding
and for naming withdrawn codes (see docs/money.md).

usage:
  python3 scripts/gen_currencies.py            # fetch the pinned packages into a temp dir, write the table
  python3 scripts/gen_currencies.py --check    # exit 1 if the committed table differs
  python3 scripts/gen_currencies.py --iso-xml PATH --cldr-dir PATH   # use already unpacked packages

The packages are fetched with the ordinary clients (`pip download`, `npm pack`) into a
temporary directory; nothing is installed into the project. The output is
deterministic: entries sorted by code, no timestamps.
"""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET
from decimal import Decimal
from pathlib import Path

sys.dont_write_bytecode = True  # importing gen_common leaves no scripts/__pycache__
sys.path.insert(0, str(Path(__file__).resolve().parent))
from gen_common import (ROOT, fetch_npm, fetch_pypi_tree, parser, shown, tempdir,  # noqa: E402
                        write_or_check)

ISO4217_PYPI_VERSION = "1.16.20260101"
CLDR_CORE_NPM_VERSION = "48.2.0"

OUT = ROOT / "core" / "src" / "money" / "currency_table.rs"


def fetch(tmp: Path) -> tuple[Path, Path]:
    """Download the pinned packages into `tmp`; return (table.xml, cldr package dir)."""
    iso = fetch_pypi_tree("iso4217", ISO4217_PYPI_VERSION, tmp, members=["iso4217/table.xml"])
    cldr = fetch_npm("cldr-core", CLDR_CORE_NPM_VERSION, tmp,
                     ("package/package.json", "package/supplemental/currencyData.json"))
    return iso / "iso4217" / "table.xml", cldr


def read_iso(xml_path: Path) -> tuple[str, dict[str, dict]]:
    root = ET.parse(xml_path).getroot()
    published = root.attrib["Pblshd"]
    table: dict[str, dict] = {}
    for node in root.findall("CcyTbl/CcyNtry"):
        code = node.findtext("Ccy")
        if code is None:  # territories without a currency of their own
            continue
        code = code.strip()
        name_node = node.find("CcyNm")
        name = (name_node.text or "").strip() if name_node is not None else ""
        is_fund = name_node is not None and name_node.attrib.get("IsFund") == "true"
        numeric = int((node.findtext("CcyNbr") or "").strip())
        minor = (node.findtext("CcyMnrUnts") or "").strip()
        minor_units = None if minor == "N.A." else int(minor)
        entry = {"code": code, "name": name, "numeric": numeric,
                 "minor_units": minor_units, "is_fund": is_fund}
        prev = table.get(code)
        if prev is None:
            table[code] = entry
        else:
            if (prev["numeric"], prev["minor_units"]) != (numeric, minor_units):
                sys.exit(f"gen_currencies: ISO entries for {code} disagree")
            prev["is_fund"] = prev["is_fund"] or is_fund
    for code in table:
        if len(code) != 3 or not code.isascii() or not code.isupper():
            sys.exit(f"gen_currencies: bad ISO code {code!r}")
    return published, table


def cash_increment_minor(code: str, minor_units: int, fractions: dict) -> int | None:
    """The CLDR cash increment of `code`, in ISO minor units, or None.

    CLDR: cash digits default to `_digits`, cash rounding to `_rounding`; a rounding of 0
    means 1 unit of the last digit. Only currencies with an explicit `_cashDigits` or
    `_cashRounding` get a cash increment, and only when it is coarser than the ISO
    minor unit.
    """
    frac = fractions.get(code)
    if frac is None or ("_cashDigits" not in frac and "_cashRounding" not in frac):
        return None
    digits = int(frac.get("_cashDigits", frac.get("_digits", "2")))
    rounding = int(frac.get("_cashRounding", frac.get("_rounding", "0"))) or 1
    increment = Decimal(rounding).scaleb(-digits)
    in_minor = increment.scaleb(minor_units)
    if in_minor != in_minor.to_integral_value():
        sys.exit(f"gen_currencies: cash increment of {code} is finer than its minor unit")
    n = int(in_minor)
    return n if n > 1 else None


def retired_codes(region: dict, iso: dict[str, dict]) -> list[tuple[str, str | None]]:
    """Codes CLDR lists only with an end date and ISO list one no longer has.

    The replacement is the region's current ISO tender where the code ended last,
    when that is one code.
    """
    occurrences: dict[str, list[tuple[str, dict]]] = {}
    for reg, items in region.items():
        for item in items:
            for code, attrs in item.items():
                occurrences.setdefault(code, []).append((reg, attrs))
    out = []
    for code in sorted(occurrences):
        occ = occurrences[code]
        if code in iso or not all("_to" in a for _, a in occ):
            continue
        if len(code) != 3 or not code.isupper():
            continue
        last = max(a["_to"] for _, a in occ)
        successors = set()
        for reg, attrs in occ:
            if attrs["_to"] != last:
                continue
            for item in region[reg]:
                for c, a in item.items():
                    if "_to" not in a and a.get("_tender") != "false" and c in iso:
                        successors.add(c)
        out.append((code, successors.pop() if len(successors) == 1 else None))
    return out


def rust_str(s: str) -> str:
    return json.dumps(s, ensure_ascii=False)


def render(published: str, iso: dict[str, dict], cldr_dir: Path) -> str:
    pkg = json.loads((cldr_dir / "package.json").read_text(encoding="utf-8"))
    if pkg["version"] != CLDR_CORE_NPM_VERSION:
        sys.exit(f"gen_currencies: cldr-core is {pkg['version']}, expected {CLDR_CORE_NPM_VERSION}")
    data = json.loads((cldr_dir / "supplemental" / "currencyData.json").read_text(encoding="utf-8"))
    supp = data["supplemental"]
    cldr_version = supp["version"]["_cldrVersion"]
    fractions = supp["currencyData"]["fractions"]
    region = supp["currencyData"]["region"]

    lines = [
        "// @generated by scripts/gen_currencies.py -- do not edit by hand.",
        "//",
        "// Sources:",
        f"//   ISO 4217 list one: PyPI package `iso4217` {ISO4217_PYPI_VERSION} (table published {published}):",
        "//     codes, numeric codes, minor units, fund flag.",
        f"//   CLDR {cldr_version}: npm package `cldr-core` {CLDR_CORE_NPM_VERSION}, supplemental/currencyData.json:",
        "//     cash rounding (explicit _cashDigits/_cashRounding only) and withdrawn codes.",
        "//",
        "// Regenerate: python3 scripts/gen_currencies.py (check: --check).",
        "",
        "use super::currency::Entry;",
        "",
        "/// Version of the PyPI `iso4217` package the table was generated from.",
        "///",
        "/// ```",
        f"/// assert_eq!(lockstep_core::money::ISO4217_PACKAGE_VERSION, {rust_str(ISO4217_PYPI_VERSION)});",
        "/// ```",
        f"pub const ISO4217_PACKAGE_VERSION: &str = {rust_str(ISO4217_PYPI_VERSION)};",
        "",
        "/// Publication date of the ISO 4217 list one in that package.",
        "///",
        "/// ```",
        f"/// assert_eq!(lockstep_core::money::ISO4217_PUBLISHED, {rust_str(published)});",
        "/// ```",
        f"pub const ISO4217_PUBLISHED: &str = {rust_str(published)};",
        "",
        "/// Version of the npm `cldr-core` package the cash rounding came from.",
        "///",
        "/// ```",
        f"/// assert_eq!(lockstep_core::money::CLDR_CORE_PACKAGE_VERSION, {rust_str(CLDR_CORE_NPM_VERSION)});",
        "/// ```",
        f"pub const CLDR_CORE_PACKAGE_VERSION: &str = {rust_str(CLDR_CORE_NPM_VERSION)};",
        "",
        "/// The CLDR release in that package.",
        "///",
        "/// ```",
        f"/// assert_eq!(lockstep_core::money::CLDR_VERSION, {rust_str(cldr_version)});",
        "/// ```",
        f"pub const CLDR_VERSION: &str = {rust_str(cldr_version)};",
        "",
        "/// One string naming the currency data version (for the `version` operation).",
        "///",
        "/// ```",
        "/// assert!(lockstep_core::money::CURRENCY_DATA_VERSION.starts_with(\"iso4217 \"));",
        "/// ```",
        "#[rustfmt::skip]",
        "pub const CURRENCY_DATA_VERSION: &str = "
        + rust_str(f"iso4217 {ISO4217_PYPI_VERSION} (ISO 4217 {published}); "
                   f"cldr-core {CLDR_CORE_NPM_VERSION} (CLDR {cldr_version})")
        + ";",
        "",
        "/// ISO 4217 list one, sorted by code: (code, numeric, minor units or None for N.A.,",
        "/// cash increment in minor units, fund, name).",
        "#[rustfmt::skip]",
        "pub(super) static ENTRIES: &[Entry] = &[",
    ]
    for code in sorted(iso):
        e = iso[code]
        minor = e["minor_units"]
        cash = None if minor is None else cash_increment_minor(code, minor, fractions)
        minor_s = "None" if minor is None else f"Some({minor})"
        cash_s = "None" if cash is None else f"Some({cash})"
        lines.append(
            f"    Entry::new({rust_str(code)}, {e['numeric']}, {minor_s}, {cash_s}, "
            f"{'true' if e['is_fund'] else 'false'}, {rust_str(e['name'])}),"
        )
    lines.append("];")
    lines.append("")
    lines.append("/// Codes CLDR records as withdrawn that ISO 4217 list one no longer has, sorted,")
    lines.append("/// with the single current successor where there is one.")
    lines.append("#[rustfmt::skip]")
    lines.append("pub(super) static RETIRED: &[(&str, Option<&str>)] = &[")
    for code, succ in retired_codes(region, iso):
        succ_s = "None" if succ is None else f"Some({rust_str(succ)})"
        lines.append(f"    ({rust_str(code)}, {succ_s}),")
    lines.append("];")
    lines.append("")
    return "\n".join(lines)


def main() -> int:
    ap = parser(__doc__, OUT)
    ap.add_argument("--iso-xml", type=Path, help="iso4217's table.xml (skip the download)")
    ap.add_argument("--cldr-dir", type=Path, help="unpacked cldr-core package dir (skip the download)")
    args = ap.parse_args()

    with tempdir(prefix="lockstep-currencies-") as tmp:
        if args.iso_xml and args.cldr_dir:
            xml_path, cldr_dir = args.iso_xml, args.cldr_dir
        else:
            xml_path, cldr_dir = fetch(tmp)
        published, iso = read_iso(xml_path)
        text = render(published, iso, cldr_dir)

    rc = write_or_check(args.out, text, args.check)
    if rc == 0 and args.check:
        print(f"gen_currencies: {shown(args.out)} is up to date")
    elif rc == 0:
        print(f"gen_currencies: wrote {shown(args.out)} ({len(iso)} codes)")
    return rc


if __name__ == "__main__":
    sys.exit(main())
