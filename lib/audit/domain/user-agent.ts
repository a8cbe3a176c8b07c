// The browser and operating system in a User-Agent header, for the audit page
// (the raw header stays in the row and the export). Only what an auditor
// needs to tell terminals apart: the family and major version, on the
// browsers and systems used in Chinese county offices (Chrome, Edge,
// Firefox, Safari, 360, QQ, Sogou, WeChat; Windows, 统信 UOS / Kylin, macOS,
// Android, iOS). Anything else is shown as it is, cut short.

const BROWSERS: [RegExp, string][] = [
  [/MicroMessenger\/(\d+)/, "微信"],
  [/QQBrowser\/(\d+)/, "QQ浏览器"],
  [/MetaSr|SE (\d+)\.X/, "搜狗浏览器"],
  [/QihooBrowser|360SE|360EE|QHBrowser/, "360浏览器"],
  [/Edg(?:e|A|iOS)?\/(\d+)/, "Edge"],
  [/OPR\/(\d+)/, "Opera"],
  [/Firefox\/(\d+)/, "Firefox"],
  [/(?:Chrome|CriOS)\/(\d+)/, "Chrome"],
  [/Version\/(\d+)[\d.]* (?:Mobile\/\S+ )?Safari\//, "Safari"],
  [/MSIE (\d+)|Trident\/.*rv:(\d+)/, "Internet Explorer"],
];

const WINDOWS: Record<string, string> = { "10.0": "Windows 10/11", "6.3": "Windows 8.1", "6.2": "Windows 8", "6.1": "Windows 7", "6.0": "Windows Vista", "5.1": "Windows XP" };

function os(ua: string): string | null {
  const win = /Windows NT (\d+\.\d+)/.exec(ua);
  if (win) return WINDOWS[win[1]!] ?? `Windows NT ${win[1]}`;
  const ios = /(?:iPhone|iPad|iPod).*? OS (\d+)/.exec(ua);
  if (ios) return `iOS ${ios[1]}`;
  const android = /Android (\d+)/.exec(ua);
  if (android) return `Android ${android[1]}`;
  const mac = /Mac OS X (\d+)[._](\d+)/.exec(ua);
  if (mac) return `macOS ${mac[1]}.${mac[2]}`;
  if (/\bUOS\b|UnionTech/i.test(ua)) return "统信 UOS";
  if (/Kylin/i.test(ua)) return "麒麟";
  if (/CrOS/.test(ua)) return "ChromeOS";
  if (/Linux/.test(ua)) return "Linux";
  return null;
}

function browser(ua: string): string | null {
  for (const [re, name] of BROWSERS) {
    const m = re.exec(ua);
    if (m) {
      const version = m.slice(1).find((v) => v !== undefined);
      return version ? `${name} ${version}` : name;
    }
  }
  return null;
}

/** `Chrome 131 · Windows 10/11`; a header that is not a browser's as it is (`curl/8.5.0`), cut at 40 characters; empty: null. */
export function describeUserAgent(ua: string | null | undefined): string | null {
  const text = ua?.trim();
  if (!text) return null;
  const b = browser(text);
  const o = os(text);
  if (b || o) return [b, o].filter(Boolean).join(" · ");
  return text.length <= 40 ? text : `${text.slice(0, 39)}…`;
}
