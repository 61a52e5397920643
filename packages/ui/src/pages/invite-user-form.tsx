"use client";
import { type Decision, INVITATION_ROLES, type ReasonCode } from "@orgkit/core/policy";
import { useState } from "react";
import { GuardedButton } from "../components/disabled-reason";
import { SelectField, TextField } from "../components/field";
import { Section } from "../components/layout";
import { messageOf, reasonOf } from "../lib/errors";
import { useTRPC } from "../lib/trpc";
import { useAction } from "../lib/use-action";

const EMPTY = { email: "", username: "", role: "USER" };

// Which field a refusal belongs to, so the form says which of email or username is taken.
const FIELD_OF: Partial<
  Record<ReasonCode, { field: "email" | "username" | "role"; detail?: string }>
> = {
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

/** Invite user: email, username and role (R8–R10), errors beside their field. */
export function InviteUserForm({
  decision,
  onSent,
}: {
  decision: Decision;
  /** Called after an invitation was sent, e.g. to show the Pending invitations list. */
  onSent?: () => void;
}) {
  const trpc = useTRPC();
  const [values, setValues] = useState(EMPTY);
  const [errors, setErrors] = useState<Partial<Record<"email" | "username" | "role", string>>>({});
  const send = useAction(
    trpc.invitations.send.mutationOptions(),
    `Invitation sent to ${values.email}`,
    {
      onSuccess: () => {
        setValues(EMPTY);
        onSent?.();
      },
      onError: (failure) => {
        const reason = reasonOf(failure);
        const target = reason ? FIELD_OF[reason] : undefined;
        if (!target) return false;
        setErrors({
          [target.field]: [messageOf(failure), target.detail].filter(Boolean).join(": "),
        });
        return true;
      },
    },
  );
  const set = (key: keyof typeof EMPTY) => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [key]: event.target.value }));
  return (
    <Section title="Invite user">
      <form
        noValidate
        className="grid gap-3 sm:grid-cols-[1fr_1fr_10rem_auto] sm:items-start"
        onSubmit={(event) => {
          event.preventDefault();
          setErrors({});
          send.mutate({ ...values, role: values.role as (typeof INVITATION_ROLES)[number] });
        }}
      >
        <TextField
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
          label="Username"
          name="username"
          autoComplete="off"
          value={values.username}
          onChange={set("username")}
          error={errors.username}
          required
        />
        <SelectField
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
      </form>
    </Section>
  );
}
