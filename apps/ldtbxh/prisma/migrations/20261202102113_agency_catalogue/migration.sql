-- CreateEnum
CREATE TYPE "AgencyOrigin" AS ENUM ('GENERATED', 'REGISTRY_FILE', 'IMPORT');

-- AlterTable
ALTER TABLE "agency" ADD COLUMN     "origin" "AgencyOrigin" NOT NULL DEFAULT 'REGISTRY_FILE';

-- CreateTable
CREATE TABLE "agency_revision" (
    "id" UUID NOT NULL,
    "import_id" UUID NOT NULL,
    "agency_code" TEXT NOT NULL,
    "previous" JSONB,
    "current" JSONB NOT NULL,
    "actor" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "agency_revision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "registry_version" (
    "name" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "entries" INTEGER NOT NULL,
    "loaded_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "registry_version_pkey" PRIMARY KEY ("name")
);

-- CreateIndex
CREATE INDEX "agency_revision_agency_code_at_idx" ON "agency_revision"("agency_code", "at");

-- CreateIndex
CREATE INDEX "agency_revision_import_id_idx" ON "agency_revision"("import_id");

-- The agencies' history is append-only: a revision once written never changes or disappears (a
-- correction is a new revision). Statement-level, so even an UPDATE or DELETE matching no row is refused.
CREATE FUNCTION ecd_refuse_agency_revision_rewrite() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'agency_revision is append-only: % refused', TG_OP USING ERRCODE = 'check_violation';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER agency_revision_append_only
  BEFORE UPDATE OR DELETE OR TRUNCATE ON agency_revision
  FOR EACH STATEMENT EXECUTE FUNCTION ecd_refuse_agency_revision_rewrite();

ALTER TABLE agency_revision ENABLE ALWAYS TRIGGER agency_revision_append_only;
