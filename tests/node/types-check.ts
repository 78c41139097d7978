// Type-checked by tsc (scripts/test.sh), never run: the package's declarations are real
// types, not `any`. Each @ts-expect-error fails the check if the line type-checks, which
// it would if the types were `any`.
import { version, handleJson, LockstepError } from "lockstep";
import type { VersionResponse, Detail, ErrorCode } from "lockstep";

const v: VersionResponse = version();
const target: "native" | "wasi" | "web" = v.target;
const wire: number = v.wire_format;
// @ts-expect-error wire_format is a number
const wrong: string = v.wire_format;
// @ts-expect-error the version request has no members
version({ verbose: true });
// @ts-expect-error handleJson takes two strings
handleJson("version", {});

function describe(e: unknown): string {
  if (e instanceof LockstepError) {
    const code: ErrorCode = e.code;
    const first: Detail | undefined = e.details[0];
    // @ts-expect-error codes are a closed union
    const bogus: typeof code = "no_such_code";
    return `${code} ${first?.path ?? ""} ${e.message} ${bogus}`;
  }
  return String(e);
}

export { target, wire, wrong, describe };
