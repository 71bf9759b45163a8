-- CreateEnum
CREATE TYPE "Sector" AS ENUM ('HEALTH', 'EDUCATION', 'CULTURE', 'SOCIAL_AFFAIRS');

-- CreateEnum
CREATE TYPE "IndicatorKind" AS ENUM ('RATIO', 'COUNT', 'BOOLEAN');

-- CreateEnum
CREATE TYPE "Direction" AS ENUM ('HIGHER_IS_BETTER', 'LOWER_IS_BETTER');

-- CreateEnum
CREATE TYPE "Aggregation" AS ENUM ('SUM_RATIO', 'SUM');

-- CreateEnum
CREATE TYPE "Comparator" AS ENUM ('GTE', 'GT', 'LTE', 'LT', 'EQ', 'MAINTAIN');

-- CreateEnum
CREATE TYPE "AgencyKind" AS ENUM ('GOVERNMENT', 'MINISTRY', 'PEOPLES_COMMITTEE', 'DEPARTMENT', 'DISTRICT_OFFICE', 'MASS_ORGANISATION', 'OTHER');

-- CreateEnum
CREATE TYPE "SectorFunction" AS ENUM ('COORDINATION', 'HEALTH', 'EDUCATION', 'CULTURE', 'SOCIAL_PROTECTION', 'CHILD_PROTECTION', 'LABOUR', 'FINANCE', 'PLANNING', 'INFORMATION', 'MASS_MOBILISATION');

-- CreateEnum
CREATE TYPE "ReportFrequency" AS ENUM ('ANNUAL', 'MIDTERM', 'FINAL');

-- CreateEnum
CREATE TYPE "SubmissionStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'ACCEPTED', 'RETURNED');

-- The only plans before this migration were the two demo plans seeded in code; plans are now
-- imported from plan files (data/plans), which the demo start loads again.
DELETE FROM "plan";

-- AlterTable
ALTER TABLE "plan" DROP COLUMN "issuer",
ADD COLUMN     "budget_sources" TEXT[],
ADD COLUMN     "general_goal" TEXT,
ADD COLUMN     "imported_by" TEXT NOT NULL,
ADD COLUMN     "issuer_code" TEXT NOT NULL,
ADD COLUMN     "key" TEXT NOT NULL,
ADD COLUMN     "source" TEXT;

-- CreateTable
CREATE TABLE "indicator" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "sector" "Sector" NOT NULL,
    "kind" "IndicatorKind" NOT NULL,
    "numerator" TEXT,
    "denominator" TEXT,
    "factor" DECIMAL(12,4) NOT NULL,
    "direction" "Direction" NOT NULL,
    "population" TEXT NOT NULL,
    "disaggregations" TEXT[],
    "aggregation" "Aggregation" NOT NULL,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "indicator_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "agency" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "AgencyKind" NOT NULL,
    "unit_code" TEXT,
    "unit_valid_from" DATE,
    "valid_from" DATE NOT NULL,
    "valid_to" DATE,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "agency_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "agency_function" (
    "id" UUID NOT NULL,
    "agency_code" TEXT NOT NULL,
    "function" "SectorFunction" NOT NULL,
    "valid_from" DATE NOT NULL,
    "valid_to" DATE,

    CONSTRAINT "agency_function_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "plan_target" (
    "id" UUID NOT NULL,
    "plan_id" UUID NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "indicator_code" TEXT,
    "due_year" INTEGER,

    CONSTRAINT "plan_target_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "target_milestone" (
    "id" UUID NOT NULL,
    "target_id" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "comparator" "Comparator" NOT NULL,
    "value" DECIMAL(14,4) NOT NULL,

    CONSTRAINT "target_milestone_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "plan_task" (
    "id" UUID NOT NULL,
    "plan_id" UUID NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "lead_code" TEXT NOT NULL,
    "coordinating_codes" TEXT[],

    CONSTRAINT "plan_task_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "reporting_rule" (
    "id" UUID NOT NULL,
    "plan_id" UUID NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "reporter_codes" TEXT[],
    "recipient_code" TEXT NOT NULL,
    "frequency" "ReportFrequency" NOT NULL,
    "due" TEXT NOT NULL,
    "years" INTEGER[],

    CONSTRAINT "reporting_rule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "reporting_period" (
    "id" UUID NOT NULL,
    "plan_id" UUID NOT NULL,
    "frequency" "ReportFrequency" NOT NULL,
    "year" INTEGER NOT NULL,
    "due_on" DATE NOT NULL,
    "recipient_code" TEXT NOT NULL,
    "open" BOOLEAN NOT NULL DEFAULT true,
    "opened_by" TEXT NOT NULL,
    "opened_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "reporting_period_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "expected_report" (
    "id" UUID NOT NULL,
    "period_id" UUID NOT NULL,
    "reporter_code" TEXT NOT NULL,

    CONSTRAINT "expected_report_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "submission" (
    "id" UUID NOT NULL,
    "expected_report_id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "status" "SubmissionStatus" NOT NULL,
    "note" TEXT,
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "submitted_at" TIMESTAMP(3),

    CONSTRAINT "submission_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "submission_value" (
    "id" UUID NOT NULL,
    "submission_id" UUID NOT NULL,
    "indicator_code" TEXT NOT NULL,
    "unit_code" TEXT NOT NULL,
    "unit_valid_from" DATE NOT NULL,
    "numerator" DECIMAL(18,4) NOT NULL,
    "denominator" DECIMAL(18,4),

    CONSTRAINT "submission_value_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "submission_transition" (
    "id" UUID NOT NULL,
    "submission_id" UUID NOT NULL,
    "from_status" "SubmissionStatus",
    "to_status" "SubmissionStatus" NOT NULL,
    "actor" TEXT NOT NULL,
    "reason" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "submission_transition_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "agency_unit_code_unit_valid_from_idx" ON "agency"("unit_code", "unit_valid_from");

-- CreateIndex
CREATE INDEX "agency_function_agency_code_idx" ON "agency_function"("agency_code");

-- CreateIndex
CREATE INDEX "agency_function_function_valid_from_idx" ON "agency_function"("function", "valid_from");

-- CreateIndex
CREATE INDEX "plan_target_indicator_code_idx" ON "plan_target"("indicator_code");

-- CreateIndex
CREATE UNIQUE INDEX "plan_target_plan_id_code_key" ON "plan_target"("plan_id", "code");

-- CreateIndex
CREATE UNIQUE INDEX "target_milestone_target_id_year_comparator_key" ON "target_milestone"("target_id", "year", "comparator");

-- CreateIndex
CREATE INDEX "plan_task_plan_id_idx" ON "plan_task"("plan_id");

-- CreateIndex
CREATE INDEX "reporting_rule_plan_id_idx" ON "reporting_rule"("plan_id");

-- CreateIndex
CREATE UNIQUE INDEX "reporting_period_plan_id_frequency_year_key" ON "reporting_period"("plan_id", "frequency", "year");

-- CreateIndex
CREATE UNIQUE INDEX "expected_report_period_id_reporter_code_key" ON "expected_report"("period_id", "reporter_code");

-- CreateIndex
CREATE UNIQUE INDEX "submission_expected_report_id_version_key" ON "submission"("expected_report_id", "version");

-- CreateIndex
CREATE UNIQUE INDEX "submission_value_submission_id_indicator_code_unit_code_uni_key" ON "submission_value"("submission_id", "indicator_code", "unit_code", "unit_valid_from");

-- CreateIndex
CREATE INDEX "submission_transition_submission_id_idx" ON "submission_transition"("submission_id");

-- CreateIndex
CREATE UNIQUE INDEX "plan_key_key" ON "plan"("key");

-- AddForeignKey
ALTER TABLE "agency" ADD CONSTRAINT "agency_unit_code_unit_valid_from_fkey" FOREIGN KEY ("unit_code", "unit_valid_from") REFERENCES "administrative_unit"("code", "valid_from") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "agency_function" ADD CONSTRAINT "agency_function_agency_code_fkey" FOREIGN KEY ("agency_code") REFERENCES "agency"("code") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "plan_target" ADD CONSTRAINT "plan_target_plan_id_fkey" FOREIGN KEY ("plan_id") REFERENCES "plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "plan_target" ADD CONSTRAINT "plan_target_indicator_code_fkey" FOREIGN KEY ("indicator_code") REFERENCES "indicator"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "target_milestone" ADD CONSTRAINT "target_milestone_target_id_fkey" FOREIGN KEY ("target_id") REFERENCES "plan_target"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "plan_task" ADD CONSTRAINT "plan_task_plan_id_fkey" FOREIGN KEY ("plan_id") REFERENCES "plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reporting_rule" ADD CONSTRAINT "reporting_rule_plan_id_fkey" FOREIGN KEY ("plan_id") REFERENCES "plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reporting_period" ADD CONSTRAINT "reporting_period_plan_id_fkey" FOREIGN KEY ("plan_id") REFERENCES "plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "expected_report" ADD CONSTRAINT "expected_report_period_id_fkey" FOREIGN KEY ("period_id") REFERENCES "reporting_period"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "submission" ADD CONSTRAINT "submission_expected_report_id_fkey" FOREIGN KEY ("expected_report_id") REFERENCES "expected_report"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "submission_value" ADD CONSTRAINT "submission_value_submission_id_fkey" FOREIGN KEY ("submission_id") REFERENCES "submission"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "submission_transition" ADD CONSTRAINT "submission_transition_submission_id_fkey" FOREIGN KEY ("submission_id") REFERENCES "submission"("id") ON DELETE CASCADE ON UPDATE CASCADE;
