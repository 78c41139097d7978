// A Cloudflare Worker over the npm package, bundled as wrangler does (esbuild,
// conditions workerd,worker,browser: the package's workerd.js entry, which imports the
// .wasm as a module). Routes (POST, the request JSON as the body):
//   /quote, /validate, /score, /version  the object API on the parsed body: 200 and the
//        answer, or 400 and the LockstepError as {"error": {code, message, details}};
//        a body that is not JSON is answered by core (handleJson) with its parse error
//   /json/<op>  the body as text through handleJson: the CLI's bytes, 400 on an error
//   /line       the body as one `--batch` line through handleLine, likewise
import { quote, validate, score, version, handleJson, handleLine, LockstepError } from 'lockstep';

const API = { quote, validate, score, version };
const JSON_TYPE = { 'content-type': 'application/json' };

const reply = (status, body) => new Response(body, { status, headers: JSON_TYPE });
const fromText = (answer) => reply(answer.startsWith('{"error":') ? 400 : 200, answer);

export default {
  async fetch(request) {
    const { pathname } = new URL(request.url);
    if (request.method !== 'POST') return new Response(null, { status: 405, headers: { allow: 'POST' } });
    const text = await request.text();
    if (pathname.startsWith('/json/')) return fromText(handleJson(pathname.slice('/json/'.length), text));
    if (pathname === '/line') return fromText(handleLine(text));
    const op = pathname.slice(1);
    if (!Object.hasOwn(API, op)) return new Response(null, { status: 404 });
    let body;
    try {
      body = JSON.parse(text);
    } catch {
      return fromText(handleJson(op, text));
    }
    try {
      return reply(200, JSON.stringify(API[op](body)));
    } catch (e) {
      if (!(e instanceof LockstepError)) throw e;
      return reply(400, JSON.stringify({ error: { code: e.code, message: e.message, details: e.details } }));
    }
  },
};
