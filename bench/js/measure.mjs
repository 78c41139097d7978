// Warm-loop throughput, shared by Node.js (node-loop.mjs) and Chromium (served to the
// page): calibrate the iteration count to about `secs` per run, then `runs` timed runs.
// Returns requests/second per run.
export function measure(fn, secs, runs) {
  const now = () => performance.now() / 1000;
  let sink = 0;
  let iters = 1;
  for (;;) {
    const t = now();
    for (let i = 0; i < iters; i++) sink ^= fn() ? 1 : 0;
    const dt = now() - t;
    if (dt >= secs / 4 || iters >= 1 << 30) {
      iters = Math.max(1, Math.round((secs * iters) / Math.max(dt, 1e-9)));
      break;
    }
    iters *= 2;
  }
  const rps = [];
  for (let r = 0; r < runs; r++) {
    const t = now();
    for (let i = 0; i < iters; i++) sink ^= fn() ? 1 : 0;
    rps.push(iters / (now() - t));
  }
  globalThis.__sink = sink;
  return { iters, rps };
}
