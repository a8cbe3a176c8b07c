import postgres from "postgres";
import { adminUrl } from "./e2e-database";

export default async function globalTeardown() {
  const name = process.env.E2E_DB_NAME;
  if (!name) return;
  const sql = postgres(adminUrl(), { onnotice: () => {}, max: 1 });
  try {
    await sql.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await sql.end();
  }
}
