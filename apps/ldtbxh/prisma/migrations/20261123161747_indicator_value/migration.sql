-- CreateTable
CREATE TABLE "indicator_value" (
    "id" UUID NOT NULL,
    "indicator_code" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "numerator" DECIMAL(18,4) NOT NULL,
    "denominator" DECIMAL(18,4),
    "source" TEXT NOT NULL,
    "commune_code" TEXT,
    "commune_valid_from" DATE,
    "district_code" TEXT,
    "district_valid_from" DATE,
    "province_code" TEXT NOT NULL,
    "province_valid_from" DATE NOT NULL,
    "recorded_by" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "indicator_value_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "indicator_value_indicator_code_year_commune_code_commune_va_idx" ON "indicator_value"("indicator_code", "year", "commune_code", "commune_valid_from");

-- CreateIndex
CREATE INDEX "indicator_value_indicator_code_year_district_code_district__idx" ON "indicator_value"("indicator_code", "year", "district_code", "district_valid_from");

-- CreateIndex
CREATE INDEX "indicator_value_indicator_code_year_province_code_province__idx" ON "indicator_value"("indicator_code", "year", "province_code", "province_valid_from");
