#!/usr/bin/env bash
# The demo server under bounded load from loopback (issue #6): wrk (Debian's package),
# 64 connections for 60 s, a mix of valid and invalid quote/validate/score requests,
# with the server's memory sampled every second. Figures go to target/load/report.md
# and, by hand, to docs/security.md. usage: scripts/load.sh [seconds] [connections]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
connections=${2:-64}
command -v wrk >/dev/null || { echo "load: installing Debian's wrk"; apt-get install -y -qq wrk; }
[ -x dist/native/lockstep-demo ] || scripts/build.sh
mkdir -p target/load

# The requests: the golden vectors' valid and invalid requests, a wrong content type,
# malformed JSON and a body over the size limit (answered 413).
python3 - <<'PY'
import json, pathlib
out = []
for f in sorted(pathlib.Path('tests/vectors').rglob('*.json')):
    v = json.loads(f.read_text())
    if v['op'] in ('quote', 'validate', 'score') and 'request' in v:
        out.append((f"/api/{v['op']}", 'application/json', json.dumps(v['request'], separators=(',', ':'))))
out.append(('/api/quote', 'text/plain', '{}'))
out.append(('/api/quote', 'application/json', '{"currency":'))
out.append(('/api/validate', 'application/json', '{"email":"' + 'x' * (1024 * 1024) + '"}'))
pathlib.Path('target/load/requests.txt').write_text(''.join(f'{p}\t{c}\t{b}\n' for p, c, b in out))
print(f'load: {len(out)} distinct requests')
PY

dist/native/lockstep-demo --port 0 --www dist/www > target/load/server.out 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 50); do grep -q http target/load/server.out && break; sleep 0.1; done
url=$(grep -o 'http://[0-9.:]*/' target/load/server.out | head -n1)
rss() { awk '/VmRSS/ {print $2}' "/proc/$server/status"; }
start_rss=$(rss)
( while kill -0 $server 2>/dev/null; do rss >> target/load/rss.txt; sleep 1; done ) &
sampler=$!
: > target/load/rss.txt
LOCKSTEP_LOAD_REQUESTS=target/load/requests.txt \
  wrk -t 2 -c "$connections" -d "${seconds}s" --latency -s scripts/load/mixed.lua "$url" | tee target/load/wrk.txt
kill $sampler 2>/dev/null || true
end_rss=$(rss)
max_rss=$(sort -n target/load/rss.txt | tail -n1)
alive=yes; kill -0 $server 2>/dev/null || alive=no
{
  echo "# Demo server under load"
  echo
  echo "wrk, ${connections} connections, ${seconds} s, $(wc -l < target/load/requests.txt) distinct requests (valid and invalid), $(nproc) cores"
  echo
  echo '```'; cat target/load/wrk.txt; echo '```'
  echo
  echo "server RSS: start ${start_rss} kB, max ${max_rss} kB, end ${end_rss} kB; alive after the run: ${alive}"
} > target/load/report.md
cat target/load/report.md | tail -n 3
[ "$alive" = yes ] && grep -q ' 5xx 0, other 0' target/load/wrk.txt
