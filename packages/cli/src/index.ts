export { type InitOptions, init } from "./init";
export { runMigrate } from "./migrate";
export { planInit } from "./plan";
export { runPruneAudit } from "./prune";
