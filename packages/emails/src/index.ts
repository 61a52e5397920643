export * from "./format";
export * from "./i18n";
export * from "./render";
export * from "./templates/invitation";
export * from "./templates/layout";
export * from "./templates/organization-deletion-confirmation";
export * from "./templates/ownership-transfer-confirmation";
export * from "./templates/ownership-transferred";
