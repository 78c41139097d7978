// The error every Lockstep function throws: a real Error subclass carrying the wire
// error's `code` and `details` (each with a JSON Pointer `path`).
export class LockstepError extends Error {
  constructor(code, message, details) {
    super(message);
    this.name = 'LockstepError';
    this.code = code;
    this.details = details;
  }
}

export function makeLockstepError(code, message, details) {
  return new LockstepError(code, message, details);
}

export function lockstepErrorClass() {
  return LockstepError;
}
