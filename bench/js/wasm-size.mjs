// Where a .wasm's bytes go: section sizes, code bytes per function from the name
// section (a non-stripped build), aggregated by crate, and the data segments' size.
function reader(buf) {
  let p = 0;
  const r = {
    get pos() { return p; },
    set pos(v) { p = v; },
    u8: () => buf[p++],
    uleb() {
      let result = 0, shift = 0, b;
      do { b = buf[p++]; result += (b & 0x7f) * 2 ** shift; shift += 7; } while (b & 0x80);
      return result;
    },
    name() { const n = r.uleb(); const s = new TextDecoder().decode(buf.subarray(p, p + n)); p += n; return s; },
  };
  return r;
}

const SECTION = ['custom', 'type', 'import', 'function', 'table', 'memory', 'global', 'export', 'start', 'element', 'code', 'data', 'datacount', 'tag'];

export function analyze(buf) {
  const r = reader(buf);
  r.pos = 8;
  const sections = [];
  let funcImports = 0, bodies = [], names = new Map(), dataBytes = 0, dataSegments = 0;
  while (r.pos < buf.length) {
    const id = r.u8(), size = r.uleb(), start = r.pos, end = start + size;
    let label = SECTION[id] ?? `id ${id}`;
    if (id === 0) {
      const n = r.name();
      label = `custom "${n}"`;
      if (n === 'name') {
        while (r.pos < end) {
          const sub = r.u8(), len = r.uleb(), subEnd = r.pos + len;
          if (sub === 1) {
            const count = r.uleb();
            for (let i = 0; i < count; i++) { const idx = r.uleb(); names.set(idx, r.name()); }
          }
          r.pos = subEnd;
        }
      }
    } else if (id === 2) {
      const count = r.uleb();
      for (let i = 0; i < count; i++) {
        r.name(); r.name();
        const kind = r.u8();
        if (kind === 0) { r.uleb(); funcImports++; }
        else if (kind === 1) { r.u8(); const f = r.u8(); r.uleb(); if (f & 1) r.uleb(); }
        else if (kind === 2) { const f = r.u8(); r.uleb(); if (f & 1) r.uleb(); }
        else if (kind === 3) { r.u8(); r.u8(); }
        else if (kind === 4) { r.u8(); r.uleb(); }
      }
    } else if (id === 10) {
      const count = r.uleb();
      for (let i = 0; i < count; i++) { const len = r.uleb(); bodies.push(len); r.pos += len; }
    } else if (id === 11) {
      dataBytes = size;
      dataSegments = r.uleb();
    }
    sections.push({ id, label, size: end - start });
    r.pos = end;
  }
  const functions = bodies.map((size, i) => ({ index: funcImports + i, size, name: names.get(funcImports + i) ?? '' }));
  return { total: buf.length, sections, functions, dataBytes, dataSegments, named: names.size > 0 };
}

/** The crate a (demangled or legacy-mangled) Rust symbol belongs to. */
export function crateOf(name) {
  if (!name) return '(unnamed)';
  if (name.startsWith('_ZN')) {
    // legacy mangling: the first path component; for `<Type as Trait>::f` the type's crate
    const m = /^_ZN(\d+)/.exec(name);
    let s = m ? name.slice(3 + m[1].length, 3 + m[1].length + +m[1]) : name;
    s = s.replace(/^_?(\$LT\$|\$RF\$|\$BP\$|mut\$u20\$|\$u5b\$)+/, '');
    const c = s.split(/\.\.|\$/)[0];
    return !c || c === 'T' ? '(generic impls on T)' : c;
  }
  if (name.startsWith('_R')) {
    // v0 mangling: the first crate root `C[s<disambiguator>_]<len><ident>`
    const m = /C(?:s[0-9A-Za-z]*_)?(\d+)/.exec(name.slice(2));
    return m ? name.slice(2).substr(m.index + m[0].length, +m[1]) : '(other)';
  }
  if (name.startsWith('__wbindgen_describe')) return '(wasm-bindgen describe fns, removed by wasm-bindgen)';
  const s = name.replace(/^<+/, '').replace(/^(&|\*const |\*mut |dyn |mut |\[)+/, '');
  const m = /^([A-Za-z_][A-Za-z0-9_]*)::/.exec(s);
  if (m) return m[1];
  return '(unmangled: libc, compiler-rt, glue)';
}

export function byCrate(functions) {
  const m = new Map();
  for (const f of functions) {
    const c = crateOf(f.name);
    const e = m.get(c) ?? { crate: c, bytes: 0, functions: 0 };
    e.bytes += f.size;
    e.functions++;
    m.set(c, e);
  }
  return [...m.values()].sort((a, b) => b.bytes - a.bytes);
}

/**
 * The data section by input symbol, from a wasm-ld `-Map` file: each entry's size and
 * the symbol it came from (`.rodata.<symbol>`; anonymous constants are `.Lanon.<hash>.N`,
 * one hash per codegen unit of origin, so they are grouped by hash).
 */
export function dataFromMap(text) {
  const entries = [];
  let inData = false;
  for (const line of text.split('\n')) {
    const p = line.trim().split(/\s+/);
    if (p.length >= 4 && p[3] === 'DATA') { inData = true; continue; }
    if (inData && p.length >= 4 && /^[A-Z]+$/.test(p[3]) && p[3] !== 'DATA') break;
    if (!inData || p.length < 4 || !p[3].includes(':(')) continue;
    const section = p[3].slice(p[3].indexOf(':(') + 2, -1);
    const size = parseInt(p[2], 16);
    const anon = /\.Lanon\.([0-9a-f]+)\./.exec(section);
    const sym = /^\.(?:rodata|data|bss|tdata)\.(?:\.Lswitch\.table\.)?(.+)$/.exec(section);
    const group = anon ? `anonymous constants ${anon[1].slice(0, 8)}` : sym ? crateOf(sym[1]) : section;
    entries.push({ size, section, group });
  }
  const groups = new Map();
  for (const e of entries) {
    const g = groups.get(e.group) ?? { group: e.group, bytes: 0, entries: 0, largest: 0 };
    g.bytes += e.size; g.entries++; g.largest = Math.max(g.largest, e.size);
    groups.set(e.group, g);
  }
  return { total: entries.reduce((s, e) => s + e.size, 0), groups: [...groups.values()].sort((a, b) => b.bytes - a.bytes), largest: [...entries].sort((a, b) => b.size - a.size).slice(0, 10) };
}
