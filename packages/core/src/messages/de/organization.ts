import type { Messages } from "../types";

export const organization: Messages["organization"] = {
  transferPending:
    "Die Übertragung der Inhaberschaft an <strong>{target}</strong> steht aus. Bestätigung gesendet an <strong>{sentTo}</strong> ({expired, select, true {der Link ist abgelaufen} other {Link gültig bis {expiresAt}}}).",
  cancelTransfer: "Übertragung abbrechen",
  transferCancelled: "Übertragung der Inhaberschaft abgebrochen",
  yourRole: "Ihre Rolle",
  yourUsername: "Ihr Benutzername",
  openUserManagement: "Benutzerverwaltung öffnen",
  leave: "Organisation verlassen",
  leaveExplained:
    "Sie verlieren sofort den Zugriff auf {organization} und kehren in den persönlichen Modus zurück. Ein Admin kann Sie erneut einladen.",
  leaveConfirmTitle: "{organization} verlassen?",
  leaveConfirmText:
    "Sie verlieren sofort den Zugriff auf die Organisation und kehren in den persönlichen Modus zurück. Ein Admin kann Sie erneut einladen.",
  left: "Sie haben {organization} verlassen",
  activate: "Organisation aktivieren",
  activateExplained:
    "Sie sind im persönlichen Modus. Legen Sie eine Organisation mit einem eindeutigen Namen an, um die Organisations- und Benutzerverwaltung zu nutzen.",
  organizationName: "Name der Organisation",
  activated: "{organization} ist aktiv",
  delete: "Organisation löschen",
  deletionPending:
    "Das Löschen von <strong>{organization}</strong> steht aus. Bestätigung gesendet an <strong>{sentTo}</strong> ({expired, select, true {der Link ist abgelaufen} other {Link gültig bis {expiresAt}}}).",
  cancelDeletion: "Löschen abbrechen",
  deletionCancelled: "Löschen abgebrochen",
  deleteExplained:
    "Alle Mitglieder verlieren sofort den Zugriff und kehren in den persönlichen Modus zurück, ausstehende Einladungen funktionieren nicht mehr und der Name wird frei. Danach kann niemand mehr das Aktivitätsprotokoll öffnen: Exportieren Sie es vorher unter Aktivität, wenn Sie es benötigen. Zuerst wird Ihnen ein Bestätigungslink per E-Mail gesendet; bis Sie ihn öffnen, ändert sich nichts.",
  typeNameToConfirm: "Geben Sie zur Bestätigung {organization} ein",
  sendNewLink: "Neuen Link senden",
  confirmationSent: "Bestätigung gesendet an {sentTo}",
};
