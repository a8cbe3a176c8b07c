import type { YearSchedule } from "../schedule-schema";
import { SCHEDULE_2019 } from "./2019";
import { SCHEDULE_2020 } from "./2020";
import { SCHEDULE_2021 } from "./2021";
import { SCHEDULE_2022 } from "./2022";
import { SCHEDULE_2023 } from "./2023";
import { SCHEDULE_2024 } from "./2024";
import { SCHEDULE_2025 } from "./2025";
import { SCHEDULE_2026 } from "./2026";
import { SCHEDULE_2027_PROVISIONAL } from "./2027-provisional";

/**
 * The years shipped with the code. Later years are loaded by an administrator
 * (through yearScheduleSchema) once the State Council publishes them, usually in
 * November or December of the year before.
 */
export const SHIPPED_SCHEDULES: readonly YearSchedule[] = [
  SCHEDULE_2019,
  SCHEDULE_2020,
  SCHEDULE_2021,
  SCHEDULE_2022,
  SCHEDULE_2023,
  SCHEDULE_2024,
  SCHEDULE_2025,
  SCHEDULE_2026,
];

/**
 * Years shipped as an estimate because the notice was not out yet
 * (provisional: true). The seed stores them like the others, each screen
 * computing a deadline with one says so, and the administrator's load of the
 * official notice replaces it as a new version.
 */
export const PROVISIONAL_SCHEDULES: readonly YearSchedule[] = [SCHEDULE_2027_PROVISIONAL];
