import type { Messages } from "../types";

export const links: Messages["links"] = {
  linkExpiry:
    "Dieser Link {expired, select, true {ist am {expiresAt} abgelaufen} other {läuft am {expiresAt} ab}}.",
  invitation: {
    missing:
      "Um diese Einladung zu sehen, öffnen Sie den Link in Ihrer Einladungs-E-Mail. Die Seite vergisst den Link, sobald sie geöffnet ist; zum Neuladen brauchen Sie die E-Mail erneut.",
    notValid: "{reason}. Bitten Sie einen Admin der Organisation um eine neue Einladung.",
    organizationDeleted: "{reason}.",
    join: "{organization} beitreten",
    invitedBy: "Eingeladen von",
    email: "E-Mail-Adresse",
    username: "Benutzername",
    role: "Rolle",
    expires: "Läuft ab",
    expired: "Abgelaufen",
    accept: "Einladung annehmen",
    otherAccount: "Sie sind als {account} angemeldet. Diese Einladung ist für {email}.",
    continueAs: "Als {email} fortfahren?",
    switchAccount:
      "Wenn Sie annehmen, wird {account} in diesem Browser abgemeldet und Sie werden als {email} angemeldet.",
    acceptAs: "Als {email} annehmen",
    welcome: "Willkommen an Bord",
    alreadyJoined: "{reason}.",
    openOrganization: "Zu Ihrer Organisation",
  },
  transfer: {
    missing: "Um die Übertragung zu bestätigen, öffnen Sie den Bestätigungslink aus Ihrer E-Mail.",
    explained:
      "Wenn Sie bestätigen, werden Sie <strong>ADMIN</strong> und <strong>{target}</strong> wird <strong>OWNER</strong> von {organization}. Es gibt immer genau einen Inhaber.",
    confirm: "Übertragung bestätigen",
    back: "Zurück zur Benutzerverwaltung",
    transferred: "Die Inhaberschaft wurde übertragen",
  },
  deletion: {
    missing: "Um die Organisation zu löschen, öffnen Sie den Bestätigungslink aus Ihrer E-Mail.",
    explained:
      "Wenn Sie bestätigen, wird <strong>{organization}</strong> gelöscht: {count, plural, =1 {Das einzige Mitglied verliert} other {Alle {members} Mitglieder verlieren}} sofort den Zugriff und {count, plural, =1 {kehrt} other {kehren}} in den persönlichen Modus zurück, ausstehende Einladungen funktionieren nicht mehr und der Name wird frei. Das lässt sich nicht rückgängig machen.",
    confirm: "Organisation löschen",
    back: "Zurück zur Organisation",
    deleted: "Organisation gelöscht",
  },
};
