import type { Messages } from "../types";

export const common: Messages["common"] = {
  roleDescriptions: {
    OWNER:
      "Inhaber der Organisation. Kann Einstellungen der Organisation, Benutzer und die Übertragung der Inhaberschaft verwalten.",
    ADMIN:
      "Kann Einstellungen der Organisation, Benutzer, Einladungen, Endpunkte und Ziele verwalten.",
    USER: "Kann Zustellkonfigurationen anlegen und verwalten, aber keine Benutzer der Organisation verwalten.",
    VIEWER:
      "Nur Lesezugriff. Kann Ressourcen der Organisation ansehen, aber keine Einstellungen, Endpunkte, Ziele, Benutzer oder andere Konfiguration ändern.",
  },
  pageTitles: {
    organization: "Organisation",
    users: "Benutzerverwaltung",
    activity: "Aktivität",
    acceptInvitation: "Einladung annehmen",
    confirmTransfer: "Übertragung der Inhaberschaft bestätigen",
    confirmDeletion: "Löschen der Organisation bestätigen",
    notFound: "Nicht gefunden",
  },
  statuses: {
    ACTIVE: "AKTIV",
    REMOVED: "ENTFERNT",
    PENDING: "AUSSTEHEND",
    ACCEPTED: "ANGENOMMEN",
    REVOKED: "WIDERRUFEN",
    EXPIRED: "ABGELAUFEN",
  },
  pageNotFound: "Diese Seite gibt es nicht.",
  loading: "Wird geladen…",
  emailLanguage: "Sprache der E-Mail",
  cancel: "Abbrechen",
  dismiss: "Schließen",
  notification: "Benachrichtigung",
  notifications: "Benachrichtigungen ({hotkey})",
  thereIsAProblem: "Es gibt ein Problem",
  somethingWentWrong: "Etwas ist schiefgelaufen. Versuchen Sie es erneut.",
  requestTooLarge: "Zu viel auf einmal: Senden Sie es in kleineren Teilen",
};
