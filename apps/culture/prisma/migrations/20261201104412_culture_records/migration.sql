-- CreateEnum
CREATE TYPE "ChildActivityKind" AS ENUM ('READING', 'ARTS', 'SPORTS', 'PLAY', 'FESTIVAL', 'LIFE_SKILLS', 'OTHER');

-- CreateEnum
CREATE TYPE "OutreachKind" AS ENUM ('FAMILY_EDUCATION', 'COMMUNICATION_CAMPAIGN');

-- CreateEnum
CREATE TYPE "OutreachChannel" AS ENUM ('LOUDSPEAKER', 'MEETING', 'CLUB', 'TELEVISION', 'RADIO', 'SOCIAL_MEDIA', 'LEAFLET', 'PANEL', 'OTHER');

-- AlterTable
ALTER TABLE "cultural_facility" ADD COLUMN     "district_code" TEXT,
ADD COLUMN     "district_valid_from" DATE,
ADD COLUMN     "opened_on" DATE,
ADD COLUMN     "recorded_by" TEXT;

-- CreateTable
CREATE TABLE "child_activity" (
    "id" UUID NOT NULL,
    "kind" "ChildActivityKind" NOT NULL,
    "title" TEXT NOT NULL,
    "held_on" DATE NOT NULL,
    "facility_id" UUID,
    "children_count" INTEGER NOT NULL,
    "aged0_to2" INTEGER,
    "aged3_to5" INTEGER,
    "aged6_to8" INTEGER,
    "commune_code" TEXT NOT NULL,
    "commune_valid_from" DATE NOT NULL,
    "district_code" TEXT,
    "district_valid_from" DATE,
    "province_code" TEXT NOT NULL,
    "province_valid_from" DATE NOT NULL,
    "recorded_by" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "child_activity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "outreach" (
    "id" UUID NOT NULL,
    "kind" "OutreachKind" NOT NULL,
    "channel" "OutreachChannel" NOT NULL,
    "topic" TEXT NOT NULL,
    "date_from" DATE NOT NULL,
    "date_to" DATE NOT NULL,
    "people_reached" INTEGER NOT NULL,
    "parents_reached" INTEGER NOT NULL,
    "commune_code" TEXT,
    "commune_valid_from" DATE,
    "district_code" TEXT,
    "district_valid_from" DATE,
    "province_code" TEXT NOT NULL,
    "province_valid_from" DATE NOT NULL,
    "recorded_by" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "outreach_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "child_activity_commune_code_commune_valid_from_held_on_idx" ON "child_activity"("commune_code", "commune_valid_from", "held_on");

-- CreateIndex
CREATE INDEX "child_activity_district_code_district_valid_from_held_on_idx" ON "child_activity"("district_code", "district_valid_from", "held_on");

-- CreateIndex
CREATE INDEX "child_activity_province_code_province_valid_from_held_on_idx" ON "child_activity"("province_code", "province_valid_from", "held_on");

-- CreateIndex
CREATE INDEX "child_activity_facility_id_idx" ON "child_activity"("facility_id");

-- CreateIndex
CREATE INDEX "outreach_commune_code_commune_valid_from_date_to_idx" ON "outreach"("commune_code", "commune_valid_from", "date_to");

-- CreateIndex
CREATE INDEX "outreach_district_code_district_valid_from_date_to_idx" ON "outreach"("district_code", "district_valid_from", "date_to");

-- CreateIndex
CREATE INDEX "outreach_province_code_province_valid_from_date_to_idx" ON "outreach"("province_code", "province_valid_from", "date_to");

-- CreateIndex
CREATE INDEX "cultural_facility_district_code_district_valid_from_idx" ON "cultural_facility"("district_code", "district_valid_from");

-- AddForeignKey
ALTER TABLE "child_activity" ADD CONSTRAINT "child_activity_facility_id_fkey" FOREIGN KEY ("facility_id") REFERENCES "cultural_facility"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
