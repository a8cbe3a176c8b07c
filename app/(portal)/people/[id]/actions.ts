"use server";

import { requireContext } from "@/lib/auth/current-actor";
import { AppError } from "@/lib/errors/app-error";
import { revealIdNumber } from "@/lib/people/reveal-id-number";

export async function revealIdAction(personId: string): Promise<{ idNumber?: string; error?: string }> {
  try {
    return { idNumber: await revealIdNumber(await requireContext(), personId) };
  } catch (err) {
    if (err instanceof AppError) return { error: err.message };
    throw err;
  }
}
