// The office's calendar day (Beijing time), whatever the server's time zone.
const DAY = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" });

export function todayInChina(now: Date = new Date()): string {
  return DAY.format(now);
}
