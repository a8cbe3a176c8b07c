"use client";

import { useActionState } from "react";
import type { ActionResult } from "@/lib/http/action-result";

export function RevokeButton({ action, prefix }: { action: (prev: ActionResult) => Promise<ActionResult>; prefix: string }) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction}>
      <button type="submit" disabled={pending} className="text-red-700 hover:underline disabled:opacity-60" aria-label={`吊销令牌 ${prefix}`}>
        吊销
      </button>
      {state && !state.ok ? <span className="ml-2 text-xs text-red-700">{state.message}</span> : null}
    </form>
  );
}
