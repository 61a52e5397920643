import Papa from "papaparse";
import type { InvitationRow } from "./services/invite-many";

/** The columns of a bulk invitation, in the order a file without a header gives them. */
const COLUMNS = ["email", "username", "role"] as const;

/** Header names a spreadsheet may use for each column, compared without case. */
const HEADER_NAMES: Record<(typeof COLUMNS)[number], readonly string[]> = {
  email: ["email", "e-mail", "email address", "e-mail-adresse"],
  username: ["username", "user name", "benutzername"],
  role: ["role", "rolle"],
};

/** Longest value kept in a field (an email's own limit); anything longer is refused anyway. */
export const INVITATION_FIELD_MAX = 320;

export type ParsedInvitationRows = {
  rows: InvitationRow[];
  /** Rows whose line did not read as three fields: the line itself is in `email`. */
  malformed: number[];
};

const parse = (text: string, delimiter?: string) =>
  Papa.parse<string[]>(text, {
    skipEmptyLines: "greedy",
    // Spreadsheets export commas, or semicolons where the comma is the decimal mark, or tabs.
    ...(delimiter ? { delimiter } : { delimitersToGuess: [",", ";", "\t"] }),
  });

/**
 * Reads pasted lines or a CSV file into invitation rows with papaparse (quoted fields,
 * commas inside quotes, CRLF, a byte-order mark and blank lines handled; fields separated by
 * commas, semicolons or tabs, as the text shows). A first line naming the columns (`email,
 * username, role` or their German names, any order, any letter case) is a header; without one,
 * the columns are email, username and role. Fields are trimmed and kept to
 * `INVITATION_FIELD_MAX` characters; empty fields after the third (a spreadsheet's trailing
 * delimiter) are ignored. A line that does not read as three fields, or whose quotes do not
 * close (read on its own, so it never swallows the lines after it), is kept as a row with the
 * line in `email` and listed in `malformed`, so the admin sees and fixes it.
 *
 * @param text Pasted text or a file's content; each non-blank line is one row.
 * @example
 * parseInvitationRows("email,username,role\nada@example.com,ada,USER");
 * // { rows: [{ email: "ada@example.com", username: "ada", role: "USER" }], malformed: [] }
 */
export function parseInvitationRows(text: string): ParsedInvitationRows {
  const source = text.replace(/^\uFEFF/, "");
  const whole = parse(source);
  const broken = whole.errors.some((error) => error.type === "Quotes");
  // An unclosed quote makes papaparse read on to the end of the text: then each line is
  // read on its own, with the delimiter the whole text showed, and only the bad line fails.
  const lines: { cells: string[]; ok: boolean }[] = broken
    ? source
        .split(/\r\n|\n|\r/)
        .filter((line) => line.trim() !== "")
        .map((line) => {
          const one = parse(line, whole.meta.delimiter);
          return { cells: one.data[0] ?? [line], ok: one.errors.length === 0 };
        })
    : whole.data.map((cells) => ({ cells, ok: true }));
  const trimmed = lines.map(({ cells, ok }) => {
    const fields = cells.map((cell) => cell.trim());
    while (fields.length > COLUMNS.length && fields.at(-1) === "") fields.pop();
    return { fields, ok };
  });
  const order = headerOrder(trimmed[0]?.fields ?? []);
  const rows: InvitationRow[] = [];
  const malformed: number[] = [];
  for (const { fields, ok } of order ? trimmed.slice(1) : trimmed) {
    if (!ok || fields.length !== COLUMNS.length) {
      malformed.push(rows.length);
      rows.push({ email: clip(fields.join(",")), username: "", role: "" });
      continue;
    }
    const [email = "", username = "", role = ""] = (order ?? [0, 1, 2]).map((at) =>
      clip(fields[at] ?? ""),
    );
    rows.push({ email, username, role });
  }
  return { rows, malformed };
}

/**
 * A row with neither username nor role: how a line that did not read as three fields comes out
 * of `parseInvitationRows`, and what "Each row needs an email, a username and a role" answers,
 * whether the row is checked, checked again or sent.
 */
export const isMalformedRow = (row: InvitationRow) =>
  row.username.trim() === "" && row.role.trim() === "";

/** Where each column is, when the first line is a header; null when it is a row. */
function headerOrder(first: readonly string[]): number[] | null {
  if (first.length !== COLUMNS.length) return null;
  const names = first.map((cell) => cell.toLowerCase());
  const order = COLUMNS.map((column) =>
    names.findIndex((name) => HEADER_NAMES[column].includes(name)),
  );
  return order.every((at) => at >= 0) && new Set(order).size === COLUMNS.length ? order : null;
}

const clip = (value: string) => [...value].slice(0, INVITATION_FIELD_MAX).join("");
