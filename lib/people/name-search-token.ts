import { idCrypto } from "@/lib/crypto/data-keys";

// The people list's name search travels as a sealed token (`?q=`), never as
// the name itself: a name is personal data, and URLs end up in proxy logs,
// browser history and Referer headers. The token is AES-256-GCM under the
// data key (a fresh IV each time), so it means nothing outside this server,
// and a retired key simply makes old links forget the name.

const MAX_NAME = 50;

export function sealNameSearch(name: string): string {
  return idCrypto().seal(`name:${name.trim().slice(0, MAX_NAME)}`);
}

/** The name a token holds, or undefined when it is not one of ours (edited, or sealed under a retired key). */
export function openNameSearch(token: string | undefined): string | undefined {
  if (!token) return undefined;
  try {
    const text = idCrypto().open(token);
    return text.startsWith("name:") ? text.slice(5) || undefined : undefined;
  } catch {
    return undefined;
  }
}
