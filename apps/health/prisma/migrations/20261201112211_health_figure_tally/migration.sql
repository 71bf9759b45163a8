-- CreateTable
CREATE TABLE "health_figure_tally" (
    "indicator_code" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "commune_code" TEXT NOT NULL,
    "commune_valid_from" DATE NOT NULL,
    "province_code" TEXT NOT NULL,
    "province_valid_from" DATE NOT NULL,
    "numerator" INTEGER NOT NULL,
    "denominator" INTEGER NOT NULL,

    CONSTRAINT "health_figure_tally_pkey" PRIMARY KEY ("indicator_code","year","commune_code","commune_valid_from")
);

-- CreateIndex
CREATE INDEX "health_figure_tally_indicator_code_year_province_code_provi_idx" ON "health_figure_tally"("indicator_code", "year", "province_code", "province_valid_from");
