"use client";

import { useEffect } from "react";

// Printing shows every table: the closed <details> are opened before the
// print dialog (also for Ctrl+P, through beforeprint) and closed again after.
export function PrintButton() {
  useEffect(() => {
    let opened: HTMLDetailsElement[] = [];
    const before = () => {
      opened = Array.from(document.querySelectorAll<HTMLDetailsElement>("details.stats-table:not([open])"));
      for (const d of opened) d.open = true;
    };
    const after = () => {
      for (const d of opened) d.open = false;
      opened = [];
    };
    window.addEventListener("beforeprint", before);
    window.addEventListener("afterprint", after);
    return () => {
      window.removeEventListener("beforeprint", before);
      window.removeEventListener("afterprint", after);
    };
  }, []);
  return (
    <button type="button" onClick={() => window.print()} className="rounded border border-slate-300 bg-white px-4 py-2 text-sm hover:bg-slate-100">
      打印
    </button>
  );
}
