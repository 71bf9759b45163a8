-- CreateEnum
CREATE TYPE "SchoolGrade" AS ENUM ('NURSERY', 'KINDERGARTEN_YOUNGER', 'KINDERGARTEN_MIDDLE', 'KINDERGARTEN_OLDER', 'GRADE_1', 'GRADE_2', 'GRADE_3', 'GRADE_4', 'GRADE_5', 'GRADE_6', 'GRADE_7', 'GRADE_8', 'GRADE_9');

-- CreateEnum
CREATE TYPE "Sex" AS ENUM ('MALE', 'FEMALE');

-- AlterTable
ALTER TABLE "school" ADD COLUMN     "district_code" TEXT,
ADD COLUMN     "district_valid_from" DATE,
ADD COLUMN     "opened_on" DATE,
ADD COLUMN     "recorded_by" TEXT;

-- CreateTable
CREATE TABLE "school_survey" (
    "id" UUID NOT NULL,
    "school_id" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "clean_water_sanitation" BOOLEAN NOT NULL,
    "psychological_support" BOOLEAN NOT NULL,
    "disability_accessible" BOOLEAN NOT NULL,
    "referral_network" BOOLEAN NOT NULL,
    "staff_total" INTEGER NOT NULL,
    "staff_trained_ecd" INTEGER NOT NULL,
    "recorded_by" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "school_survey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "enrolment_report" (
    "id" UUID NOT NULL,
    "school_id" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "recorded_by" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "enrolment_report_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "enrolment_count" (
    "id" UUID NOT NULL,
    "report_id" UUID NOT NULL,
    "grade" "SchoolGrade" NOT NULL,
    "age" INTEGER NOT NULL,
    "sex" "Sex" NOT NULL,
    "pupils" INTEGER NOT NULL,
    "pupils_with_disabilities" INTEGER NOT NULL,

    CONSTRAINT "enrolment_count_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "grade_flow" (
    "id" UUID NOT NULL,
    "report_id" UUID NOT NULL,
    "grade" "SchoolGrade" NOT NULL,
    "enrolled_at_start" INTEGER NOT NULL,
    "completing" INTEGER NOT NULL,
    "dropping_out" INTEGER NOT NULL,

    CONSTRAINT "grade_flow_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "child_population_report" (
    "id" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "source" TEXT NOT NULL,
    "commune_code" TEXT NOT NULL,
    "commune_valid_from" DATE NOT NULL,
    "district_code" TEXT,
    "district_valid_from" DATE,
    "province_code" TEXT NOT NULL,
    "province_valid_from" DATE NOT NULL,
    "recorded_by" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "child_population_report_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "child_population_count" (
    "id" UUID NOT NULL,
    "report_id" UUID NOT NULL,
    "age" INTEGER NOT NULL,
    "sex" "Sex" NOT NULL,
    "children" INTEGER NOT NULL,
    "completed_primary" INTEGER NOT NULL,
    "completed_lower_secondary" INTEGER NOT NULL,

    CONSTRAINT "child_population_count_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "school_survey_school_id_year_version_key" ON "school_survey"("school_id", "year", "version");

-- CreateIndex
CREATE UNIQUE INDEX "enrolment_report_school_id_year_version_key" ON "enrolment_report"("school_id", "year", "version");

-- CreateIndex
CREATE UNIQUE INDEX "enrolment_count_report_id_grade_age_sex_key" ON "enrolment_count"("report_id", "grade", "age", "sex");

-- CreateIndex
CREATE UNIQUE INDEX "grade_flow_report_id_grade_key" ON "grade_flow"("report_id", "grade");

-- CreateIndex
CREATE INDEX "child_population_report_district_code_district_valid_from_y_idx" ON "child_population_report"("district_code", "district_valid_from", "year");

-- CreateIndex
CREATE INDEX "child_population_report_province_code_province_valid_from_y_idx" ON "child_population_report"("province_code", "province_valid_from", "year");

-- CreateIndex
CREATE UNIQUE INDEX "child_population_report_commune_code_commune_valid_from_yea_key" ON "child_population_report"("commune_code", "commune_valid_from", "year", "version");

-- CreateIndex
CREATE UNIQUE INDEX "child_population_count_report_id_age_sex_key" ON "child_population_count"("report_id", "age", "sex");

-- CreateIndex
CREATE INDEX "school_district_code_district_valid_from_idx" ON "school"("district_code", "district_valid_from");

-- AddForeignKey
ALTER TABLE "school_survey" ADD CONSTRAINT "school_survey_school_id_fkey" FOREIGN KEY ("school_id") REFERENCES "school"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "enrolment_report" ADD CONSTRAINT "enrolment_report_school_id_fkey" FOREIGN KEY ("school_id") REFERENCES "school"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "enrolment_count" ADD CONSTRAINT "enrolment_count_report_id_fkey" FOREIGN KEY ("report_id") REFERENCES "enrolment_report"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "grade_flow" ADD CONSTRAINT "grade_flow_report_id_fkey" FOREIGN KEY ("report_id") REFERENCES "enrolment_report"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "child_population_count" ADD CONSTRAINT "child_population_count_report_id_fkey" FOREIGN KEY ("report_id") REFERENCES "child_population_report"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
