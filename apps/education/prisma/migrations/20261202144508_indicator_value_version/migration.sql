-- AlterTable
ALTER TABLE "indicator_value" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;
