-- AlterTable
ALTER TABLE "submission" ADD COLUMN     "difficulties" TEXT,
ADD COLUMN     "proposals" TEXT;

-- What an agency wrote in a submitted report is frozen with its values: its note, difficulties and
-- proposals can no longer change (only the status goes on).
CREATE OR REPLACE FUNCTION ecd_refuse_rewriting_submissions() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' AND OLD.status <> 'DRAFT' THEN
    RAISE EXCEPTION 'submission % was submitted and cannot be deleted', OLD.id USING ERRCODE = 'check_violation';
  END IF;
  IF TG_OP = 'UPDATE' AND OLD.status <> 'DRAFT'
     AND (NEW.version, NEW.expected_report_id, NEW.created_by, NEW.created_at, NEW.submitted_at,
          NEW.note, NEW.difficulties, NEW.proposals)
         IS DISTINCT FROM (OLD.version, OLD.expected_report_id, OLD.created_by, OLD.created_at, OLD.submitted_at,
          OLD.note, OLD.difficulties, OLD.proposals) THEN
    RAISE EXCEPTION 'submission % was submitted: only its status may change', OLD.id USING ERRCODE = 'check_violation';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END;
$$ LANGUAGE plpgsql;
