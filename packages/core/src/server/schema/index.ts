export * from "./audit";
export * from "./auth";
export * from "./dev-mailbox";
export * from "./invitations";
export * from "./organizations";
export * from "./outbox";
export * from "./rate-limits";
export * from "./transfers";
