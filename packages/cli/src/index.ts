export { type InitOptions, init } from "./init";
export { planInit } from "./plan";
