-- CreateEnum
CREATE TYPE "AuditEventKind" AS ENUM ('READ', 'WRITE', 'LOOKUP');

-- CreateTable
CREATE TABLE "audit_event" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "service" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "roles" TEXT[],
    "sector" TEXT,
    "unit_code" TEXT,
    "agency" TEXT,
    "request_id" TEXT NOT NULL,
    "operation" TEXT,
    "kind" "AuditEventKind" NOT NULL,
    "root_fields" TEXT[],
    "entity_type" TEXT,
    "entity_ids" TEXT[],
    "purpose" TEXT,
    "subject_keys" TEXT[],
    "found" BOOLEAN,
    "succeeded" BOOLEAN NOT NULL,
    "error_code" TEXT,

    CONSTRAINT "audit_event_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "audit_event_at_idx" ON "audit_event"("at");

-- CreateIndex
CREATE INDEX "audit_event_user_id_id_idx" ON "audit_event"("user_id", "id");

-- CreateIndex
CREATE INDEX "audit_event_request_id_idx" ON "audit_event"("request_id");

-- The audit log is append-only (Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15): whatever the application
-- does, a row once written never changes or disappears. Statement-level, so even an UPDATE or DELETE
-- matching no row is refused; ENABLE ALWAYS keeps the trigger firing under session_replication_role
-- = replica. (The table's owner can still drop the trigger: in production the services connect as a
-- role that does not own the table.)
CREATE FUNCTION ecd_refuse_audit_rewrite() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'audit_event is append-only: % refused', TG_OP USING ERRCODE = 'check_violation';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_event_append_only
  BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_event
  FOR EACH STATEMENT EXECUTE FUNCTION ecd_refuse_audit_rewrite();

ALTER TABLE audit_event ENABLE ALWAYS TRIGGER audit_event_append_only;
