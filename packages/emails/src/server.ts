export * from "./cron";
export * from "./outbox-worker";
export * from "./transports";
export * from "./worker-loop";
