-- CreateEnum
CREATE TYPE "Sex" AS ENUM ('MALE', 'FEMALE');

-- CreateTable
CREATE TABLE "child_record" (
    "id" UUID NOT NULL,
    "birth_date" DATE NOT NULL,
    "sex" "Sex" NOT NULL,
    "commune_code" TEXT NOT NULL,
    "commune_valid_from" DATE NOT NULL,
    "province_code" TEXT NOT NULL,
    "province_valid_from" DATE NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "child_record_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "child_record_commune_code_commune_valid_from_birth_date_idx" ON "child_record"("commune_code", "commune_valid_from", "birth_date");

-- CreateIndex
CREATE INDEX "child_record_province_code_province_valid_from_birth_date_idx" ON "child_record"("province_code", "province_valid_from", "birth_date");
