-- A submitted report is frozen: its values and its version can never change or disappear, whatever
-- the application does. Corrections are new versions. (Status changes go on; they are audited in
-- submission_transition.)
CREATE FUNCTION ecd_refuse_frozen_values() RETURNS trigger AS $$
DECLARE
  frozen boolean;
BEGIN
  SELECT status <> 'DRAFT' INTO frozen FROM submission
   WHERE id = CASE WHEN TG_OP = 'DELETE' THEN OLD.submission_id ELSE NEW.submission_id END;
  IF frozen THEN
    RAISE EXCEPTION 'submission % is frozen: its values cannot change', CASE WHEN TG_OP = 'DELETE' THEN OLD.submission_id ELSE NEW.submission_id END
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER submission_value_frozen
  BEFORE INSERT OR UPDATE OR DELETE ON submission_value
  FOR EACH ROW EXECUTE FUNCTION ecd_refuse_frozen_values();

CREATE FUNCTION ecd_refuse_rewriting_submissions() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' AND OLD.status <> 'DRAFT' THEN
    RAISE EXCEPTION 'submission % was submitted and cannot be deleted', OLD.id USING ERRCODE = 'check_violation';
  END IF;
  IF TG_OP = 'UPDATE' AND OLD.status <> 'DRAFT'
     AND (NEW.version, NEW.expected_report_id, NEW.created_by, NEW.created_at, NEW.submitted_at)
         IS DISTINCT FROM (OLD.version, OLD.expected_report_id, OLD.created_by, OLD.created_at, OLD.submitted_at) THEN
    RAISE EXCEPTION 'submission % was submitted: only its status may change', OLD.id USING ERRCODE = 'check_violation';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER submission_frozen
  BEFORE UPDATE OR DELETE ON submission
  FOR EACH ROW EXECUTE FUNCTION ecd_refuse_rewriting_submissions();
