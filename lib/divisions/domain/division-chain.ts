import { parentCode } from "./division-code";

/** The division and every division above it, nearest first. */
export function divisionChain(code: string): string[] {
  const chain: string[] = [];
  for (let c: string | null = code; c; c = parentCode(c)) chain.push(c);
  return chain;
}
