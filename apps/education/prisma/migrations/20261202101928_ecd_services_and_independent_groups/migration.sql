-- CreateEnum
CREATE TYPE "SchoolKind" AS ENUM ('SCHOOL', 'INDEPENDENT_GROUP');

-- AlterTable
ALTER TABLE "school" ADD COLUMN     "kind" "SchoolKind" NOT NULL DEFAULT 'SCHOOL';

-- AlterTable
ALTER TABLE "enrolment_count" ADD COLUMN     "pupils_with_ecd_services" INTEGER;
