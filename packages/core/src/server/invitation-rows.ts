import Papa from "papaparse";
import type { InvitationRow } from "./services/invite-many";

/** The columns of a bulk invitation, in the order a file without a header gives them. */
const COLUMNS = ["email", "username", "role"] as const;

export type ParsedInvitationRows = {
  rows: InvitationRow[];
  /** Rows whose line did not have exactly three fields: the whole line is in `email`. */
  malformed: number[];
};

/**
 * Reads pasted lines or a CSV file into invitation rows with papaparse (quoted fields,
 * commas inside quotes, CRLF, a byte-order mark and blank lines handled; fields separated by
 * commas, semicolons or tabs, as the text shows). A first line
 * naming the columns (`email,username,role`, any order, any letter case) is a header; without
 * one, the columns are email, username and role. Fields are trimmed. A line with fewer or
 * more than three fields is kept as a row with the line in `email` and listed in `malformed`,
 * so the admin sees and fixes it.
 *
 * @param text Up to what the request cap allows; each non-blank line is one row.
 * @example
 * parseInvitationRows("email,username,role\nada@example.com,ada,USER");
 * // { rows: [{ email: "ada@example.com", username: "ada", role: "USER" }], malformed: [] }
 */
export function parseInvitationRows(text: string): ParsedInvitationRows {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), {
    skipEmptyLines: "greedy",
    // Spreadsheets export commas, or semicolons where the comma is the decimal mark, or tabs.
    delimitersToGuess: [",", ";", "\t"],
  });
  const lines = parsed.data.map((cells) => cells.map((cell) => cell.trim()));
  const first = lines[0]?.map((cell) => cell.toLowerCase()) ?? [];
  const isHeader =
    first.length === COLUMNS.length && COLUMNS.every((column) => first.includes(column));
  const order = isHeader ? COLUMNS.map((column) => first.indexOf(column)) : [0, 1, 2];
  const rows: InvitationRow[] = [];
  const malformed: number[] = [];
  for (const cells of isHeader ? lines.slice(1) : lines) {
    if (cells.length !== COLUMNS.length) {
      malformed.push(rows.length);
      rows.push({ email: cells.join(","), username: "", role: "" });
      continue;
    }
    const [email = "", username = "", role = ""] = order.map((at) => cells[at] ?? "");
    rows.push({ email, username, role });
  }
  return { rows, malformed };
}
