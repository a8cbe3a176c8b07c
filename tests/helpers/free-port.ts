import { createServer } from "node:net";

/**
 * A loopback port free at the moment of asking (the kernel's pick for port
 * 0), for a server a test or a benchmark starts itself. Another process may
 * take it before the caller listens; the callers start their servers at once.
 */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}
