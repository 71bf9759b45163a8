-- AlterTable
ALTER TABLE "growth_measurement" ADD COLUMN     "import_id" UUID;

-- CreateTable
CREATE TABLE "import_log" (
    "id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "content_hash" TEXT NOT NULL,
    "rows" INTEGER NOT NULL,
    "file_name" TEXT,
    "imported_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "import_log_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "import_log_kind_content_hash_key" ON "import_log"("kind", "content_hash");
