import type { DbHandle } from "./client";
import { idCrypto } from "@/lib/crypto/data-keys";
import { sealedKeyId } from "@/lib/crypto/id-cipher";

// A maintenance routine on the whole database, beside the migrations (db/setup.ts)
// and the CLI's `keys rotate`, not a query of a use case.
// Bringing stored ID numbers to the current keys, in batches of BATCH rows
// (keyset over the primary key, so each batch is one index range):
// - sealClearIdNumbers: rows from before encryption (clear id_number) get their
//   blind index and ciphertext, and the clear column is emptied. Runs after
//   the migrations at every setup and CLI start; a no-op once done.
// - resealIdNumbers (`cli keys rotate`): every row not sealed under the
//   current PORTAL_DATA_KEY is opened with a retired one (PORTAL_DATA_KEY_OLD)
//   and sealed again; every blind index is recomputed with the current
//   PORTAL_INDEX_KEY, which is how the index key is rotated too.

const BATCH = 2000;

type Update = { id: string; hash: string; sealed: string };

async function writeBatch(handle: DbHandle, rows: readonly Update[]): Promise<void> {
  if (rows.length === 0) return;
  await handle.raw.query(
    `UPDATE people p SET id_hash = u.hash, id_sealed = u.sealed, id_number = NULL, updated_at = now()
     FROM unnest($1::uuid[], $2::text[], $3::text[]) AS u(id, hash, sealed) WHERE p.id = u.id`,
    [rows.map((r) => r.id), rows.map((r) => r.hash), rows.map((r) => r.sealed)],
  );
}

export async function sealClearIdNumbers(handle: DbHandle): Promise<number> {
  let done = 0;
  for (;;) {
    const rows = await handle.raw.query<{ id: string; id_number: string }>(
      "SELECT id, id_number FROM people WHERE id_number IS NOT NULL ORDER BY id LIMIT $1",
      [BATCH],
    );
    if (rows.length === 0) return done;
    const ids = idCrypto();
    await writeBatch(handle, rows.map((r) => ({ id: r.id, hash: ids.hash(r.id_number), sealed: ids.seal(r.id_number) })));
    done += rows.length;
  }
}

export type ResealResult = { people: number; resealed: number; rehashed: number };

export async function resealIdNumbers(handle: DbHandle): Promise<ResealResult> {
  const ids = idCrypto();
  const result: ResealResult = { people: 0, resealed: 0, rehashed: 0 };
  let after = "00000000-0000-0000-0000-000000000000";
  for (;;) {
    const rows = await handle.raw.query<{ id: string; id_hash: string; id_sealed: string }>(
      "SELECT id, id_hash, id_sealed FROM people WHERE id > $1 AND id_sealed IS NOT NULL ORDER BY id LIMIT $2",
      [after, BATCH],
    );
    if (rows.length === 0) return result;
    after = rows[rows.length - 1]!.id;
    const updates: Update[] = [];
    for (const r of rows) {
      const idNumber = ids.open(r.id_sealed);
      const stale = sealedKeyId(r.id_sealed) !== ids.current.id;
      const hash = ids.hash(idNumber);
      if (stale) result.resealed++;
      if (hash !== r.id_hash) result.rehashed++;
      if (stale || hash !== r.id_hash) updates.push({ id: r.id, hash, sealed: stale ? ids.seal(idNumber) : r.id_sealed });
    }
    // One transaction per batch is enough: a row is either old-and-readable or new.
    await writeBatch(handle, updates);
    result.people += rows.length;
  }
}

// The on-application contact columns (applications: phone, account holder,
// account number) are sealed under the same PORTAL_DATA_KEY, so a rotation
// that left them would make them unreadable once PORTAL_DATA_KEY_OLD is
// dropped. They have no blind index; only the ciphertext is renewed.
const CONTACT_COLUMNS = ["phone_sealed", "bank_holder_sealed", "bank_account_sealed"] as const;
type ContactRow = { id: string } & Record<(typeof CONTACT_COLUMNS)[number], string | null>;

export async function resealApplicationContacts(handle: DbHandle): Promise<number> {
  const ids = idCrypto();
  let resealed = 0;
  let after = "00000000-0000-0000-0000-000000000000";
  for (;;) {
    const rows = await handle.raw.query<ContactRow>(
      `SELECT id, ${CONTACT_COLUMNS.join(", ")} FROM applications WHERE id > $1 ORDER BY id LIMIT $2`,
      [after, BATCH],
    );
    if (rows.length === 0) return resealed;
    after = rows[rows.length - 1]!.id;
    const renew = (v: string | null) => (v !== null && sealedKeyId(v) !== ids.current.id ? ids.seal(ids.open(v)) : v);
    const stale = rows.filter((r) => CONTACT_COLUMNS.some((c) => r[c] !== null && sealedKeyId(r[c]!) !== ids.current.id));
    if (stale.length > 0) {
      await handle.raw.query(
        `UPDATE applications a SET phone_sealed = u.phone, bank_holder_sealed = u.holder, bank_account_sealed = u.account
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[]) AS u(id, phone, holder, account) WHERE a.id = u.id`,
        [
          stale.map((r) => r.id),
          stale.map((r) => renew(r.phone_sealed)),
          stale.map((r) => renew(r.bank_holder_sealed)),
          stale.map((r) => renew(r.bank_account_sealed)),
        ],
      );
    }
    resealed += stale.length;
  }
}

/**
 * `keys rotate`: the TOTP secrets of the second factor (user_totp, sealed with
 * the same data key) brought to the current key. Without it, retiring the old
 * key would lock every user with a second factor out (their codes could no
 * longer be checked). A handful of rows: one statement.
 */
export async function resealTotpSecrets(handle: DbHandle): Promise<number> {
  const ids = idCrypto();
  const rows = await handle.raw.query<{ user_id: string; secret_sealed: string }>("SELECT user_id, secret_sealed FROM user_totp");
  const stale = rows.filter((r) => sealedKeyId(r.secret_sealed) !== ids.current.id);
  if (stale.length === 0) return 0;
  await handle.raw.query(
    `UPDATE user_totp t SET secret_sealed = u.sealed FROM unnest($1::uuid[], $2::text[]) AS u(id, sealed) WHERE t.user_id = u.id`,
    [stale.map((r) => r.user_id), stale.map((r) => ids.seal(ids.open(r.secret_sealed)))],
  );
  return stale.length;
}

