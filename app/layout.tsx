import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "医疗救助服务平台", template: "%s · 医疗救助服务平台" },
  description: "县市医疗保障局医疗救助一体化平台",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="zh-CN">
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}
