import { PolicyError } from "../policy";

/** Opaque keyset cursors: base64url JSON of the last row's sort key. */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString("base64url");
}

export function decodeCursor(
  cursor: string | undefined,
  length: number,
): (string | number)[] | null {
  if (!cursor) return null;
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(key) && key.length === length) {
      if (key.every((part) => typeof part === "string" || typeof part === "number")) return key;
    }
  } catch {
    // An unreadable cursor is treated like no cursor below.
  }
  throw new PolicyError("INPUT_INVALID");
}

export const PAGE_SIZE = { default: 50, max: 100 } as const;

export function pageSize(limit: number | undefined): number {
  return Math.min(Math.max(Math.trunc(limit ?? PAGE_SIZE.default), 1), PAGE_SIZE.max);
}
