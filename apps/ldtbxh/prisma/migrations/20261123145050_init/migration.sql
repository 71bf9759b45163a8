-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "UnitLevel" AS ENUM ('PROVINCE', 'DISTRICT', 'COMMUNE');

-- CreateEnum
CREATE TYPE "PlanLevel" AS ENUM ('NATIONAL', 'PROVINCIAL', 'DISTRICT', 'SECTOR');

-- CreateTable
CREATE TABLE "administrative_unit" (
    "code" TEXT NOT NULL,
    "valid_from" DATE NOT NULL,
    "valid_to" DATE,
    "name" TEXT NOT NULL,
    "full_name" TEXT NOT NULL,
    "level" "UnitLevel" NOT NULL,
    "type" TEXT NOT NULL,
    "parent_code" TEXT,
    "parent_valid_from" DATE,

    CONSTRAINT "administrative_unit_pkey" PRIMARY KEY ("code","valid_from")
);

-- CreateTable
CREATE TABLE "unit_succession" (
    "predecessor_code" TEXT NOT NULL,
    "predecessor_valid_from" DATE NOT NULL,
    "successor_code" TEXT NOT NULL,
    "successor_valid_from" DATE NOT NULL,
    "effective_on" DATE NOT NULL,
    "confidence" TEXT NOT NULL,
    "share_note" TEXT,
    "note" TEXT,

    CONSTRAINT "unit_succession_pkey" PRIMARY KEY ("predecessor_code","predecessor_valid_from","successor_code","successor_valid_from")
);

-- CreateTable
CREATE TABLE "plan" (
    "id" UUID NOT NULL,
    "number" TEXT,
    "title" TEXT NOT NULL,
    "issued_on" DATE,
    "issuer" TEXT NOT NULL,
    "level" "PlanLevel" NOT NULL,
    "period_start" INTEGER NOT NULL,
    "period_end" INTEGER NOT NULL,
    "parent_id" UUID,
    "scope_unit_code" TEXT,
    "scope_unit_valid_from" DATE,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "plan_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "administrative_unit_parent_code_parent_valid_from_idx" ON "administrative_unit"("parent_code", "parent_valid_from");

-- CreateIndex
CREATE INDEX "administrative_unit_level_valid_from_idx" ON "administrative_unit"("level", "valid_from");

-- CreateIndex
CREATE INDEX "unit_succession_successor_code_successor_valid_from_idx" ON "unit_succession"("successor_code", "successor_valid_from");

-- CreateIndex
CREATE UNIQUE INDEX "plan_number_key" ON "plan"("number");

-- CreateIndex
CREATE INDEX "plan_scope_unit_code_scope_unit_valid_from_idx" ON "plan"("scope_unit_code", "scope_unit_valid_from");

-- AddForeignKey
ALTER TABLE "administrative_unit" ADD CONSTRAINT "administrative_unit_parent_code_parent_valid_from_fkey" FOREIGN KEY ("parent_code", "parent_valid_from") REFERENCES "administrative_unit"("code", "valid_from") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "unit_succession" ADD CONSTRAINT "unit_succession_predecessor_code_predecessor_valid_from_fkey" FOREIGN KEY ("predecessor_code", "predecessor_valid_from") REFERENCES "administrative_unit"("code", "valid_from") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "unit_succession" ADD CONSTRAINT "unit_succession_successor_code_successor_valid_from_fkey" FOREIGN KEY ("successor_code", "successor_valid_from") REFERENCES "administrative_unit"("code", "valid_from") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "plan" ADD CONSTRAINT "plan_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "plan"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "plan" ADD CONSTRAINT "plan_scope_unit_code_scope_unit_valid_from_fkey" FOREIGN KEY ("scope_unit_code", "scope_unit_valid_from") REFERENCES "administrative_unit"("code", "valid_from") ON DELETE SET NULL ON UPDATE CASCADE;
