import NextAuth from "next-auth";
import { authConfig } from "@/lib/auth/next-auth-config";

// Next 16's proxy (formerly middleware): sends anonymous visitors to /login.
// `export const { auth: proxy }` fails the build (ENVIRONMENT.md).
const { auth } = NextAuth(authConfig);
export const proxy = auth;

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
