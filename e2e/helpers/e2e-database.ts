// The scratch database of one e2e run: named once in the runner's process and
// inherited by the workers through the environment.
export function adminUrl(): string {
  return process.env.TEST_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/test";
}

export function e2eDatabaseUrl(): string {
  process.env.E2E_DB_NAME ??= `e2e_${process.pid}_${Date.now()}`;
  const url = new URL(adminUrl());
  url.pathname = `/${process.env.E2E_DB_NAME}`;
  return url.toString();
}
