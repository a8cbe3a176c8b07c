// Runs once when the server starts: migrate and seed before the first request,
// so a fresh PGlite folder (≈5 s to initialise) never delays a user's page.
// Under scripts/cluster.mjs (several processes on one port, PostgreSQL only)
// only the first worker sets up the database and sweeps crashed uploads'
// folders, then tells the primary, which starts the others only then; they
// skip both (lib/http/cluster-worker.ts): the setup must not run twice at once.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getDbHandle } = await import("./db");
  const { clusterRole, tellPrimary, workerReadyLine } = await import("./lib/http/cluster-worker");
  const handle = await getDbHandle();
  if (clusterRole() === "more") {
    console.log(workerReadyLine());
    return;
  }
  const { setupDatabase } = await import("./seed/setup-database");
  // Upload folders a crashed server left behind hold names and ID numbers.
  (await import("./lib/uploads/upload-temp")).sweepUploadTemp();
  let result: Awaited<ReturnType<typeof setupDatabase>>;
  try {
    result = await setupDatabase(handle);
  } catch (err) {
    tellPrimary("database-failed");
    throw err;
  }
  const where = handle.config.kind === "postgres" ? "PostgreSQL" : `PGlite (${handle.config.dataDir})`;
  const seeded = Object.entries(result.counts).map(([k, v]) => `${v} ${k}`).join(", ");
  console.log(`[portal] database ready on ${where}${seeded ? `: seeded ${seeded}` : ""}`);
  tellPrimary("database-ready");
}
