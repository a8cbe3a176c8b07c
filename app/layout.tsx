import type { Metadata } from "next";
import { headers } from "next/headers";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "医疗救助服务平台", template: "%s · 医疗救助服务平台" },
  description: "县市医疗保障局医疗救助一体化平台",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page renders per request: its scripts carry the nonce proxy.ts put
  // in this request's CSP (Next reads it from the header and adds it to its
  // own scripts). A page prerendered at build time would carry no nonce, and
  // the browser would refuse its scripts. Reading the request headers here is
  // what makes every page under this layout dynamic.
  await headers();
  return (
    <html lang="zh-CN">
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}
