-- CreateEnum
CREATE TYPE "SchoolOwnership" AS ENUM ('PUBLIC', 'PEOPLE_FOUNDED', 'PRIVATE');

-- AlterTable
ALTER TABLE "school" ADD COLUMN     "ownership" "SchoolOwnership" NOT NULL DEFAULT 'PUBLIC';
