// The name mask lives in the privacy module (one implementation for lists,
// exports, notices and the public page); re-exported here for the callers
// that import it from the people area.
export { maskName } from "@/lib/privacy/domain/mask-name";
