"use client";
import {
  type Decision,
  INVITATION_ROLES,
  type InvitationRole,
  type InviteField,
  inviteFieldErrors,
  LIMITS,
  normalizeEmail,
  type ReasonCode,
  type ReasonParams,
} from "@orgkit/core/policy";
import { useId, useRef, useState } from "react";
import { GuardedButton } from "../components/disabled-reason";
import { EmailLanguageField, useEmailLocale } from "../components/email-language-field";
import { ErrorSummary } from "../components/error-summary";
import { SelectField, TextField } from "../components/field";
import { Section } from "../components/layout";
import { fieldsOf, paramsOf, reasonOf } from "../lib/errors";
import { useT } from "../lib/i18n";
import { useTRPC } from "../lib/trpc";
import { useAction } from "../lib/use-action";

const EMPTY = { email: "", username: "", role: "USER" };
const FIELDS: InviteField[] = ["email", "username", "role"];

// Which field a refusal of the server belongs to, and the message (users section) that adds to
// the guide's words.
const FIELD_OF: Partial<
  Record<ReasonCode, { field: InviteField; detail?: "emailTaken" | "usernameTaken" }>
> = {
  EMAIL_INVALID: { field: "email" },
  EMAIL_ALREADY_USED: { field: "email", detail: "emailTaken" },
  USERNAME_INVALID: { field: "username" },
  USERNAME_ALREADY_USED: { field: "username", detail: "usernameTaken" },
  OWNER_NOT_INVITABLE: { field: "role" },
  ROLE_INVALID: { field: "role" },
};

/** A field's problem as a reason code, said in the language the page is in when it renders. */
type FieldError = {
  reason: ReasonCode;
  params?: ReasonParams;
  detail?: "emailTaken" | "usernameTaken";
};
type Errors = Partial<Record<InviteField, FieldError>>;

/**
 * Invite user: email, username and role (R8–R10), in GOV.UK's way: every field's problem at
 * once (checked here with the policy's own rules, then by the server), an error summary that
 * takes focus and links to each field, typed values kept, and a hint for the username rules.
 */
export function InviteUserForm({
  decision,
  onSent,
}: {
  decision: Decision;
  /** Called after an invitation was sent, e.g. to show the Pending invitations list. */
  onSent?: () => void;
}) {
  const t = useT("users");
  const reasons = useT("reasons");
  const trpc = useTRPC();
  const ids = { email: useId(), username: useId(), role: useId() };
  const emailInput = useRef<HTMLInputElement>(null);
  const [values, setValues] = useState(EMPTY);
  const [errors, setErrors] = useState<Errors>({});
  const [attempt, setAttempt] = useState(0);
  const [locale, setLocale] = useEmailLocale();
  const send = useAction(
    trpc.invitations.send.mutationOptions(),
    // As stored: the address the list shows.
    t("invitationSent", { email: normalizeEmail(values.email) }),
    {
      onSuccess: () => {
        setValues(EMPTY);
        onSent?.();
        emailInput.current?.focus();
      },
      onError: (failure) => {
        const reason = reasonOf(failure);
        const target = reason ? FIELD_OF[reason] : undefined;
        // A schema refusal (R39) names its fields; a policy refusal names one.
        const fields = target
          ? [target.field]
          : fieldsOf(failure).filter((field): field is InviteField =>
              (FIELDS as string[]).includes(field),
            );
        if (fields.length === 0) return false;
        const error: FieldError = {
          reason: reason ?? "INPUT_INVALID",
          ...(paramsOf(failure) ? { params: paramsOf(failure) } : {}),
          ...(target?.detail ? { detail: target.detail } : {}),
        };
        setErrors(Object.fromEntries(fields.map((field) => [field, error])));
        setAttempt((n) => n + 1);
        return true;
      },
    },
  );
  const set = (key: keyof typeof EMPTY) => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [key]: event.target.value }));
  const say = (error: FieldError | undefined) => {
    if (!error) return undefined;
    const message = reasons(error.reason, error.params as never);
    return error.detail ? t(error.detail, { reason: message }) : message;
  };
  const summary = FIELDS.flatMap((field) => {
    const message = say(errors[field]);
    return message ? [{ fieldId: ids[field], message }] : [];
  });
  return (
    <Section title={t("inviteUser")}>
      <form
        noValidate
        className="flex flex-col gap-4"
        onSubmit={(event) => {
          event.preventDefault();
          const found = inviteFieldErrors(values);
          setErrors(
            Object.fromEntries(Object.entries(found).map(([field, reason]) => [field, { reason }])),
          );
          if (Object.keys(found).length > 0) {
            setAttempt((n) => n + 1);
            return;
          }
          send.mutate({ ...values, role: values.role as InvitationRole, locale });
        }}
      >
        <ErrorSummary errors={summary} attempt={attempt} />
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-[1fr_1fr_8rem_9rem_auto] sm:items-start">
          <TextField
            ref={emailInput}
            id={ids.email}
            label={t("email")}
            type="email"
            name="email"
            autoComplete="off"
            value={values.email}
            onChange={set("email")}
            error={say(errors.email)}
            required
          />
          <TextField
            id={ids.username}
            label={t("username")}
            hint={t("usernameHint", { min: LIMITS.username.min, max: LIMITS.username.max })}
            name="username"
            autoComplete="off"
            value={values.username}
            onChange={set("username")}
            error={say(errors.username)}
            required
          />
          <SelectField
            id={ids.role}
            label={t("role")}
            name="role"
            value={values.role}
            onChange={set("role")}
            error={say(errors.role)}
          >
            {INVITATION_ROLES.map((role) => (
              <option key={role} value={role}>
                {role}
              </option>
            ))}
          </SelectField>
          <EmailLanguageField value={locale} onChange={setLocale} />
          <div className="lg:pt-6">
            <GuardedButton
              type="submit"
              variant="primary"
              decision={decision}
              pending={send.isPending}
            >
              {t("sendInvitation")}
            </GuardedButton>
          </div>
        </div>
      </form>
    </Section>
  );
}
