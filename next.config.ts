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
  // Headers every answer carries (等保 §8.1.4, docs/security.md). A script
  // CSP with per-request nonces is not set yet: it needs every page rendered
  // dynamically and is planned with the rest of issue 14. frame-ancestors
  // alone restricts only framing, so it cannot block the app's own scripts.
  // HSTS is the TLS-terminating proxy's to add (README, production).
  async headers() {
    const everywhere = [
      { key: "X-Content-Type-Options", value: "nosniff" },
      { key: "Referrer-Policy", value: "same-origin" },
      { key: "X-Frame-Options", value: "DENY" },
      { key: "Content-Security-Policy", value: "frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'" },
      { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
    ];
    return [
      { source: "/:path*", headers: everywhere },
      // API answers carry personal and medical data: never kept by a browser or a shared cache.
      { source: "/api/:path*", headers: [{ key: "Cache-Control", value: "no-store" }] },
    ];
  },
};

export default nextConfig;
