"use server";

import { signOut } from "@/lib/auth/next-auth";

export async function logoutAction() {
  await signOut({ redirectTo: "/login" });
}
