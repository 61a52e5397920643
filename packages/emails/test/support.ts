import type { Db } from "@orgkit/core/server";
import { readDevMailbox } from "../src/server";

export const RENDER = { baseUrl: "http://localhost:3000" };

/** The link token in the newest email to `to`, as a person would click it. */
export async function tokenFromMailbox(db: Db, to: string, index = 0): Promise<string> {
  const messages = await readDevMailbox(db, { to });
  const text = messages[index]?.text ?? "";
  const match = /token=([A-Za-z0-9_-]+)/.exec(text);
  if (!match?.[1]) throw new Error(`no link in the mailbox of ${to}`);
  return match[1];
}
