-- AlterTable
ALTER TABLE "plan_target" ADD COLUMN     "baseline_value" DECIMAL(14,4),
ADD COLUMN     "baseline_year" INTEGER;
