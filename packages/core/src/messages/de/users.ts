import type { Messages } from "../types";

export const users: Messages["users"] = {
  backToOrganization: "Zurück zur Organisation",
  organizationUsers: "Benutzer der Organisation",
  seats: "{used, number} von {limit, plural, one {# Platz} other {# Plätzen}} belegt",
  tabs: {
    members: "Mitglieder",
    invitations: "Ausstehende Einladungen",
    removed: "Entfernt",
  },
  lists: {
    members: {
      loading: "Mitglieder werden geladen…",
      loadFailed: "Mitglieder konnten nicht geladen werden: {error}",
      empty: "Keine Mitglieder.",
      noMatch: "Keine passenden Mitglieder.",
      showing: "Angezeigt: {shown} {count, plural, one {Mitglied} other {Mitglieder}}",
      showingOf:
        "Angezeigt: {shown} von {total} {count, plural, one {Mitglied} other {Mitgliedern}}",
    },
    removed: {
      loading: "Entfernte Mitglieder werden geladen…",
      loadFailed: "Entfernte Mitglieder konnten nicht geladen werden: {error}",
      empty: "Keine entfernten Mitglieder.",
      noMatch: "Keine passenden entfernten Mitglieder.",
      showing:
        "Angezeigt: {shown} {count, plural, one {entferntes Mitglied} other {entfernte Mitglieder}}",
      showingOf:
        "Angezeigt: {shown} von {total} {count, plural, one {entfernten Mitglied} other {entfernten Mitgliedern}}",
    },
    invitations: {
      loading: "Ausstehende Einladungen werden geladen…",
      loadFailed: "Ausstehende Einladungen konnten nicht geladen werden: {error}",
      empty: "Keine ausstehenden Einladungen.",
      noMatch: "Keine passenden ausstehenden Einladungen.",
      showing:
        "Angezeigt: {shown} {count, plural, one {ausstehende Einladung} other {ausstehende Einladungen}}",
      showingOf:
        "Angezeigt: {shown} von {total} {count, plural, one {ausstehenden Einladung} other {ausstehenden Einladungen}}",
    },
  },
  retry: "Erneut versuchen",
  loadMore: "Mehr laden",
  searchMembers: "Nach Benutzername oder E-Mail-Adresse suchen",
  searchInvitations: "Nach E-Mail-Adresse oder Benutzername suchen",
  allRoles: "Alle Rollen",
  username: "Benutzername",
  email: "E-Mail-Adresse",
  role: "Rolle",
  status: "Status",
  expires: "Läuft ab",
  actions: "Aktionen",
  usernameLabel: "Benutzername:",
  roleLabel: "Rolle:",
  statusLabel: "Status:",
  expiresLabel: "Läuft ab:",
  errorLabel: "Fehler:",
  actionsFor: "Aktionen für {name}",
  you: "Sie",
  left: "ausgetreten",
  changeRole: "Rolle ändern",
  changeRoleTo: "Rolle auf {role} ändern",
  transferOwnership: "Inhaberschaft übertragen",
  remove: "Entfernen",
  roleChanged: "{username} ist jetzt {role}",
  memberRemoved: "{username} wurde entfernt",
  transferStarted: "Bestätigung gesendet an {sentTo}",
  removeConfirmTitle: "{username} entfernen?",
  removeConfirmText:
    "Das Mitglied verliert sofort den Zugriff und bleibt als ENTFERNT aufgeführt. Dies kann nicht rückgängig gemacht werden.",
  transferConfirmTitle: "Inhaberschaft an {username} übertragen?",
  transferConfirmText:
    "Sie erhalten einen Bestätigungslink per E-Mail. Bis Sie bestätigen, ändert sich nichts: Dann werden Sie ADMIN und das Mitglied wird OWNER.",
  sendConfirmation: "Bestätigung senden",
  demoteSelfTitle: "Ihre eigene Rolle auf {role} ändern?",
  demoteSelfText:
    "Sie verlieren die Benutzerverwaltung: Sie können keine Personen mehr einladen, keine Rollen mehr ändern und keine Mitglieder mehr entfernen, und nur ein anderer Admin oder der Inhaber kann sie Ihnen zurückgeben.",
  changeMyRole: "Meine Rolle ändern",
  emailFailed: "E-Mail-Versand fehlgeschlagen",
  resend: "Erneut senden",
  revoke: "Widerrufen",
  invitationResent: "Einladung erneut gesendet an {email}",
  invitationRevoked: "Einladung an {email} widerrufen",
  revokeConfirmTitle: "Einladung an {email} widerrufen?",
  revokeConfirmText: "Der Link funktioniert ab sofort nicht mehr.",
  inviteUser: "Benutzer einladen",
  usernameHint:
    "{min, number}–{max, number} Zeichen: a-z, 0-9, Punkt, Unterstrich oder Bindestrich",
  sendInvitation: "Einladung senden",
  invitationSent: "Einladung gesendet an {email}",
  emailTaken: "{reason}: Diese E-Mail-Adresse ist bereits registriert oder eingeladen.",
  usernameTaken: "{reason}: Dieser Benutzername ist in der Organisation bereits vergeben.",
};
