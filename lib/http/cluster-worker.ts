// This server process's part under scripts/cluster.mjs (WEB_CONCURRENCY on
// PostgreSQL, docs/scaling.md): "first" sets up the database and tells the
// primary, which starts the other workers ("more") only then; null when the
// server is one process (`next start`, `npm start` on PGlite, e2e). Node
// only: instrumentation.ts imports it after its runtime check.

export type ClusterRole = "first" | "more" | null;

export function clusterRole(env: Record<string, string | undefined> = process.env): ClusterRole {
  const role = env.PORTAL_WORKER;
  return role === "first" || role === "more" ? role : null;
}

/** Tells the cluster's primary how the first worker's database setup went (nothing when not a cluster worker). */
export function tellPrimary(message: "database-ready" | "database-failed"): void {
  if (clusterRole() === "first" && process.send) process.send({ portal: message });
}

export function workerReadyLine(): string {
  return `[portal] worker ${process.pid} ready (the database was set up by the first worker)`;
}
