CREATE TABLE "audit_chain" (
	"seq" bigint PRIMARY KEY NOT NULL,
	"audit_id" bigint NOT NULL,
	"hash" text NOT NULL,
	CONSTRAINT "audit_chain_audit_id_unique" UNIQUE("audit_id")
);
--> statement-breakpoint
-- The audit log's hash chain (lib/audit/domain/audit-chain.ts has the same
-- definition; `audit verify` checks it). A row's text encodes every column as
-- length:value ("-" for null), so no two rows share a text; the timestamp as
-- epoch seconds, independent of the session's time zone; jsonb in its
-- canonical text form.
CREATE OR REPLACE FUNCTION audit_row_text(a audit_log) RETURNS text
LANGUAGE sql STABLE AS $$
  SELECT string_agg(coalesce(length(f)::text || ':' || f, '-'), '|' ORDER BY n)
  FROM unnest(ARRAY[
    a.id::text, extract(epoch from a.at)::text, a.user_id::text, a.username, a.department, a.action,
    a.object_type, a.object_id, a.outcome, a.detail::text, a.ip, a.user_agent
  ]) WITH ORDINALITY AS t(f, n)
$$;
--> statement-breakpoint
-- Appends one chain entry per audit row when its transaction commits (a
-- deferred constraint trigger), under a transaction-scoped advisory lock: the
-- lock is held only from this trigger to the end of the commit, so a long
-- import that wrote its audit row early blocks nobody meanwhile, and chain
-- order is commit order. Read committed: after the lock, the SELECT sees the
-- entry the previous holder committed.
CREATE OR REPLACE FUNCTION audit_chain_append() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  last_seq bigint;
  last_hash text;
  digest text;
BEGIN
  PERFORM pg_advisory_xact_lock(7340001);
  SELECT seq, hash INTO last_seq, last_hash FROM audit_chain ORDER BY seq DESC LIMIT 1;
  IF last_seq IS NULL THEN
    last_seq := 0;
    last_hash := repeat('0', 64);
  END IF;
  digest := encode(sha256(convert_to(audit_row_text(NEW), 'UTF8')), 'hex');
  INSERT INTO audit_chain (seq, audit_id, hash)
  VALUES (last_seq + 1, NEW.id, encode(sha256(convert_to(last_hash || ':' || (last_seq + 1)::text || ':' || digest, 'UTF8')), 'hex'));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER audit_log_chain
  AFTER INSERT ON audit_log
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION audit_chain_append();
--> statement-breakpoint
-- The chain is append-only like the log itself.
CREATE TRIGGER audit_chain_no_update_delete
  BEFORE UPDATE OR DELETE ON audit_chain
  FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_chain_no_truncate
  BEFORE TRUNCATE ON audit_chain
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
--> statement-breakpoint
-- Rows written before the chain existed are chained now, in id order.
DO $$
DECLARE
  r audit_log;
  last_seq bigint := 0;
  last_hash text := repeat('0', 64);
BEGIN
  FOR r IN SELECT * FROM audit_log ORDER BY id LOOP
    last_seq := last_seq + 1;
    last_hash := encode(sha256(convert_to(last_hash || ':' || last_seq::text || ':' || encode(sha256(convert_to(audit_row_text(r), 'UTF8')), 'hex'), 'UTF8')), 'hex');
    INSERT INTO audit_chain (seq, audit_id, hash) VALUES (last_seq, r.id, last_hash);
  END LOOP;
END;
$$;
