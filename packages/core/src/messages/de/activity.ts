import type { Messages } from "../types";

export const activity: Messages["activity"] = {
  backToOrganization: "Zurück zur Organisation",
  auditLog: "Aktivitätsprotokoll",
  member: "Mitglied",
  action: "Aktion",
  allActions: "Alle Aktionen",
  loading: "Aktivität wird geladen…",
  couldNotLoad: "Die Aktivität konnte nicht geladen werden: {message}",
  retry: "Erneut versuchen",
  noMatches: "Keine passende Aktivität.",
  empty: "Noch keine Aktivität.",
  loadMore: "Mehr laden",
  export: "Exportieren",
  exportHint:
    "Laden Sie das Aktivitätsprotokoll für Ihre Unterlagen oder für eine Prüfung herunter. Die Datumsangaben sind in UTC; lassen Sie sie leer, um alles Gespeicherte zu erhalten.",
  format: "Format",
  formats: { csv: "CSV", jsonl: "JSON Lines" },
  from: "Von",
  to: "Bis",
  download: "Herunterladen",
  toBeforeFrom: "„Bis“ muss derselbe Tag wie „Von“ oder ein späterer sein",
  actions: {
    organization: {
      activated: "Organisation aktiviert",
      deletion_requested: "Löschung beantragt",
      deletion_cancelled: "Löschung abgebrochen",
      deleted: "Organisation gelöscht",
    },
    invitation: {
      sent: "Einladung gesendet",
      resent: "Einladung erneut gesendet",
      revoked: "Einladung widerrufen",
      accepted: "Einladung angenommen",
    },
    member: {
      role_changed: "Rolle geändert",
      removed: "Mitglied entfernt",
      left: "Mitglied ausgetreten",
    },
    ownership: {
      transfer_requested: "Übertragung der Inhaberschaft beantragt",
      transfer_cancelled: "Übertragung der Inhaberschaft abgebrochen",
      transferred: "Inhaberschaft übertragen",
    },
    audit: {
      pruned: "Aktivitätsprotokoll bereinigt",
      exported: "Aktivitätsprotokoll exportiert",
    },
    person: { erased: "Personenbezogene Daten gelöscht" },
    webhook: { redelivered: "Webhook erneut gesendet" },
  },
  someone: "Jemand",
  events: {
    organization: {
      activated: "{actor} hat die Organisation {target} aktiviert",
      deletion_requested: "{actor} hat die Löschung der Organisation {target} beantragt",
      deletion_cancelled:
        "{because, select, replaced {{actor} hat die ausstehende Löschung von {target} durch einen neuen Antrag ersetzt} ownershipTransferred {Die ausstehende Löschung von {target} wurde abgebrochen, als die Inhaberschaft übertragen wurde} other {{actor} hat die Löschung von {target} abgebrochen}}",
      deleted: "{actor} hat die Organisation {target} gelöscht",
    },
    invitation: {
      sent: "{hasRole, select, true {{actor} hat {target} als {role} eingeladen} other {{actor} hat {target} eingeladen}}",
      resent: "{actor} hat die Einladung an {target} erneut gesendet",
      revoked: "{actor} hat die Einladung an {target} widerrufen",
      accepted:
        "{hasRole, select, true {{target} ist als {role} beigetreten} other {{target} ist beigetreten}}",
    },
    member: {
      role_changed:
        "{own, select, true {{actor} hat die eigene Rolle von {from} auf {to} geändert} other {{actor} hat die Rolle von {target} von {from} auf {to} geändert}}",
      removed: "{actor} hat {target} entfernt",
      left: "{target} hat die Organisation verlassen",
    },
    ownership: {
      transfer_requested: "{actor} hat die Übertragung der Inhaberschaft an {target} beantragt",
      transfer_cancelled:
        "{because, select, replaced {{actor} hat die Übertragung der Inhaberschaft an {target} durch einen neuen Antrag ersetzt} targetRemoved {Die Übertragung der Inhaberschaft an {target} wurde abgebrochen, als {target} entfernt wurde} targetLeft {Die Übertragung der Inhaberschaft an {target} wurde abgebrochen, als {target} die Organisation verlassen hat} other {{actor} hat die Übertragung der Inhaberschaft an {target} abgebrochen}}",
      transferred: "{actor} hat die Inhaberschaft an {target} übertragen",
    },
    audit: {
      pruned:
        "{hasDeleted, select, true {{deleted, plural, one {# Ereignis, das älter als {hasDays, select, true {{days, plural, one {# Tag} other {# Tage}}} other {die Aufbewahrungsfrist}} war, wurde gelöscht} other {# Ereignisse, die älter als {hasDays, select, true {{days, plural, one {# Tag} other {# Tage}}} other {die Aufbewahrungsfrist}} waren, wurden gelöscht}}} other {Einige Ereignisse, die älter als {hasDays, select, true {{days, plural, one {# Tag} other {# Tage}}} other {die Aufbewahrungsfrist}} waren, wurden gelöscht}}",
      exported:
        "{actor} hat das Aktivitätsprotokoll als {format, select, jsonl {JSON Lines} other {CSV}} exportiert",
    },
    person: {
      erased:
        "Die personenbezogenen Daten einer Person wurden gelöscht; sie erscheint als {target}",
    },
    webhook: { redelivered: "{actor} hat {target} erneut gesendet" },
    unknown: "{actor}: {action} {target}",
  },
};
