import postgres from "postgres";
import { benchAdminUrl } from "./lib/bench-database";
import { startReplicaPair } from "./lib/replica";

// `npm run bench -- replica [--hold S]`: starts a real streaming standby
// (bench/lib/replica.ts), writes 100,000 rows on its primary, times how long
// the standby takes to replay them beside the write itself, reads them back
// on the standby, and stops both. With --hold S it keeps the pair up S
// seconds (at most 600) and prints the URLs, for trying DATABASE_READ_URL by hand.
export default async function replicaBench(args: string[]) {
  const h = args.indexOf("--hold");
  const hold = h >= 0 ? Math.min(600, Number(args[h + 1]) || 0) : 0;
  const pair = await startReplicaPair(benchAdminUrl(), (line) => console.log(line));
  try {
    const db = `bench_replica_${process.pid}`;
    const admin = postgres(pair.primaryAdminUrl, { onnotice: () => {}, max: 1 });
    await admin.unsafe(`CREATE DATABASE ${db}`);
    const url = new URL(pair.primaryAdminUrl);
    url.pathname = `/${db}`;
    const primary = postgres(url.toString(), { onnotice: () => {}, max: 1 });
    const standby = postgres(pair.standbyUrl(url.toString()), { onnotice: () => {}, max: 1 });
    try {
      await pair.catchUp(); // the CREATE DATABASE
      const t = performance.now();
      await primary`CREATE TABLE t AS SELECT g AS x, md5(g::text) AS y FROM generate_series(1, 100000) g`;
      const write = performance.now() - t;
      const lag = await pair.lagBytes();
      const replay = await pair.catchUp();
      const [r] = await standby<{ n: number; recovery: boolean }[]>`SELECT count(*)::int AS n, pg_is_in_recovery() AS recovery FROM t`;
      const refused = await standby`INSERT INTO t VALUES (0, '')`.then(() => "accepted (not a standby!)", (e: Error) => `refused (${e.message})`);
      console.log(`write of 100,000 rows on the primary: ${write.toFixed(0)} ms; standby behind by ${lag.toLocaleString("en")} bytes right after; caught up ${replay.toFixed(0)} ms later`);
      console.log(`standby reads ${r!.n.toLocaleString("en")} rows, in recovery: ${r!.recovery}; a write there is ${refused}`);
      if (hold > 0) {
        console.log(`holding ${hold} s: DATABASE_URL=${url} DATABASE_READ_URL=${pair.standbyUrl(url.toString())}`);
        await new Promise((res) => setTimeout(res, hold * 1000));
      }
    } finally {
      await Promise.allSettled([primary.end(), standby.end()]);
      await admin.unsafe(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
      await admin.end();
    }
  } finally {
    await pair.stop();
    console.log("standby stopped");
  }
}
