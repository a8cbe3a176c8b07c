// The 429 answer of the public pages: a small static Chinese page (no React
// render, no database), readable on a phone.
export function tooManyRequestsPage(retryAfterSeconds: number): string {
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow"><title>访问过于频繁 · 公示信息</title>
<style>body{font-family:system-ui,"PingFang SC","Microsoft YaHei",sans-serif;margin:0;padding:2rem 1.25rem;color:#1e293b;background:#f8fafc;line-height:1.7}main{max-width:32rem;margin:0 auto;background:#fff;border:1px solid #e2e8f0;border-radius:.5rem;padding:1.5rem}h1{font-size:1.25rem;margin:0 0 .75rem}</style>
</head><body><main><h1>访问过于频繁，请稍后再试</h1>
<p>为保障公示页面正常访问，同一来源短时间内的访问次数受到限制。请约 ${retryAfterSeconds} 秒后刷新本页。</p>
<p>如需了解公示内容，也可查看所在村（社区）公示栏，或向乡镇（街道）人民政府咨询。</p></main></body></html>`;
}
