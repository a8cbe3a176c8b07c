/* global process, setTimeout */
// A stand-in for `next start` under scripts/cluster.mjs (tests/integration/cluster.test.ts):
// listens on the port given, answers every request with its pid and role, and
// as the first worker reports "database-ready" after a pause, as
// instrumentation.ts does after the migrations and the seed.
import http from "node:http";

const role = process.env.PORTAL_WORKER ?? "";
const startedAt = Date.now();
let readyAt = null;
http
  .createServer((_req, res) => {
    res.setHeader("content-type", "application/json");
    res.setHeader("connection", "close");
    res.end(JSON.stringify({ pid: process.pid, role, startedAt, readyAt }));
  })
  .listen(Number(process.argv[2]), "127.0.0.1");
if (role === "first")
  setTimeout(() => {
    readyAt = Date.now();
    process.send?.({ portal: "database-ready" });
  }, 400);
process.on("SIGTERM", () => process.exit(0));
