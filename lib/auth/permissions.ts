// Temporary: the module moved to ./domain/permissions.ts (pure auth code lives in lib/auth/domain/). This
// forwarder stays only until the last importer, edited by someone else right now, is rewritten.
export * from "./domain/permissions";
