-- The totals gain a sex column: empty them, and the next start rebuilds them by sex from the records (ensureTallies).
DELETE FROM "health_figure_tally";

-- AlterTable
ALTER TABLE "health_figure_tally" DROP CONSTRAINT "health_figure_tally_pkey",
ADD COLUMN     "sex" "Sex" NOT NULL,
ADD CONSTRAINT "health_figure_tally_pkey" PRIMARY KEY ("indicator_code", "year", "commune_code", "commune_valid_from", "sex");
