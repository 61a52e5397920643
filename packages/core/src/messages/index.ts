export { de } from "./de";
export { en } from "./en";
export { SHIPPED_LOCALES, type ShippedLocale, shippedLocale } from "./locales";
export { type MessageOverrides, mergeMessages } from "./merge";
export { CATALOGUES, messagesFor, translate } from "./translate";
export type { Catalogue, EnglishMessages, Messages } from "./types";
