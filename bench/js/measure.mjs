// Warm-loop throughput, shared by Node.js (node-loop.mjs) and Chromium (served to the
// page): calibrate the iteration count to about `secs` per run, then `runs` timed runs.
// Returns requests/second per run.
export function measure(fn, secs, runs) {
  return measureEach([fn], secs, runs)[0];
}

/** Iterations of `fn` for about `secs` (doubling until a quarter of `secs` is reached). */
function calibrate(fn, secs, now) {
  let sink = 0;
  let iters = 1;
  for (;;) {
    const t = now();
    for (let i = 0; i < iters; i++) sink ^= fn() ? 1 : 0;
    const dt = now() - t;
    if (dt >= secs / 4 || iters >= 1 << 30) {
      globalThis.__sink = sink;
      return Math.max(1, Math.round((secs * iters) / Math.max(dt, 1e-9)));
    }
    iters *= 2;
  }
}

/**
 * Several functions measured side by side: each calibrated on its own, then their
 * timed runs interleaved (run r of every function before run r + 1 of any), so a
 * change of machine load lands on all of them alike and their ratio stays fair.
 * Returns [{iters, rps}] in the order of `fns`.
 */
export function measureEach(fns, secs, runs) {
  const now = () => performance.now() / 1000;
  let sink = 0;
  const out = fns.map((fn) => ({ iters: calibrate(fn, secs, now), rps: [] }));
  for (let r = 0; r < runs; r++) {
    fns.forEach((fn, k) => {
      const { iters } = out[k];
      const t = now();
      for (let i = 0; i < iters; i++) sink ^= fn() ? 1 : 0;
      out[k].rps.push(iters / (now() - t));
    });
  }
  globalThis.__sink = sink;
  return out;
}
