import type { MemberStatus, RemovalReason, Role } from "../roles";

/** What a rule needs to know about a member: never more than the database says. */
export type MemberFacts = {
  readonly id: string;
  readonly role: Role;
  readonly status: MemberStatus;
  /** Why a REMOVED member is: an admin removed them, or they left. */
  readonly removalReason?: RemovalReason | null;
};

/** The caller's membership, or null in personal mode. */
export type ActorFacts = MemberFacts | null;
