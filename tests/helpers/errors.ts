/** The messages of an error and its causes, joined: drizzle wraps the driver's error. */
export async function errorChain(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (err) {
    const parts: string[] = [];
    let e: unknown = err;
    while (e instanceof Error) {
      parts.push(e.message);
      e = e.cause;
    }
    return parts.join(" <- ");
  }
  throw new Error("expected the promise to reject");
}
