-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "SchoolLevel" AS ENUM ('PRESCHOOL', 'PRIMARY', 'LOWER_SECONDARY');

-- CreateTable
CREATE TABLE "school" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "level" "SchoolLevel" NOT NULL,
    "commune_code" TEXT NOT NULL,
    "commune_valid_from" DATE NOT NULL,
    "province_code" TEXT NOT NULL,
    "province_valid_from" DATE NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "school_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "school_province_code_province_valid_from_idx" ON "school"("province_code", "province_valid_from");

-- CreateIndex
CREATE UNIQUE INDEX "school_commune_code_commune_valid_from_name_key" ON "school"("commune_code", "commune_valid_from", "name");
