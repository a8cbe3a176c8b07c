-- The application may connect as a role that owns nothing (docs/security.md,
-- db/app-role.ts): it appends to audit_log and reads audit_chain, but may not
-- write the chain itself. The chain's trigger therefore runs as its owner (the
-- role that ran the migrations), with the search path fixed to the schema the
-- tables live in and pg_temp last, so that no one can put a table of their own
-- in its way. On the embedded database (one superuser) this changes nothing.
DO $$
BEGIN
  EXECUTE format('ALTER FUNCTION audit_chain_append() SECURITY DEFINER SET search_path = %I, pg_temp', current_schema());
END;
$$;
