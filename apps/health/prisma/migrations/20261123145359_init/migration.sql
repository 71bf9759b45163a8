-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "health_station" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "commune_code" TEXT NOT NULL,
    "commune_valid_from" DATE NOT NULL,
    "province_code" TEXT NOT NULL,
    "province_valid_from" DATE NOT NULL,
    "opened_on" DATE,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "health_station_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "health_station_province_code_province_valid_from_idx" ON "health_station"("province_code", "province_valid_from");

-- CreateIndex
CREATE UNIQUE INDEX "health_station_commune_code_commune_valid_from_name_key" ON "health_station"("commune_code", "commune_valid_from", "name");
