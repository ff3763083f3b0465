-- AlterTable
ALTER TABLE "Task" ADD COLUMN     "pingsPlannedVersion" INTEGER;
