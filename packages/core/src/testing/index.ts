/** Helpers for tests of orgkit and of host apps: real databases and real services. */
export * from "./databases";
export * from "./pgbouncer";
export * from "./world";
