// A minimal WASI host for dist/lockstep.wasm in Node.js (V8): the five functions the
// module imports (args_sizes_get, args_get, fd_read, fd_write, proc_exit), stdin and
// stdout in memory. Shared by node-inst.mjs (cold start, one request per instance) and
// wasi-mem.mjs (warm-instance memory, one `--batch` instance).
//
//   const host = new WasiHost({ args, read, consumed, write });
//   const inst = new WebAssembly.Instance(module, host.imports);
//   host.memory = inst.exports.memory;
//   host.start(inst); // _start; returns on proc_exit(0), throws otherwise
//
// args: the command line (strings). read(): the bytes one fd_read may deliver (empty at
// end of input); fd_read scatters as many of them as the iovecs hold and reports that
// count to consumed(k). write(bytes): each iovec written to fd 1, a view into the
// module's memory (copy it to keep it); other fds are accepted and dropped.

export class Exit extends Error {}

export class WasiHost {
  constructor({ args, read, consumed, write }) {
    const enc = new TextEncoder();
    const argv = args.map((a) => enc.encode(a));
    this.memory = null;
    this.exitCode = null;
    const v = () => new DataView(this.memory.buffer);
    this.imports = {
      wasi_snapshot_preview1: {
        args_sizes_get: (argc, size) => {
          v().setUint32(argc, argv.length, true);
          v().setUint32(size, argv.reduce((s, a) => s + a.length + 1, 0), true);
          return 0;
        },
        args_get: (ptrs, buf) => {
          const u8 = new Uint8Array(this.memory.buffer);
          argv.forEach((a, i) => {
            v().setUint32(ptrs + 4 * i, buf, true);
            u8.set(a, buf);
            u8[buf + a.length] = 0;
            buf += a.length + 1;
          });
          return 0;
        },
        fd_read: (fd, iovs, n, nread) => {
          const src = read();
          const d = v(), u8 = new Uint8Array(this.memory.buffer);
          let done = 0;
          for (let i = 0; i < n && done < src.length; i++) {
            const p = d.getUint32(iovs + 8 * i, true), len = d.getUint32(iovs + 8 * i + 4, true);
            const take = Math.min(len, src.length - done);
            u8.set(src.subarray(done, done + take), p);
            done += take;
          }
          consumed(done);
          d.setUint32(nread, done, true);
          return 0;
        },
        fd_write: (fd, iovs, n, nw) => {
          const d = v();
          let done = 0;
          for (let i = 0; i < n; i++) {
            const p = d.getUint32(iovs + 8 * i, true), len = d.getUint32(iovs + 8 * i + 4, true);
            if (fd === 1) write(new Uint8Array(this.memory.buffer, p, len));
            done += len;
          }
          d.setUint32(nw, done, true);
          return 0;
        },
        proc_exit: (code) => {
          this.exitCode = code;
          throw new Exit();
        },
      },
    };
  }

  // Runs the command's _start: a proc_exit(0) is a normal end, any other exit or trap throws.
  start(inst) {
    try {
      inst.exports._start();
    } catch (e) {
      if (!(e instanceof Exit) || this.exitCode !== 0) throw e;
    }
  }
}
