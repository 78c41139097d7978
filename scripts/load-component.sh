#!/usr/bin/env bash
# The edge function (dist/lockstep-http.wasm) under `wasmtime serve`, without -Scli,
# under bounded load from loopback: wrk (Debian's package), the same mix of valid and
# invalid requests as scripts/load.sh (golden vectors, a wrong content type, malformed
# JSON, a body over the size limit) on /v1/{op}, the server's memory sampled every
# second. Figures go to target/load-component/report.md and, by hand, to
# docs/components.md. Fails on any 5xx, socket error or a dead server.
# usage: scripts/load-component.sh [seconds] [connections]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
connections=${2:-64}
out=target/load-component
if ! command -v wrk >/dev/null; then
  echo "load-component: installing Debian's wrk"
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq wrk
  else sudo apt-get update -qq && sudo apt-get install -y -qq wrk; fi
fi
[ -f dist/lockstep-http.wasm ] || scripts/build.sh
mkdir -p "$out"

python3 - "$out" <<'PY'
import json, pathlib, sys
out = []
for f in sorted(pathlib.Path('tests/vectors').rglob('*.json')):
    v = json.loads(f.read_text())
    if v['op'] in ('quote', 'validate', 'score') and 'request' in v:
        out.append((f"/v1/{v['op']}", 'application/json', json.dumps(v['request'], separators=(',', ':'))))
out.append(('/v1/quote', 'text/plain', '{}'))
out.append(('/v1/quote', 'application/json', '{"currency":'))
out.append(('/v1/validate', 'application/json', '{"email":"' + 'x' * (1024 * 1024) + '"}'))
pathlib.Path(sys.argv[1], 'requests.txt').write_text(''.join(f'{p}\t{c}\t{b}\n' for p, c, b in out))
print(f'load-component: {len(out)} distinct requests')
PY

wasmtime serve --addr 127.0.0.1:0 dist/lockstep-http.wasm > "$out/server.out" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 100); do grep -q 'Serving HTTP' "$out/server.out" && break; sleep 0.1; done
url=$(grep -o 'http://[0-9.:]*/' "$out/server.out" | head -n1)
rss() { awk '/VmRSS/ {print $2}' "/proc/$server/status"; }
start_rss=$(rss)
: > "$out/rss.txt"
( while kill -0 $server 2>/dev/null; do rss >> "$out/rss.txt"; sleep 1; done ) &
sampler=$!
LOCKSTEP_LOAD_REQUESTS="$out/requests.txt" \
  wrk -t 2 -c "$connections" -d "${seconds}s" --latency -s scripts/load/mixed.lua "$url" | tee "$out/wrk.txt"
kill $sampler 2>/dev/null || true
end_rss=$(rss)
max_rss=$(sort -n "$out/rss.txt" | tail -n1)
alive=yes; kill -0 $server 2>/dev/null || alive=no
{
  echo "# Edge function under wasmtime serve, under load"
  echo
  echo "wrk, ${connections} connections, ${seconds} s, $(wc -l < "$out/requests.txt") distinct requests (valid and invalid), $(nproc) cores, wasmtime $(wasmtime --version | cut -d' ' -f2)"
  echo
  echo '```'; cat "$out/wrk.txt"; echo '```'
  echo
  echo "server RSS: start ${start_rss} kB, max ${max_rss} kB, end ${end_rss} kB; alive after the run: ${alive}"
} > "$out/report.md"
tail -n 1 "$out/report.md"
[ "$alive" = yes ] && grep -q ' 5xx 0, other 0' "$out/wrk.txt" && grep -Eq 'errors connect 0 read 0 write 0 status [0-9]+ timeout 0' "$out/wrk.txt"
