import postgres from "postgres";
import { e2eDatabaseUrl } from "./e2e-database";

/** Direct access to the e2e server's database, to check what a request did or did not change. */
export function e2eSql() {
  return postgres(e2eDatabaseUrl(), { onnotice: () => {}, max: 2 });
}

/** A fingerprint of the data tables (everything but the append-only audit log). */
export async function dataFingerprint(sql: postgres.Sql): Promise<string> {
  const [row] = await sql<{ f: string }[]>`
    select md5(
      (select coalesce(string_agg(t::text, '|' order by t.id), '') from users t) ||
      (select coalesce(string_agg(t::text, '|' order by t.id), '') from people t) ||
      (select coalesce(string_agg(t::text, '|' order by t.id), '') from divisions t)
    ) as f`;
  return row!.f;
}
