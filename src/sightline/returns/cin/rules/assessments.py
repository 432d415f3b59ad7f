"""Rules about assessments and the factors identified at them."""

from sightline.returns.cin.rules import collect, latest_start_more_than
from sightline.returns.engine import Tables, rule


@rule(code="1103", severity="error", tables=["Assessments", "CINdetails"],
      fields=["AssessmentActualStartDate", "CINreferralDate"],
      message="The assessment starts before the episode's referral date.")
def assessment_before_referral(t: Tables):
    return t.sql("""select a.row_id from Assessments a join CINdetails c using (CINdetailsID)
                    where a.AssessmentActualStartDate < c.CINreferralDate""")


@rule(code="8608", severity="error", tables=["Assessments"],
      fields=["AssessmentActualStartDate", "AssessmentAuthorisationDate"],
      message="The assessment starts after it was authorised.")
def assessment_starts_after_end(t: Tables):
    return t.sql("select row_id from Assessments where AssessmentActualStartDate > AssessmentAuthorisationDate")


@rule(code="8614", severity="error", tables=["AssessmentFactorsList"], fields=["AssessmentFactor"],
      message="Factors are recorded for an assessment that has not been completed (no authorisation date).")
def factors_on_open_assessment(t: Tables):
    return t.sql("""select f.row_id from AssessmentFactorsList f join Assessments a using (AssessmentID)
                    where a.AssessmentAuthorisationDate is null""")


@rule(code="8670Q", severity="query", tables=["Assessments"],
      fields=["AssessmentActualStartDate", "AssessmentAuthorisationDate"],
      message="The assessment started more than 45 working days before the end of the collection year and has "
              "no authorisation date; check whether it was completed.")
def assessment_long_open(t: Tables):
    cutoff = t.date_literal(latest_start_more_than(45, t.end))
    return t.sql(f"""select row_id from Assessments
                     where AssessmentAuthorisationDate is null and AssessmentActualStartDate <= {cutoff}""")


@rule(code="8696", severity="error", tables=["Assessments"], fields=["AssessmentAuthorisationDate"],
      message="The assessment's authorisation date is outside the collection year.")
def assessment_end_outside_census(t: Tables):
    return t.sql("select row_id from Assessments where AssessmentAuthorisationDate not between $start and $end")


@rule(code="8736", severity="error", tables=["Assessments"],
      fields=["AssessmentActualStartDate", "AssessmentAuthorisationDate"],
      message="An assessment not yet completed must have started within the collection year.")
def open_assessment_started_outside_census(t: Tables):
    return t.sql("""select row_id from Assessments where AssessmentAuthorisationDate is null
                    and (AssessmentActualStartDate is null or AssessmentActualStartDate not between $start and $end)""")


@rule(code="8863Q", severity="query", tables=["Assessments"], fields=["AssessmentActualStartDate"],
      message="This assessment starts while another assessment of the same child is still going on.")
def assessment_starts_during_another(t: Tables):
    return t.sql("""select b.row_id from Assessments b where exists (
                        select 1 from Assessments a where a.LAchildID = b.LAchildID and a.row_id <> b.row_id
                        and a.AssessmentActualStartDate <= b.AssessmentActualStartDate
                        and b.AssessmentActualStartDate
                            < coalesce(a.AssessmentAuthorisationDate, date '9999-12-31'))""")


@rule(code="8867", severity="error", tables=["Assessments"], fields=["AssessmentAuthorisationDate"],
      message="The episode is closed but this assessment has no authorisation date.")
def open_assessment_on_closed_episode(t: Tables):
    return t.sql("""select a.row_id from Assessments a join CINdetails c using (CINdetailsID)
                    where c.CINclosureDate is not null and a.AssessmentAuthorisationDate is null""")


@rule(code="8869", severity="error", tables=["AssessmentFactorsList"], fields=["AssessmentFactor"],
      message="Factor 21 (no factors identified) is recorded with other factors on the same assessment.")
def no_factors_with_factors(t: Tables):
    return t.sql("""select row_id from AssessmentFactorsList window w as (partition by AssessmentID)
                    qualify bool_or(AssessmentFactor = '21') over w and bool_or(AssessmentFactor <> '21') over w""")


@rule(code="8896", severity="error", tables=["Assessments"], fields=["AssessmentAuthorisationDate"],
      message="The episode has more than one assessment without an authorisation date.")
def several_open_assessments(t: Tables):
    return t.sql("""select row_id from Assessments where AssessmentAuthorisationDate is null
                    qualify count(*) over (partition by CINdetailsID) > 1""")


@rule(code="8897Q", severity="query", tables=["Assessments"], fields=["AssessmentAuthorisationDate"],
      message="A completed assessment has no factors recorded; record them, or 21 if none were found.")
def completed_assessment_without_factors(t: Tables):
    return t.sql("""select a.row_id from Assessments a where a.AssessmentAuthorisationDate is not null
                    and not exists (select 1 from AssessmentFactorsList f where f.AssessmentID = a.AssessmentID)""")


@rule(code="8898", severity="error", tables=["AssessmentFactorsList"], fields=["AssessmentFactor"],
      message="The same factor is recorded more than once on the assessment.")
def factor_repeated(t: Tables):
    return t.sql("""select row_id from AssessmentFactorsList where AssessmentFactor is not null
                    qualify count(*) over (partition by AssessmentID, AssessmentFactor) > 1""")


@rule(code="8945Q", severity="query", tables=["AssessmentFactorsList"], fields=["AssessmentFactor"],
      message="Factor 18A is no longer used; record 18B or 18C.")
def factor_18a(t: Tables):
    return t.sql("select row_id from AssessmentFactorsList where upper(AssessmentFactor) = '18A'")


@rule(code="8950Q", severity="query", tables=["AssessmentFactorsList"], fields=["AssessmentFactor"],
      message="Factor 19A is no longer used; record 19B or 19C.")
def factor_19a(t: Tables):
    return t.sql("select row_id from AssessmentFactorsList where upper(AssessmentFactor) = '19A'")


RULES = collect(globals())
