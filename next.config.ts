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
  // Headers every answer carries (等保 §8.1.4, docs/security.md). The pages'
  // CSP, with a per-request script nonce, and HSTS (PORTAL_HTTPS) are set in
  // proxy.ts at run time; the answers the proxy does not see (/api/v1: JSON
  // and downloads) get a fixed CSP here. next.config headers are fixed at
  // build time, so nothing here may depend on the deployment's environment.
  async headers() {
    const everywhere = [
      { key: "X-Content-Type-Options", value: "nosniff" },
      { key: "Referrer-Policy", value: "same-origin" },
      { key: "X-Frame-Options", value: "DENY" },
      { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
    ];
    return [
      { source: "/:path*", headers: everywhere },
      // API answers carry personal and medical data: never kept by a browser or a shared cache.
      { source: "/api/:path*", headers: [{ key: "Cache-Control", value: "no-store" }] },
      {
        source: "/api/v1/:path*",
        headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'; object-src 'none'" }],
      },
    ];
  },
};

export default nextConfig;
