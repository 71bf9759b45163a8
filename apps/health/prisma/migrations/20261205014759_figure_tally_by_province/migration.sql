-- DropIndex
DROP INDEX "health_figure_tally_indicator_code_year_province_code_provi_idx";

-- CreateIndex
CREATE INDEX "health_figure_tally_province_code_province_valid_from_indic_idx" ON "health_figure_tally"("province_code", "province_valid_from", "indicator_code", "year");
