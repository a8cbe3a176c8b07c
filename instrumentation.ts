// Runs once when the server starts: migrate and seed before the first request,
// so a fresh PGlite folder (≈5 s to initialise) never delays a user's page.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getDbHandle } = await import("./db");
  const { setupDatabase } = await import("./seed/setup-database");
  const handle = await getDbHandle();
  // Upload folders a crashed server left behind hold names and ID numbers.
  (await import("./lib/uploads/upload-temp")).sweepUploadTemp();
  const result = await setupDatabase(handle);
  const where = handle.config.kind === "postgres" ? "PostgreSQL" : `PGlite (${handle.config.dataDir})`;
  const seeded = Object.entries(result.counts).map(([k, v]) => `${v} ${k}`).join(", ");
  console.log(`[portal] database ready on ${where}${seeded ? `: seeded ${seeded}` : ""}`);
}
