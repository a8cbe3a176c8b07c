"use client";

/** 打印 and 返回, shown on screen only (`.no-print`). */
export function PrintToolbar({ back }: { back: string }) {
  return (
    <div className="print-toolbar no-print">
      <a href={back}>返回</a>
      <button type="button" onClick={() => window.print()} data-testid="print-button">打印</button>
    </div>
  );
}
