-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "FacilityKind" AS ENUM ('CULTURAL_HOUSE', 'SPORTS_GROUND', 'LIBRARY', 'CHILDREN_PLAYGROUND');

-- CreateTable
CREATE TABLE "cultural_facility" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "FacilityKind" NOT NULL,
    "serves_children" BOOLEAN NOT NULL DEFAULT false,
    "commune_code" TEXT NOT NULL,
    "commune_valid_from" DATE NOT NULL,
    "province_code" TEXT NOT NULL,
    "province_valid_from" DATE NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "cultural_facility_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "cultural_facility_province_code_province_valid_from_idx" ON "cultural_facility"("province_code", "province_valid_from");

-- CreateIndex
CREATE UNIQUE INDEX "cultural_facility_commune_code_commune_valid_from_name_key" ON "cultural_facility"("commune_code", "commune_valid_from", "name");
