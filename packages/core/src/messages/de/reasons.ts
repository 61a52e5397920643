import type { Messages } from "../types";

export const reasons: Messages["reasons"] = {
  UNAUTHENTICATED: "Melden Sie sich an, um fortzufahren",
  NOT_FOUND: "Nicht gefunden",
  INPUT_INVALID: "Die Anfrage ist nicht gültig",
  TEXT_INVALID: "Entfernen Sie Steuerzeichen und unsichtbare Richtungszeichen",
  ADMIN_ACCESS_REQUIRED: "Admin-Zugriff erforderlich",
  ORGANIZATION_NOT_ACTIVE: "Aktivieren Sie zuerst die Organisation",
  MEMBERSHIP_REMOVED: "Ihr Zugriff auf diese Organisation wurde entfernt",
  MEMBERSHIP_LEFT: "Sie haben diese Organisation verlassen",
  ORGANIZATION_DELETED: "Diese Organisation wurde gelöscht",
  ALREADY_IN_ORGANIZATION: "Ihr Konto gehört bereits zu einer Organisation",
  ORGANIZATION_NAME_INVALID: "Der Name der Organisation muss 2–64 Zeichen lang sein",
  ORGANIZATION_NAME_TAKEN: "Der Name der Organisation ist bereits vergeben",
  EMAIL_INVALID: "Geben Sie eine gültige E-Mail-Adresse ein",
  USERNAME_INVALID:
    "Der Benutzername muss 3–32 Zeichen lang sein: a-z, 0-9, Punkt, Unterstrich oder Bindestrich",
  ROLE_INVALID: "Wählen Sie eine Rolle: USER, ADMIN oder VIEWER",
  OWNER_NOT_INVITABLE:
    "OWNER ist als Rolle für Einladungen nicht verfügbar. Übertragen Sie die Inhaberschaft, nachdem der Benutzer beigetreten ist.",
  EMAIL_ALREADY_USED: "E-Mail-Adresse oder Benutzername bereits verwendet",
  USERNAME_ALREADY_USED: "E-Mail-Adresse oder Benutzername bereits verwendet",
  INVITATION_EXPIRED: "Einladung abgelaufen. Bitten Sie einen Admin, sie erneut zu senden.",
  INVITATION_NOT_VALID: "Diese Einladung ist nicht mehr gültig",
  INVITATION_ALREADY_JOINED:
    "Sie sind dieser Organisation mit dieser Einladung bereits beigetreten",
  INVITATION_ORGANIZATION_DELETED:
    "Diese Einladung ist nicht mehr gültig: Die Organisation wurde gelöscht",
  INVITER_NOT_ADMIN:
    "Diese Einladung ist nicht mehr gültig: Die Person, die sie gesendet hat, kann nicht mehr einladen",
  INVITATION_NOT_RESENDABLE:
    "Nur ausstehende oder abgelaufene Einladungen können erneut gesendet werden",
  INVITATION_ACCEPTED: "Angenommene Einladungen können nicht widerrufen werden",
  INVITATION_ALREADY_REVOKED: "Die Einladung ist bereits widerrufen",
  ROLE_CHANGE_OWNER: "Rollenänderung deaktiviert: Das Mitglied ist der Inhaber",
  ROLE_CHANGE_REMOVED: "Rollenänderung deaktiviert: Das Mitglied wurde entfernt",
  ROLE_CHANGE_LAST_ADMIN: "Rollenänderung deaktiviert: Es bliebe kein Mitglied mit Admin-Rechten",
  ROLE_NOT_ASSIGNABLE:
    "Keine Rollenänderung kann jemanden zum OWNER machen. Nutzen Sie die Übertragung der Inhaberschaft.",
  ROLE_UNCHANGED: "Das Mitglied hat diese Rolle bereits",
  REMOVE_SELF: "Entfernen deaktiviert: Das sind Sie selbst",
  REMOVE_ALREADY_REMOVED: "Entfernen deaktiviert: bereits entfernt",
  REMOVE_OWNER: "Entfernen deaktiviert: Inhaber",
  REMOVE_LAST_ADMIN: "Entfernen deaktiviert: letztes Mitglied mit Admin-Rechten",
  LEAVE_OWNER: "Organisation verlassen deaktiviert: Übertragen Sie zuerst die Inhaberschaft",
  LEAVE_ADMIN: "Organisation verlassen deaktiviert: Admins können sich nicht selbst entfernen",
  SEAT_LIMIT_REACHED:
    "Platzlimit erreicht: {used, number} von {limit, plural, one {# Platz} other {# Plätzen}} belegt",
  TRANSFER_OWNER_ONLY:
    "Nur der aktuelle Inhaber kann die Inhaberschaft der Organisation übertragen",
  TRANSFER_TO_SELF: "Die Inhaberschaft kann nicht an Sie selbst übertragen werden",
  TRANSFER_TO_REMOVED: "Die Inhaberschaft kann nicht an entfernte Benutzer übertragen werden",
  TRANSFER_TO_VIEWER: "Die Inhaberschaft kann nicht an VIEWER-Mitglieder übertragen werden",
  TRANSFER_TO_OWNER: "Die Inhaberschaft kann nicht an den aktuellen Inhaber übertragen werden",
  TRANSFER_EXPIRED: "Bestätigungslink abgelaufen. Starten Sie die Übertragung erneut.",
  TRANSFER_NOT_VALID: "Dieser Bestätigungslink ist nicht mehr gültig",
  TRANSFER_LINK_FOR_OWNER: "Dieser Bestätigungslink ist für den Inhaber der Organisation",
  NO_PENDING_TRANSFER: "Keine Übertragung der Inhaberschaft ausstehend",
  DELETE_OWNER_ONLY: "Organisation löschen deaktiviert: Nur der Inhaber kann sie löschen",
  DELETE_NAME_MISMATCH:
    "Geben Sie den Namen der Organisation genau wie angezeigt ein, um sie zu löschen",
  DELETION_EXPIRED: "Löschlink abgelaufen. Starten Sie das Löschen erneut.",
  DELETION_NOT_VALID: "Dieser Löschlink ist nicht mehr gültig",
  DELETION_LINK_FOR_OWNER: "Dieser Löschlink ist für den Inhaber, der ihn angefordert hat",
  NO_PENDING_DELETION: "Kein Löschen ausstehend",
  DELIVERY_NOT_DEAD: "Nur eine endgültig fehlgeschlagene Zustellung kann erneut gesendet werden",
  ROLE_NOT_PERMITTED: "Ihre Rolle erlaubt diese Änderung nicht",
  RATE_LIMITED: "Zu viele Anfragen. Versuchen Sie es später erneut.",
  BULK_RATE_LIMITED:
    "Einladungslimit erreicht: {available, plural, one {# kann} other {# können}} jetzt gesendet werden, der Rest später",
  BULK_INVITE_ROWS: "Fügen Sie 1 bis {max} Zeilen zum Einladen hinzu",
  ROW_MALFORMED:
    "Jede Zeile braucht eine E-Mail-Adresse, einen Benutzernamen und eine Rolle, durch Kommas getrennt",
};
