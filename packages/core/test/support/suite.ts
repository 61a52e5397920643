import { afterAll, beforeAll } from "vitest";
import type { OrgkitContext } from "../../src/server";
import {
  contextFor,
  createTestDatabase,
  type Driver,
  type TestDatabase,
  type testClock,
} from "../../src/testing";

export const DRIVERS: Driver[] = ["pglite", "postgres"];

/** One database per driver and file, with a context whose clock each test can move. */
export function useDatabase(driver: Driver) {
  const state = {} as {
    database: TestDatabase;
    ctx: OrgkitContext;
    clock: ReturnType<typeof testClock>;
  };
  beforeAll(async () => {
    state.database = await createTestDatabase(driver);
    Object.assign(state, contextFor(state.database));
  });
  afterAll(async () => {
    await state.database?.drop();
  });
  return state;
}
