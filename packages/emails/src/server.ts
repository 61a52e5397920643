export { PermanentDeliveryError } from "@orgkit/core/server";
export * from "./sender";
export * from "./transports";
