import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // forbidden() and app/forbidden.tsx give a real 403 page.
  experimental: { authInterrupts: true },
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
