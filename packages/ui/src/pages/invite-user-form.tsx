"use client";
import {
  type Decision,
  INVITATION_ROLES,
  type InvitationRole,
  type InviteField,
  inviteFieldErrors,
  LIMITS,
  normalizeEmail,
  REASONS,
  type ReasonCode,
} from "@orgkit/core/policy";
import { useId, useRef, useState } from "react";
import { GuardedButton } from "../components/disabled-reason";
import { ErrorSummary } from "../components/error-summary";
import { SelectField, TextField } from "../components/field";
import { Section } from "../components/layout";
import { fieldsOf, messageOf, reasonOf } from "../lib/errors";
import { useTRPC } from "../lib/trpc";
import { useAction } from "../lib/use-action";

const EMPTY = { email: "", username: "", role: "USER" };
const FIELDS: InviteField[] = ["email", "username", "role"];

// Which field a refusal of the server belongs to, and what to add to the guide's words.
const FIELD_OF: Partial<Record<ReasonCode, { field: InviteField; detail?: string }>> = {
  EMAIL_INVALID: { field: "email" },
  EMAIL_ALREADY_USED: { field: "email", detail: "This email is already registered or invited." },
  USERNAME_INVALID: { field: "username" },
  USERNAME_ALREADY_USED: {
    field: "username",
    detail: "This username is taken in the organization.",
  },
  OWNER_NOT_INVITABLE: { field: "role" },
  ROLE_INVALID: { field: "role" },
};

type Errors = Partial<Record<InviteField, string>>;

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
  const trpc = useTRPC();
  const ids = { email: useId(), username: useId(), role: useId() };
  const emailInput = useRef<HTMLInputElement>(null);
  const [values, setValues] = useState(EMPTY);
  const [errors, setErrors] = useState<Errors>({});
  const [attempt, setAttempt] = useState(0);
  const send = useAction(
    trpc.invitations.send.mutationOptions(),
    // As stored: the address the list shows.
    `Invitation sent to ${normalizeEmail(values.email)}`,
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
        const message = [messageOf(failure), target?.detail].filter(Boolean).join(": ");
        setErrors(Object.fromEntries(fields.map((field) => [field, message])));
        setAttempt((n) => n + 1);
        return true;
      },
    },
  );
  const set = (key: keyof typeof EMPTY) => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [key]: event.target.value }));
  const summary = FIELDS.flatMap((field) => {
    const message = errors[field];
    return message ? [{ fieldId: ids[field], message }] : [];
  });
  return (
    <Section title="Invite user">
      <form
        noValidate
        className="flex flex-col gap-4"
        onSubmit={(event) => {
          event.preventDefault();
          const found = inviteFieldErrors(values);
          setErrors(
            Object.fromEntries(
              Object.entries(found).map(([field, reason]) => [field, REASONS[reason].message]),
            ),
          );
          if (Object.keys(found).length > 0) {
            setAttempt((n) => n + 1);
            return;
          }
          send.mutate({ ...values, role: values.role as InvitationRole });
        }}
      >
        <ErrorSummary errors={summary} attempt={attempt} />
        <div className="grid gap-3 sm:grid-cols-[1fr_1fr_10rem_auto] sm:items-start">
          <TextField
            ref={emailInput}
            id={ids.email}
            label="Email"
            type="email"
            name="email"
            autoComplete="off"
            value={values.email}
            onChange={set("email")}
            error={errors.email}
            required
          />
          <TextField
            id={ids.username}
            label="Username"
            hint={`${LIMITS.username.min}–${LIMITS.username.max} characters: a-z, 0-9, dot, underscore or hyphen`}
            name="username"
            autoComplete="off"
            value={values.username}
            onChange={set("username")}
            error={errors.username}
            required
          />
          <SelectField
            id={ids.role}
            label="Role"
            name="role"
            value={values.role}
            onChange={set("role")}
            error={errors.role}
          >
            {INVITATION_ROLES.map((role) => (
              <option key={role} value={role}>
                {role}
              </option>
            ))}
          </SelectField>
          <div className="sm:pt-6">
            <GuardedButton
              type="submit"
              variant="primary"
              decision={decision}
              pending={send.isPending}
            >
              Send invitation
            </GuardedButton>
          </div>
        </div>
      </form>
    </Section>
  );
}
