import type { YearSchedule } from "../schedule-schema";

// PROVISIONAL. The State Council's notice for 2027 was not available when this
// was written, so the year is derived from the statutory holidays of
// 《全国年节及纪念日放假办法》(2024年修订) alone:
//   第二条  元旦 1天；春节 4天（除夕、正月初一至初三）；清明节 1天；劳动节 2天（5月1日、2日）；
//          端午节 1天（农历五月初五）；中秋节 1天（农历八月十五）；国庆节 3天（10月1日至3日）。
//   第六条  全体公民放假的假日适逢周六、周日，应当在工作日补假 — taken here on the
//          working days right after the holiday, as every notice since 2008 has done.
// No make-up working days (调休上班): they are the notice's choice and cannot be derived.
// The lunar dates, converted by hand and cross-checked against chinese-days'
// lunar table in schedules.test.ts (2027-provisional block):
//   除夕 农历2026年腊月廿九（腊月小月）= 2027-02-05 Fri; 正月初一 = 2027-02-06 Sat
//   清明 (solar term) = 2027-04-05 Mon; 端午 五月初五 = 2027-06-09 Wed; 中秋 八月十五 = 2027-09-15 Wed
// An administrator replaces it by loading the official notice on 工作日历 (a new version).
export const SCHEDULE_2027_PROVISIONAL: YearSchedule = {
  year: 2027,
  provisional: true,
  holidays: [
    { name: "元旦", days: ["2027-01-01"] },
    // 除夕 Fri, 初一 Sat, 初二 Sun, 初三 Mon; Sat and Sun made up on Tue 2-09 and Wed 2-10.
    { name: "春节", days: ["2027-02-05", "2027-02-06", "2027-02-07", "2027-02-08", "2027-02-09", "2027-02-10"] },
    { name: "清明节", days: ["2027-04-05"] },
    // 5-01 Sat, 5-02 Sun: made up on Mon 5-03 and Tue 5-04.
    { name: "劳动节", days: ["2027-05-01", "2027-05-02", "2027-05-03", "2027-05-04"] },
    { name: "端午节", days: ["2027-06-09"] },
    { name: "中秋节", days: ["2027-09-15"] },
    // 10-01 Fri, 10-02 Sat, 10-03 Sun: the weekend made up on Mon 10-04 and Tue 10-05.
    { name: "国庆节", days: ["2027-10-01", "2027-10-02", "2027-10-03", "2027-10-04", "2027-10-05"] },
  ],
  makeupWorkdays: [],
  source: "暂定：按《全国年节及纪念日放假办法》（2024年修订）法定节日及第六条补假推算，未含调休上班日；以国务院办公厅2027年节假日安排通知为准",
};
