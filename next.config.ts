import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // forbidden() and app/forbidden.tsx give a real 403 page.
  // serverActions.bodySizeLimit: Next buffers a server action's whole body
  // before our code runs, so it stays small and explicit. No action takes a
  // file larger than a holiday schedule (500 KB, admin/calendar/limits.ts);
  // imports are streamed through /api/v1 under UPLOAD_MAX_MB instead.
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: "1mb" } },
  // PGlite is loaded from node_modules at run time rather than bundled, so its
  // 15 MB of wasm/data never lands in the publicly served .next/static.
  serverExternalPackages: ["@electric-sql/pglite", "postgres", "exceljs", "bcryptjs"],
  poweredByHeader: false,
  // `npm test` runs tsc and eslint as their own steps; not repeating them in
  // the build keeps it lean on two cores.
  typescript: { ignoreBuildErrors: true },
  typedRoutes: false,
};

export default nextConfig;
