import { expect } from "vitest";
import { PolicyError, type ReasonCode } from "../../src/policy";

/** The reason code a call was refused with, or "OK"; any other error fails the test. */
export async function outcome(call: Promise<unknown>): Promise<ReasonCode | "OK"> {
  try {
    await call;
    return "OK";
  } catch (error) {
    if (error instanceof PolicyError) return error.reason;
    throw error;
  }
}

export async function expectRefused(call: Promise<unknown>, reason: ReasonCode): Promise<void> {
  expect(await outcome(call)).toBe(reason);
}
