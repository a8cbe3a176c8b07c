// Temporary: the module moved to ./domain/system-actor.ts (pure auth code lives in lib/auth/domain/). This
// forwarder stays only until the last importer, edited by someone else right now, is rewritten.
export * from "./domain/system-actor";
