-- CreateEnum
CREATE TYPE "Vaccine" AS ENUM ('BCG', 'HEPB_BIRTH', 'DPT_HEPB_HIB_1', 'DPT_HEPB_HIB_2', 'DPT_HEPB_HIB_3', 'OPV_1', 'OPV_2', 'OPV_3', 'IPV', 'MEASLES_1', 'MR', 'DPT_BOOSTER', 'JE_1', 'JE_2', 'JE_3');

-- CreateEnum
CREATE TYPE "HealthServiceKind" AS ENUM ('GROWTH_MONITORING', 'NUTRITION_COUNSELLING', 'VITAMIN_A_SUPPLEMENTATION', 'DEWORMING', 'DEVELOPMENTAL_SCREENING', 'SICK_CHILD_CARE', 'MICRONUTRIENT_SUPPLEMENTATION');

-- AlterTable
ALTER TABLE "child_record" ADD COLUMN     "child_key" TEXT,
ADD COLUMN     "recorded_by" TEXT;

-- CreateTable
CREATE TABLE "immunisation" (
    "id" UUID NOT NULL,
    "child_record_id" UUID NOT NULL,
    "vaccine" "Vaccine" NOT NULL,
    "given_on" DATE NOT NULL,
    "station_id" UUID NOT NULL,
    "recorded_by" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "immunisation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "pregnancy" (
    "id" UUID NOT NULL,
    "expected_delivery_date" DATE NOT NULL,
    "mother_birth_year" INTEGER NOT NULL,
    "commune_code" TEXT NOT NULL,
    "commune_valid_from" DATE NOT NULL,
    "district_code" TEXT,
    "district_valid_from" DATE,
    "province_code" TEXT NOT NULL,
    "province_valid_from" DATE NOT NULL,
    "recorded_by" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "pregnancy_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "antenatal_visit" (
    "id" UUID NOT NULL,
    "pregnancy_id" UUID NOT NULL,
    "visited_on" DATE NOT NULL,
    "gestational_week" INTEGER NOT NULL,
    "recorded_by" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "antenatal_visit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "health_service_contact" (
    "id" UUID NOT NULL,
    "child_record_id" UUID NOT NULL,
    "kind" "HealthServiceKind" NOT NULL,
    "served_on" DATE NOT NULL,
    "station_id" UUID NOT NULL,
    "recorded_by" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "health_service_contact_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "immunisation_station_id_idx" ON "immunisation"("station_id");

-- CreateIndex
CREATE UNIQUE INDEX "immunisation_child_record_id_vaccine_key" ON "immunisation"("child_record_id", "vaccine");

-- CreateIndex
CREATE INDEX "pregnancy_commune_code_commune_valid_from_expected_delivery_idx" ON "pregnancy"("commune_code", "commune_valid_from", "expected_delivery_date");

-- CreateIndex
CREATE INDEX "pregnancy_district_code_district_valid_from_expected_delive_idx" ON "pregnancy"("district_code", "district_valid_from", "expected_delivery_date");

-- CreateIndex
CREATE INDEX "pregnancy_province_code_province_valid_from_expected_delive_idx" ON "pregnancy"("province_code", "province_valid_from", "expected_delivery_date");

-- CreateIndex
CREATE UNIQUE INDEX "antenatal_visit_pregnancy_id_visited_on_key" ON "antenatal_visit"("pregnancy_id", "visited_on");

-- CreateIndex
CREATE INDEX "health_service_contact_child_record_id_served_on_idx" ON "health_service_contact"("child_record_id", "served_on");

-- CreateIndex
CREATE INDEX "health_service_contact_station_id_idx" ON "health_service_contact"("station_id");

-- CreateIndex
CREATE UNIQUE INDEX "health_service_contact_child_record_id_kind_served_on_key" ON "health_service_contact"("child_record_id", "kind", "served_on");

-- CreateIndex
CREATE UNIQUE INDEX "child_record_child_key_key" ON "child_record"("child_key");

-- AddForeignKey
ALTER TABLE "immunisation" ADD CONSTRAINT "immunisation_child_record_id_fkey" FOREIGN KEY ("child_record_id") REFERENCES "child_record"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "immunisation" ADD CONSTRAINT "immunisation_station_id_fkey" FOREIGN KEY ("station_id") REFERENCES "health_station"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "antenatal_visit" ADD CONSTRAINT "antenatal_visit_pregnancy_id_fkey" FOREIGN KEY ("pregnancy_id") REFERENCES "pregnancy"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "health_service_contact" ADD CONSTRAINT "health_service_contact_child_record_id_fkey" FOREIGN KEY ("child_record_id") REFERENCES "child_record"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "health_service_contact" ADD CONSTRAINT "health_service_contact_station_id_fkey" FOREIGN KEY ("station_id") REFERENCES "health_station"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
