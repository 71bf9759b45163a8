-- CreateEnum
CREATE TYPE "SpecialCircumstanceCategory" AS ENUM ('ORPHANED', 'ABANDONED', 'WITHOUT_CARE', 'DISABLED', 'HIV_AIDS', 'IN_CONFLICT_WITH_LAW', 'DRUG_ADDICTED', 'OUT_OF_SCHOOL_WORKING', 'HARMED_BY_VIOLENCE', 'EXPLOITED', 'SEXUALLY_ABUSED', 'TRAFFICKED', 'SERIOUSLY_ILL_POOR_HOUSEHOLD', 'MIGRANT_OR_REFUGEE_UNACCOMPANIED');

-- CreateEnum
CREATE TYPE "ChildSex" AS ENUM ('MALE', 'FEMALE');

-- CreateEnum
CREATE TYPE "ManagementStatus" AS ENUM ('MANAGED', 'NO_LONGER_MANAGED');

-- CreateEnum
CREATE TYPE "ProtectionCaseKind" AS ENUM ('PHYSICAL_VIOLENCE', 'PSYCHOLOGICAL_VIOLENCE', 'SEXUAL_ABUSE', 'NEGLECT', 'EXPLOITATION', 'TRAFFICKING', 'OTHER');

-- CreateEnum
CREATE TYPE "ProtectionCaseStatus" AS ENUM ('OPEN', 'SUPPORTED', 'CLOSED');

-- CreateEnum
CREATE TYPE "SocialSupportKind" AS ENUM ('MONTHLY_ALLOWANCE', 'COMMUNITY_CARE', 'EMERGENCY_SUPPORT', 'HEALTH_INSURANCE', 'EDUCATION_SUPPORT', 'OTHER');

-- CreateEnum
CREATE TYPE "PilotModelKind" AS ENUM ('FAMILY_COMMUNITY_CARE', 'REFERRAL_CONNECTION', 'PARENTING_CLUB', 'OTHER');

-- CreateEnum
CREATE TYPE "ReferralStatus" AS ENUM ('SENT', 'ACCEPTED', 'DECLINED', 'DELIVERED', 'NOT_DELIVERED');

-- CreateTable
CREATE TABLE "special_circumstance_child" (
    "id" UUID NOT NULL,
    "child_key" TEXT NOT NULL,
    "birth_date" DATE NOT NULL,
    "sex" "ChildSex" NOT NULL,
    "category" "SpecialCircumstanceCategory" NOT NULL,
    "identified_on" DATE NOT NULL,
    "status" "ManagementStatus" NOT NULL DEFAULT 'MANAGED',
    "commune_code" TEXT NOT NULL,
    "commune_valid_from" DATE NOT NULL,
    "district_code" TEXT,
    "district_valid_from" DATE,
    "province_code" TEXT NOT NULL,
    "province_valid_from" DATE NOT NULL,
    "recorded_by" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "special_circumstance_child_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "protection_case" (
    "id" UUID NOT NULL,
    "child_key" TEXT NOT NULL,
    "kind" "ProtectionCaseKind" NOT NULL,
    "reported_on" DATE NOT NULL,
    "status" "ProtectionCaseStatus" NOT NULL DEFAULT 'OPEN',
    "support" TEXT,
    "commune_code" TEXT NOT NULL,
    "commune_valid_from" DATE NOT NULL,
    "district_code" TEXT,
    "district_valid_from" DATE,
    "province_code" TEXT NOT NULL,
    "province_valid_from" DATE NOT NULL,
    "recorded_by" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "protection_case_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "social_support" (
    "id" UUID NOT NULL,
    "child_key" TEXT NOT NULL,
    "kind" "SocialSupportKind" NOT NULL,
    "monthly_amount" INTEGER NOT NULL,
    "from_date" DATE NOT NULL,
    "to_date" DATE,
    "commune_code" TEXT NOT NULL,
    "commune_valid_from" DATE NOT NULL,
    "district_code" TEXT,
    "district_valid_from" DATE,
    "province_code" TEXT NOT NULL,
    "province_valid_from" DATE NOT NULL,
    "recorded_by" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "social_support_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "parenting_session" (
    "id" UUID NOT NULL,
    "held_on" DATE NOT NULL,
    "topic" TEXT NOT NULL,
    "participants" INTEGER NOT NULL,
    "commune_code" TEXT NOT NULL,
    "commune_valid_from" DATE NOT NULL,
    "district_code" TEXT,
    "district_valid_from" DATE,
    "province_code" TEXT NOT NULL,
    "province_valid_from" DATE NOT NULL,
    "recorded_by" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "parenting_session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "pilot_model" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "PilotModelKind" NOT NULL,
    "started_on" DATE NOT NULL,
    "ended_on" DATE,
    "unit_code" TEXT NOT NULL,
    "unit_valid_from" DATE NOT NULL,
    "commune_code" TEXT,
    "commune_valid_from" DATE,
    "district_code" TEXT,
    "district_valid_from" DATE,
    "province_code" TEXT NOT NULL,
    "province_valid_from" DATE NOT NULL,
    "recorded_by" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "pilot_model_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "referral_network" (
    "id" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "working" BOOLEAN NOT NULL,
    "assessed_on" DATE NOT NULL,
    "note" TEXT,
    "unit_code" TEXT NOT NULL,
    "unit_valid_from" DATE NOT NULL,
    "commune_code" TEXT,
    "commune_valid_from" DATE,
    "district_code" TEXT,
    "district_valid_from" DATE,
    "province_code" TEXT NOT NULL,
    "province_valid_from" DATE NOT NULL,
    "recorded_by" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "referral_network_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "referral" (
    "id" UUID NOT NULL,
    "child_key" TEXT NOT NULL,
    "from_sector" "Sector" NOT NULL,
    "from_service" TEXT NOT NULL,
    "to_sector" "Sector" NOT NULL,
    "to_service" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "status" "ReferralStatus" NOT NULL DEFAULT 'SENT',
    "sent_on" DATE NOT NULL,
    "commune_code" TEXT,
    "commune_valid_from" DATE,
    "district_code" TEXT,
    "district_valid_from" DATE,
    "province_code" TEXT NOT NULL,
    "province_valid_from" DATE NOT NULL,
    "sent_by" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "referral_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "referral_event" (
    "id" UUID NOT NULL,
    "referral_id" UUID NOT NULL,
    "status" "ReferralStatus" NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "by" TEXT NOT NULL,
    "reason" TEXT,

    CONSTRAINT "referral_event_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "special_circumstance_child_child_key_idx" ON "special_circumstance_child"("child_key");

-- CreateIndex
CREATE INDEX "special_circumstance_child_commune_code_commune_valid_from_idx" ON "special_circumstance_child"("commune_code", "commune_valid_from");

-- CreateIndex
CREATE INDEX "special_circumstance_child_district_code_district_valid_fro_idx" ON "special_circumstance_child"("district_code", "district_valid_from");

-- CreateIndex
CREATE INDEX "special_circumstance_child_province_code_province_valid_fro_idx" ON "special_circumstance_child"("province_code", "province_valid_from");

-- CreateIndex
CREATE INDEX "protection_case_child_key_idx" ON "protection_case"("child_key");

-- CreateIndex
CREATE INDEX "protection_case_commune_code_commune_valid_from_idx" ON "protection_case"("commune_code", "commune_valid_from");

-- CreateIndex
CREATE INDEX "protection_case_district_code_district_valid_from_idx" ON "protection_case"("district_code", "district_valid_from");

-- CreateIndex
CREATE INDEX "protection_case_province_code_province_valid_from_idx" ON "protection_case"("province_code", "province_valid_from");

-- CreateIndex
CREATE INDEX "social_support_child_key_idx" ON "social_support"("child_key");

-- CreateIndex
CREATE INDEX "social_support_commune_code_commune_valid_from_idx" ON "social_support"("commune_code", "commune_valid_from");

-- CreateIndex
CREATE INDEX "social_support_province_code_province_valid_from_idx" ON "social_support"("province_code", "province_valid_from");

-- CreateIndex
CREATE INDEX "parenting_session_commune_code_commune_valid_from_held_on_idx" ON "parenting_session"("commune_code", "commune_valid_from", "held_on");

-- CreateIndex
CREATE INDEX "parenting_session_district_code_district_valid_from_held_on_idx" ON "parenting_session"("district_code", "district_valid_from", "held_on");

-- CreateIndex
CREATE INDEX "parenting_session_province_code_province_valid_from_held_on_idx" ON "parenting_session"("province_code", "province_valid_from", "held_on");

-- CreateIndex
CREATE INDEX "pilot_model_commune_code_commune_valid_from_idx" ON "pilot_model"("commune_code", "commune_valid_from");

-- CreateIndex
CREATE INDEX "pilot_model_district_code_district_valid_from_idx" ON "pilot_model"("district_code", "district_valid_from");

-- CreateIndex
CREATE INDEX "pilot_model_province_code_province_valid_from_idx" ON "pilot_model"("province_code", "province_valid_from");

-- CreateIndex
CREATE INDEX "referral_network_year_commune_code_commune_valid_from_idx" ON "referral_network"("year", "commune_code", "commune_valid_from");

-- CreateIndex
CREATE INDEX "referral_network_year_district_code_district_valid_from_idx" ON "referral_network"("year", "district_code", "district_valid_from");

-- CreateIndex
CREATE INDEX "referral_network_year_province_code_province_valid_from_idx" ON "referral_network"("year", "province_code", "province_valid_from");

-- CreateIndex
CREATE UNIQUE INDEX "referral_network_unit_code_unit_valid_from_year_key" ON "referral_network"("unit_code", "unit_valid_from", "year");

-- CreateIndex
CREATE INDEX "referral_child_key_idx" ON "referral"("child_key");

-- CreateIndex
CREATE INDEX "referral_commune_code_commune_valid_from_created_at_idx" ON "referral"("commune_code", "commune_valid_from", "created_at");

-- CreateIndex
CREATE INDEX "referral_district_code_district_valid_from_created_at_idx" ON "referral"("district_code", "district_valid_from", "created_at");

-- CreateIndex
CREATE INDEX "referral_province_code_province_valid_from_created_at_idx" ON "referral"("province_code", "province_valid_from", "created_at");

-- CreateIndex
CREATE INDEX "referral_event_referral_id_at_idx" ON "referral_event"("referral_id", "at");

-- AddForeignKey
ALTER TABLE "referral_event" ADD CONSTRAINT "referral_event_referral_id_fkey" FOREIGN KEY ("referral_id") REFERENCES "referral"("id") ON DELETE CASCADE ON UPDATE CASCADE;
