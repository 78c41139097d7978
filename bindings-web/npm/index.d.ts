// The package's API, the same from every entry (index.js, node.js, workerd.js).
import type {
  QuoteRequest, QuoteResponse, ValidateRequest, ValidateResponse, ScoreRequest, ScoreResponse,
  VersionRequest, VersionResponse, Detail, ErrorCode,
} from "./types.js";
export type * from "./types.js";

/** The error every Lockstep function throws. */
export declare class LockstepError extends Error {
  readonly name: "LockstepError";
  /** Stable machine-readable code, e.g. `"unknown_field"`. */
  readonly code: ErrorCode;
  /** Every problem found, each located by a JSON Pointer into the request. */
  readonly details: Detail[];
}

/** Prices a cart. */
export function quote(request: QuoteRequest): QuoteResponse;

/** Validates and sanitizes payment details. */
export function validate(request: ValidateRequest): ValidateResponse;

/** Scores a payment's fraud risk. */
export function score(request: ScoreRequest): ScoreResponse;

/** Reports the build answering: crate version, wire-format version and target (`"web"`). */
export function version(request?: VersionRequest): VersionResponse;

/**
 * Runs operation `op` on request JSON text and returns the response JSON text,
 * byte-identical to the CLI's stdout (without the newline). Never throws.
 */
export function handleJson(op: string, request: string): string;

/**
 * Answers one line of batch input (`{"op": ..., "request": ...}`) exactly as
 * `lockstep --batch` does. Never throws.
 */
export function handleLine(line: string): string;
