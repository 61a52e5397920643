import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkSecret, createContext } from "../../src/server";
import { createTestDatabase, SECRET, type TestDatabase } from "../../src/testing";

describe("one secret per deployment", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase("pglite");
  });
  afterAll(() => database?.drop());
  const withSecret = (secret: string) => createContext({ db: database.db, secret });

  it("R33 an instance whose secret differs from the database's is refused at start; rotation is explicit", async () => {
    await checkSecret(withSecret(SECRET));
    // Control: the same secret again (another instance, a restart) passes.
    await checkSecret(withSecret(SECRET));
    const other = "a-different-secret-a-different-secret-00";
    await expect(checkSecret(withSecret(other))).rejects.toMatchObject({
      name: "OrgkitConfigError",
      message: expect.stringContaining("AUTH_SECRET) differs"),
    });
    // A deliberate rotation records the new one; then the old secret is the stranger.
    await checkSecret(withSecret(other), { rotate: true });
    await checkSecret(withSecret(other));
    await expect(checkSecret(withSecret(SECRET))).rejects.toThrow(/differs/);
  });
});
