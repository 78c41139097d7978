import type { VersionRequest, VersionResponse } from "./lockstep_web.js";

export {
  quote,
  validate,
  score,
  handleJson,
  handleLine,
  LockstepError,
} from "./lockstep_web.js";
export type * from "./types.js";

/** Reports the build answering: crate version, wire-format version and target (`"web"`). */
export function version(request?: VersionRequest): VersionResponse;
