import { blindIndex, dataKey, openId } from "@/lib/crypto/id-cipher";

// ID numbers are stored sealed (people.id_sealed) and looked up by blind index
// (people.id_hash). A spec that must type a real person's ID opens it with the
// e2e server's fixed test keys (playwright.config.ts), never any other key.
const DATA_KEY = dataKey(Buffer.alloc(32, 1));
const INDEX_KEY = Buffer.alloc(32, 2);

export const openE2eId = (sealed: string) => openId([DATA_KEY], sealed);
export const e2eIdHash = (idNumber: string) => blindIndex(INDEX_KEY, idNumber);

/** Rows selected with `id_sealed`, given their `id_number`. */
export function withE2eIds<T extends { id_sealed: string }>(rows: readonly T[]): (Omit<T, "id_sealed"> & { id_number: string })[] {
  return rows.map(({ id_sealed, ...r }) => ({ ...r, id_number: openE2eId(id_sealed) }));
}
