-- CreateEnum
CREATE TYPE "MeasuredPosition" AS ENUM ('LYING', 'STANDING');

-- CreateEnum
CREATE TYPE "GrowthDeficit" AS ENUM ('NONE', 'MODERATE', 'SEVERE');

-- CreateTable
CREATE TABLE "growth_measurement" (
    "id" UUID NOT NULL,
    "child_record_id" UUID,
    "sex" "Sex" NOT NULL,
    "birth_date" DATE NOT NULL,
    "measured_on" DATE NOT NULL,
    "weight_kg" DECIMAL(5,3) NOT NULL,
    "length_height_cm" DECIMAL(5,2) NOT NULL,
    "measured" "MeasuredPosition" NOT NULL,
    "oedema" BOOLEAN NOT NULL DEFAULT false,
    "weight_for_age_z" DECIMAL(5,2),
    "length_height_for_age_z" DECIMAL(5,2),
    "weight_for_length_height_z" DECIMAL(5,2),
    "stunting" "GrowthDeficit",
    "underweight" "GrowthDeficit",
    "wasting" "GrowthDeficit",
    "commune_code" TEXT NOT NULL,
    "commune_valid_from" DATE NOT NULL,
    "province_code" TEXT NOT NULL,
    "province_valid_from" DATE NOT NULL,
    "recorded_by" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "growth_measurement_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "growth_measurement_commune_code_commune_valid_from_measured_idx" ON "growth_measurement"("commune_code", "commune_valid_from", "measured_on");

-- CreateIndex
CREATE INDEX "growth_measurement_province_code_province_valid_from_measur_idx" ON "growth_measurement"("province_code", "province_valid_from", "measured_on");

-- CreateIndex
CREATE INDEX "growth_measurement_child_record_id_idx" ON "growth_measurement"("child_record_id");

-- AddForeignKey
ALTER TABLE "growth_measurement" ADD CONSTRAINT "growth_measurement_child_record_id_fkey" FOREIGN KEY ("child_record_id") REFERENCES "child_record"("id") ON DELETE SET NULL ON UPDATE CASCADE;
