-- The audit log becomes a hash chain: each row's hash covers the row
-- before it and its own fields (src/audit.c), so a row changed, removed or
-- slipped in behind bangban's back is found by `bangban audit verify`.
-- The rows already there are sealed into the start of the chain by this
-- migration's C step (db/migrate.c); the log stays append-only: a row may
-- be written once more only to seal it, and nothing else about it changes.
ALTER TABLE audit_log ADD COLUMN hash TEXT NOT NULL DEFAULT '';
DROP TRIGGER audit_log_append_only_update;
CREATE TRIGGER audit_log_append_only_update BEFORE UPDATE ON audit_log
WHEN OLD.hash <> '' OR NEW.seq IS NOT OLD.seq OR NEW.at IS NOT OLD.at
  OR NEW.actor IS NOT OLD.actor OR NEW.terminal IS NOT OLD.terminal
  OR NEW.action IS NOT OLD.action OR NEW.subject IS NOT OLD.subject
  OR NEW.detail IS NOT OLD.detail
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
-- Where the chain ends, kept beside it: a cut-off tail no longer matches.
INSERT OR IGNORE INTO meta (key, value) VALUES ('audit_head', '');
