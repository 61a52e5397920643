import type { Messages } from "../types";

export const inviteSeveral: Messages["inviteSeveral"] = {
  title: "Mehrere einladen",
  pasteLabel: "Fügen Sie eine Person pro Zeile ein: E-Mail-Adresse, Benutzername, Rolle",
  pasteHint:
    "Bis zu {maxRows, number} Zeilen ({maxCharacters, number} Zeichen) auf einmal, getrennt durch Kommas, Semikolons oder Tabulatoren, so wie eine Tabellenkalkulation sie exportiert; eine erste Zeile mit den Spaltennamen ist optional. Jede Zeile wird geprüft, bevor etwas gesendet wird.",
  tooLong:
    "Die Liste hat {length, number} Zeichen: Teilen Sie sie in Abschnitte von höchstens {max, number} Zeichen auf",
  chooseFile: "Oder wählen Sie eine CSV-Datei",
  checkRows: "Zeilen prüfen",
  readySummary:
    "{ready, plural, one {# Zeile} other {# Zeilen}} bereit{refused, plural, =0 {} one {, # Zeile abgelehnt} other {, # Zeilen abgelehnt}}",
  sentSummary:
    "{sent, plural, one {# Einladung gesendet} other {# Einladungen gesendet}}{refused, plural, =0 {} one {, # Zeile abgelehnt} other {, # Zeilen abgelehnt}}",
  rowsChanged: "Zeilen geändert: Prüfen Sie erneut, bevor Sie senden.",
  showOnlyToFix: "Nur zu korrigierende Zeilen anzeigen",
  rowsToInvite: "Einzuladende Zeilen",
  refusedRows: "Abgelehnte Zeilen",
  columns: {
    row: "Zeile",
    email: "E-Mail-Adresse",
    username: "Benutzername",
    role: "Rolle",
    status: "Status",
    reason: "Grund",
  },
  emailOfRow: "E-Mail-Adresse, Zeile {row, number}",
  usernameOfRow: "Benutzername, Zeile {row, number}",
  roleOfRow: "Rolle, Zeile {row, number}",
  noRole: "(keine)",
  pages: "Zeilen",
  previous: "Zurück",
  next: "Weiter",
  pageOf: "Seite {page, number} von {pages, number}",
  checkAgain: "Erneut prüfen",
  send: "{count, plural, one {# Einladung} other {# Einladungen}} senden",
  startOver: "Neu beginnen",
  inviteMore: "Weitere einladen",
  statuses: {
    ready: "Bereit",
    changed: "Geändert",
    sent: "Gesendet",
  },
};
