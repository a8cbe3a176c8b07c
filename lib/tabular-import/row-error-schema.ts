import { z } from "zod";

/** A rejected row as upload answers carry it (TableRowError), for the schemas both sides parse with. */
export const rowErrorSchema = z.object({ row: z.number().int(), column: z.string(), reason: z.string() });
