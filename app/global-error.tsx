"use client";

// Last resort when the root layout itself fails: no internals, a way back.
export default function GlobalError({ reset }: { error: Error; reset: () => void }) {
  return (
    <html lang="zh-CN">
      <body style={{ fontFamily: "sans-serif", padding: "4rem", textAlign: "center" }}>
        <h1>系统暂时无法处理您的请求</h1>
        <p>请稍后重试；如多次出现，请联系系统管理员。</p>
        <button onClick={reset}>重试</button>
      </body>
    </html>
  );
}
