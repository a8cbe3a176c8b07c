import { generate, generateSecret, generateURI, verify } from "otplib";
import QRCode from "qrcode";

// otplib 13 (RFC 6238 TOTP: SHA-1, 6 digits, 30 s, what every authenticator
// app reads) and qrcode; docs/security.md says why these. Nothing here is
// hand-made: the secret, the codes and their constant-time check are
// otplib's. The one choice is the tolerance: a code of the step before or
// after the current one is accepted (clocks of phones drift), each step once.

export const TOTP_PERIOD = 30;
const TOLERANCE_SECONDS = 30;
export const TOTP_ISSUER = "医疗救助服务平台";

export function newTotpSecret(): string {
  // 20 random bytes (160 bits, RFC 4226's recommendation), base32.
  return generateSecret({ length: 20 });
}

export function totpUri(username: string, secret: string): string {
  return generateURI({ issuer: TOTP_ISSUER, label: username, secret });
}

/** The QR code of the otpauth URI as an SVG data URL (drawn on the server; the secret never goes to a third party). */
export async function totpQrDataUrl(uri: string): Promise<string> {
  const svg = await QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
}

/**
 * The time step the code belongs to, when it is right and later than
 * `afterStep` (the last one accepted: RFC 6238 §5.2, a code is used once);
 * null otherwise.
 */
export async function checkTotp(secret: string, code: string, afterStep: number | null, now = new Date()): Promise<number | null> {
  const epoch = Math.floor(now.getTime() / 1000);
  // Every step the window holds is already used (the clock went back): nothing can pass, and otplib refuses such an afterTimeStep with an error.
  if (afterStep !== null && afterStep >= Math.floor((epoch + TOLERANCE_SECONDS) / TOTP_PERIOD)) return null;
  const result = await verify({
    secret,
    token: code,
    epoch,
    epochTolerance: TOLERANCE_SECONDS,
    ...(afterStep !== null ? { afterTimeStep: afterStep } : {}),
  });
  return result.valid ? (result as { timeStep: number }).timeStep : null;
}

/** The current code (tests and the demo only). */
export function currentTotp(secret: string, now = new Date()): Promise<string> {
  return generate({ secret, epoch: Math.floor(now.getTime() / 1000) });
}
