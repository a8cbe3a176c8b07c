import NextAuth from "next-auth";
import { authConfig } from "@/lib/auth/next-auth-config";

// Next 16's proxy (formerly middleware): sends anonymous visitors to /login.
// `export const { auth: proxy }` fails the build (docs/development.md).
const { auth } = NextAuth(authConfig);
export const proxy = auth;

// /api/v1 is left out: its handlers authenticate every call themselves
// (session or API token), and a proxy that runs on a POST makes Next copy the
// whole request body into memory and cut it at 10 MB — which would break
// streamed roster uploads (/api/v1/rosters/import).
export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|api/v1/).*)"],
};
