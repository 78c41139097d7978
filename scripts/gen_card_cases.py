#!/usr/bin/env python3
"""Generate core/src/validate/tests/card_brand_cases.json: card-number prefixes with the
answer of the reference implementation, the pinned npm package `credit-card-type` (the
table's version), for a differential test of brand detection while typing
(`core/src/validate/card.rs`).

Inputs: every digit string of one to three digits, and for every IIN prefix or range of
the package's data, its bounds and their neighbours (one below, one above), each cut to
every length from 4 to 8 digits. The answer is `creditCardType(digits).map(t => t.type)`
(one type: the brand is known; several: still undetermined; none: unknown).

usage:
  python3 scripts/gen_card_cases.py            # npm pack the pinned package into a temp dir, write the cases
  python3 scripts/gen_card_cases.py --check    # exit 1 if the committed file differs
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

sys.dont_write_bytecode = True  # importing gen_common leaves no scripts/__pycache__
sys.path.insert(0, str(Path(__file__).resolve().parent))
from gen_card_ranges import CREDIT_CARD_TYPE_NPM_VERSION, load  # noqa: E402
from gen_common import ROOT, fail, fetch_npm, parser, tempdir, write_or_check  # noqa: E402

OUT = ROOT / "core" / "src" / "validate" / "tests" / "card_brand_cases.json"
# package `type` -> Lockstep's wire name
WIRE = {"american-express": "amex", "diners-club": "diners"}


def inputs(types: dict) -> list[str]:
    out = {str(n) for n in range(10)} | {f"{n:02d}" for n in range(100)} | {f"{n:03d}" for n in range(1000)}
    for spec in types.values():
        for p in spec["patterns"]:
            lo, hi = (p[0], p[1]) if isinstance(p, list) else (p, p)
            width = len(str(lo))
            for v in (lo - 1, lo, hi, hi + 1):
                s = str(v)
                if len(s) != width:
                    continue
                for cut in range(4, 9):
                    if len(s) >= cut:
                        out.add(s[:cut])
                    else:
                        out.add(s + "0" * (cut - len(s)))
                        out.add(s + "9" * (cut - len(s)))
    return sorted(out, key=lambda s: (len(s), s))


def generate(pkg: Path) -> str:
    types = load(pkg)
    numbers = inputs(types)
    script = ("const m=require(process.argv[1]);const f=m.default||m;"
              "const xs=JSON.parse(require('fs').readFileSync(0,'utf8'));"
              "process.stdout.write(JSON.stringify(xs.map(x=>f(x).map(t=>t.type))))")
    out = subprocess.run(["node", "-e", script, str(pkg / "dist" / "index.js")],
                         input=json.dumps(numbers), check=True, capture_output=True, text=True).stdout
    answers = json.loads(out)
    if len(answers) != len(numbers):
        raise fail("node answered a different number of cases")
    cases = [{"digits": n, "brands": [WIRE.get(t, t) for t in a]} for n, a in zip(numbers, answers)]
    source = json.dumps(f"credit-card-type {CREDIT_CARD_TYPE_NPM_VERSION} creditCardType(digits)")
    rows = ",\n".join(json.dumps(c, separators=(",", ":")) for c in cases)
    return f'{{"source":{source},\n"cases":[\n{rows}\n]}}\n'  # one case a line


def main() -> int:
    args = parser(__doc__, OUT).parse_args()
    with tempdir() as tmp:
        text = generate(fetch_npm("credit-card-type", CREDIT_CARD_TYPE_NPM_VERSION, tmp))
    return write_or_check(args.out, text, args.check)


if __name__ == "__main__":
    sys.exit(main())
