-- CreateIndex
CREATE INDEX "indicator_value_latest_idx" ON "indicator_value"("indicator_code", "year", "commune_code", "district_code", "province_code", "province_valid_from", "source", "version" DESC, "commune_valid_from", "district_valid_from", "numerator", "denominator");
