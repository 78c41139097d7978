#!/usr/bin/env bash
# Fuzzes every JSON entry and the CLI's batch reader with cargo-fuzz (libFuzzer, on the
# nightly toolchain). usage: scripts/fuzz.sh [seconds per target, default 10] [target...]
# The seed corpus is built from the golden vectors (tests/vectors) on every run; what
# the fuzzer finds is kept in fuzz/corpus/ (not committed). A crash fails the run and
# leaves its input in fuzz/artifacts/<target>/.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(quote validate score version batch_reader decoder)

command -v cargo-fuzz >/dev/null || { echo "fuzz: installing cargo-fuzz"; cargo install cargo-fuzz; }
rustup toolchain list | grep -q '^nightly' || { echo "fuzz: MISSING: the nightly toolchain (rustup toolchain install nightly)" >&2; exit 1; }

python3 - <<'PY'
import json, pathlib, hashlib
root = pathlib.Path('tests/vectors')
out = pathlib.Path('fuzz/seeds')
ops = ['quote', 'validate', 'score', 'version']
for t in ops + ['batch_reader', 'decoder']:
    (out / t).mkdir(parents=True, exist_ok=True)
lines = []
def put(target, data):
    name = hashlib.sha256(data).hexdigest()[:16]
    (out / target / name).write_bytes(data)
for f in sorted(root.rglob('*.json')):
    v = json.loads(f.read_text())
    op = v['op']
    if 'request' in v:
        text = json.dumps(v['request'], separators=(',', ':'), ensure_ascii=False).encode()
        line = json.dumps({'op': op, 'request': v['request']}, separators=(',', ':'), ensure_ascii=False)
    elif 'request_text' in v:
        text = v['request_text'].encode()
        line = None
    else:
        text = None
        line = v['batch_line']
    if text is not None and op in ops:
        put(op, text)
    if text is not None:
        put('decoder', text)
    if line is not None:
        lines.append(line)
        put('batch_reader', line.encode())
put('batch_reader', ('\n'.join(lines) + '\n').encode())
PY

for t in "${targets[@]}"; do
  mkdir -p "fuzz/corpus/$t"
  echo "fuzz: $t for ${seconds}s"
  log="fuzz/artifacts/$t.log"
  mkdir -p fuzz/artifacts
  if ! (cd fuzz && cargo +nightly fuzz run --release "$t" "corpus/$t" "seeds/$t" -- \
      -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1) >"$log" 2>&1; then
    tail -n 40 "$log" >&2
    echo "fuzz: $t FAILED (crash, timeout, OOM or build error); input in fuzz/artifacts/$t/, log $log" >&2
    exit 1
  fi
  grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb)' "$log" | sed "s/^/fuzz: $t /"
done
echo "fuzz: no crash in ${#targets[@]} targets x ${seconds}s"
