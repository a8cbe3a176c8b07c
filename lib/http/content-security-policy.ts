// The page CSP (等保 §8.1.4 入侵防范, docs/security.md), set per request by
// proxy.ts with a fresh nonce, as Next 16 documents it (guides,
// content-security-policy): Next reads the nonce from the request's CSP
// header while rendering and puts it on its own scripts (the runtime, the
// page's chunks, the inline RSC payload); 'strict-dynamic' lets those scripts
// load the chunks they need. No 'unsafe-inline' for scripts: an injected
// <script> or on* attribute does not run.
//
// Styles keep 'unsafe-inline': React renders `style` props as style
// attributes in the server HTML (the charts of recharts, bar widths, print
// layouts), and a nonce cannot cover an attribute — with a nonce in
// style-src the browser would also ignore 'unsafe-inline' and drop them. A
// style cannot run code, so this is the usual trade (Next's own guide keeps
// it outside production nonces).

export type PolicyOptions = {
  nonce: string;
  /** `next dev`: React's dev build needs eval to rebuild server error stacks. */
  dev?: boolean;
  /** Users reach the portal over https (PORTAL_HTTPS): ask the browser to upgrade any http sub-resource. */
  https?: boolean;
};

export function contentSecurityPolicy({ nonce, dev = false, https = false }: PolicyOptions): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** 128 random bits, base64: new for every request. */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}
