import type { Messages } from "../types";

export const emails: Messages["emails"] = {
  openLink: "Oder öffnen Sie diesen Link: {url}",
  invitation: {
    subject: "Sie sind eingeladen, {organization} beizutreten",
    heading: "{organization} beitreten",
    body: "{inviter} hat Sie eingeladen, {organization} als {role} beizutreten, mit dem Benutzernamen {username}.",
    role: "{role}: {description}",
    action: "Einladung annehmen",
    expires: "Dieser Link läuft am {expiresAt} ab und funktioniert einmal.",
    footnote:
      "Wenn Sie diese Einladung nicht erwartet haben, ignorieren Sie diese E-Mail: Es passiert nichts, solange Sie sie nicht annehmen.",
  },
  transferConfirmation: {
    subject: "Bestätigen Sie die Übertragung der Inhaberschaft von {organization}",
    heading: "Übertragung der Inhaberschaft bestätigen",
    body: "{owner}, Sie haben angefordert, die Inhaberschaft von {organization} an {target} ({targetEmail}) zu übertragen.",
    effect:
      "Wenn Sie bestätigen, werden Sie ADMIN und {target} wird OWNER. Bis dahin ändert sich nichts.",
    action: "Übertragung bestätigen",
    expires: "Dieser Link läuft in 24 Stunden ab, am {expiresAt}, und funktioniert einmal.",
    footnote:
      "Haben Sie es sich anders überlegt? Öffnen Sie die Benutzerverwaltung ({cancelUrl}) und wählen Sie „Übertragung abbrechen“. Wenn Sie das nicht angefordert haben, brechen Sie es dort ab.",
  },
  transferred: {
    subject: "Die Inhaberschaft von {organization} wurde übertragen",
    heading: "Inhaberschaft übertragen",
    body: "{newOwner} ist jetzt OWNER von {organization}. {previousOwner} ist jetzt ADMIN.",
    action: "Organisation öffnen",
  },
  deletionConfirmation: {
    subject: "Bestätigen Sie das Löschen von {organization}",
    heading: "Löschen der Organisation bestätigen",
    body: "{owner}, Sie haben angefordert, {organization} zu löschen.",
    effect:
      "Wenn Sie bestätigen, verliert jedes Mitglied sofort den Zugriff und kehrt in den persönlichen Modus zurück, ausstehende Einladungen funktionieren nicht mehr und der Name {organization} wird frei. Das Aktivitätsprotokoll bleibt erhalten. Bis dahin ändert sich nichts.",
    action: "Organisation löschen",
    expires: "Dieser Link läuft in 24 Stunden ab, am {expiresAt}, und funktioniert einmal.",
    footnote:
      "Haben Sie es sich anders überlegt? Öffnen Sie die Seite „Organisation“ ({cancelUrl}) und wählen Sie „Löschen abbrechen“. Wenn Sie das nicht angefordert haben, brechen Sie es dort ab.",
  },
};
