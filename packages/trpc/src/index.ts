export * from "./context";
export * from "./errors";
export { type AppRouter, appRouter } from "./router";
export { createCallerFactory } from "./trpc";
