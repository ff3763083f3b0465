-- AlterTable
ALTER TABLE "Task" ADD COLUMN     "snoozedUntil" TIMESTAMPTZ(3);
