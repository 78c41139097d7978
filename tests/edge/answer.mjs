// Runs on every runtime under test (Deno, Bun, the Vite-built page): answers each case
// through the package it is given, both ways a user calls it.
//   json:   handleJson(op, text), or handleLine(text) for a batch line
//   object: the object API on JSON.parse(text) (cases with `object`), as the text of
//           the result, or of `{"error": {code, message, details}}` for a LockstepError
// Any other exception, or an error that is not a LockstepError and an Error, is
// reported as `THREW …` and fails the comparison.
export function answerAll(lockstep, cases) {
  return cases.map(({ op, text, object, line }) => ({
    json: line ? lockstep.handleLine(text) : lockstep.handleJson(op, text),
    object: object ? viaObject(lockstep, op, text) : null,
  }));
}

function viaObject(lockstep, op, text) {
  try {
    return JSON.stringify(lockstep[op](JSON.parse(text)));
  } catch (e) {
    if (!(e instanceof lockstep.LockstepError) || !(e instanceof Error) || e.name !== 'LockstepError') {
      return `THREW ${e && e.stack || e}`;
    }
    return JSON.stringify({ error: { code: e.code, message: e.message, details: e.details } });
  }
}
