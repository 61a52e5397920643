/**
 * A deployment mistake the operator must fix (a short secret, a missing package, a data
 * folder another process holds). Its message names the setting and never holds personal
 * data, so hosts and orgkit's own handlers log it as is.
 *
 * @example
 * throw new OrgkitConfigError("the secret needs at least 32 characters");
 */
export class OrgkitConfigError extends Error {
  /** Marks the error across bundles, where `instanceof` may see two copies of this class. */
  readonly orgkitConfigError = true;
  constructor(message: string, options?: ErrorOptions) {
    super(`orgkit: ${message}`, options);
    this.name = "OrgkitConfigError";
  }
}

/**
 * Whether `error` is an {@link OrgkitConfigError} (or a subclass), from any copy of orgkit.
 *
 * @example
 * if (isOrgkitConfigError(error)) logger.error(error.message);
 */
export function isOrgkitConfigError(error: unknown): error is OrgkitConfigError {
  return (
    typeof error === "object" &&
    error !== null &&
    (error as { orgkitConfigError?: unknown }).orgkitConfigError === true
  );
}
