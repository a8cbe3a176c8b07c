/* global process, console, URL */
// Runs scripts/cluster.mjs's primary over tests/helpers/cluster-worker.mjs:
// node tests/helpers/cluster-primary.mjs <workers> <port>. Prints "started"
// once every worker was forked; SIGTERM stops them all.
import { runPrimary } from "../../scripts/cluster.mjs";

const [workers, port] = process.argv.slice(2);
const primary = runPrimary({ workers: Number(workers), exec: new URL("./cluster-worker.mjs", import.meta.url).pathname, args: [port] });
primary.started.then(
  () => console.log("started"),
  (err) => {
    console.error(err.message);
    process.exit(1);
  },
);
process.on("SIGTERM", () => primary.stop().then((code) => process.exit(code)));
