// The package's public API, shared by every entry (index.js, node.js, workerd.js): only
// glue around the wasm string entry. A request crosses as `JSON.stringify(request)`, the
// answer comes back as the CLI's JSON text and is `JSON.parse`d, or thrown as a
// LockstepError when it is an error answer. Every message is core's (or the binding's
// own, from Rust): none is written here. docs/performance.md ("JS boundary") has the
// measurements behind strings over objects.
//
// Each entry initializes the wasm module before it re-exports these functions.
import {
  handleJson as wasmHandleJson,
  handleLine as wasmHandleLine,
  encodeFailure,
  tooLarge,
  maxRequestBytes,
} from './lockstep_web.js';

/** The error every Lockstep function throws: a real Error subclass carrying the wire
 * error's `code` and `details` (each with a JSON Pointer `path`). */
export class LockstepError extends Error {
  constructor(code, message, details) {
    super(message);
    this.name = 'LockstepError';
    this.code = code;
    this.details = details;
  }
}

// Read from the module on first use (the wasm is instantiated after this module loads).
let limit = -1;

// An error answer always starts with this; a success answer never does (its first
// member is fixed by the response type's declaration order).
const ERROR_PREFIX = '{"error":';

function throwError(text) {
  const { error } = JSON.parse(text);
  throw new LockstepError(error.code, error.message, error.details);
}

function call(op, request) {
  let text;
  try {
    text = JSON.stringify(request);
  } catch {
    // A BigInt, a cycle or a throwing toJSON.
    return throwError(encodeFailure());
  }
  // JSON.stringify(undefined), of a function or of a symbol: the empty request.
  if (typeof text !== 'string') text = '';
  if (limit < 0) limit = maxRequestBytes();
  // UTF-8 needs at least one byte per UTF-16 unit: a longer string is over the limit,
  // refused before it is copied into wasm.
  if (text.length > limit) return throwError(tooLarge(text.length));
  const answer = wasmHandleJson(op, text);
  if (answer.startsWith(ERROR_PREFIX)) return throwError(answer);
  return JSON.parse(answer);
}

/** Prices a cart. */
export function quote(request) {
  return call('quote', request);
}

/** Validates and sanitizes payment details. */
export function validate(request) {
  return call('validate', request);
}

/** Scores a payment's fraud risk. */
export function score(request) {
  return call('score', request);
}

/** Reports the build answering; the request is `{}` (or omitted). */
export function version(request) {
  return call('version', request ?? {});
}

// wasm-bindgen's string passing reads `.length` and char codes of its argument: a
// non-string would throw a TypeError or trap, so arguments are converted as `String()`
// does (strings pass untouched).
const asString = (value) => (typeof value === 'string' ? value : String(value));

/** Runs operation `op` on request JSON text and returns the response JSON text,
 * byte-identical to the CLI's stdout (without the newline). Never throws. */
export function handleJson(op, request) {
  return wasmHandleJson(asString(op), asString(request));
}

/** Answers one line of batch input (`{"op": ..., "request": ...}`) exactly as
 * `lockstep --batch` does. Never throws. */
export function handleLine(line) {
  return wasmHandleLine(asString(line));
}
