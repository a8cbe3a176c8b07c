import { idCrypto } from "@/lib/crypto/data-keys";
import type { PersonRow } from "../schema";

// ID numbers leave the database sealed (people.id_sealed) and are opened here,
// row by row, for the callers that mask or reveal them; they go in only as a
// blind index (lookups) or sealed (registration). A row set up before
// encryption and not yet converted (db/id-at-rest.ts) still
// carries its clear id_number.

export type Person = Omit<PersonRow, "idNumber" | "idHash" | "idSealed"> & { idNumber: string };

export function openIdNumber(row: { idSealed: string | null; idNumber?: string | null }): string {
  if (row.idSealed) return idCrypto().open(row.idSealed);
  if (row.idNumber) return row.idNumber;
  throw new Error("person row without an ID number");
}

/** Opens the sealed IDs of one result (the keys read once, not once per row). */
export function idOpener(): (idSealed: string | null) => string {
  // Read at the first row: an empty result needs no keys.
  let ids: ReturnType<typeof idCrypto> | undefined;
  return (idSealed) => (idSealed ? (ids ??= idCrypto()).open(idSealed) : openIdNumber({ idSealed }));
}

/** Rows selected with `idSealed`, returned with `idNumber` opened instead. */
export function withIdNumbers<T extends { idSealed: string | null }>(rows: readonly T[]): (Omit<T, "idSealed"> & { idNumber: string })[] {
  // The keys once for the rows, not once per row (idCrypto reads the environment each time).
  const ids = rows.length > 0 ? idCrypto() : null;
  return rows.map(({ idSealed, ...r }) => ({ ...r, idNumber: idSealed ? ids!.open(idSealed) : openIdNumber({ idSealed }) }));
}

export function openPerson(row: PersonRow): Person {
  const { idHash: _hash, idSealed: _sealed, ...rest } = row;
  return { ...rest, idNumber: openIdNumber(row) };
}

/** The blind index of an ID, for `where id_hash = …`. */
export function idHashOf(idNumber: string): string {
  return idCrypto().hash(idNumber);
}

export function byIdNumber<T extends { idNumber: string }>(a: T, b: T): number {
  return a.idNumber < b.idNumber ? -1 : a.idNumber > b.idNumber ? 1 : 0;
}

/** The stored columns of an ID number: what an insert into people carries instead of the clear ID. */
export function sealedIdColumns(idNumber: string): { idHash: string; idSealed: string } {
  const ids = idCrypto();
  return { idHash: ids.hash(idNumber), idSealed: ids.seal(idNumber) };
}
