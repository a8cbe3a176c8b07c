// Kept for the callers written before the portal had one "today"; new code
// imports beijingToday from lib/calendar/domain/iso-date.ts.
export { beijingToday as todayInChina } from "@/lib/calendar/domain/iso-date";
