import type { MemberStatus, Role } from "../roles";

/** What a rule needs to know about a member: never more than the database says. */
export type MemberFacts = {
  readonly id: string;
  readonly role: Role;
  readonly status: MemberStatus;
};

/** The caller's membership, or null in personal mode. */
export type ActorFacts = MemberFacts | null;
