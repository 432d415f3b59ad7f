from datetime import date

from tests.indicators.builders import figure, snapshot_dir


def _da(id, victim, route, on, repeat=False):
    return {"id": id, "victim_id": victim, "route": route, "referral_date": on, "is_repeat": repeat}


def test_domestic_abuse_referrals_and_repeat_victims_by_route(tmp_path):
    # IDVA: victim 1 twice (the second a repeat), victim 2 once -> 3 referrals, 2 victims, 1 repeat
    # victim = 50.0%. Hub: victim 3 once, a repeat of a referral before the period -> 1 of 1 = 100.0%.
    # In total: 3 victims, 2 with a repeat = 66.7%.
    snapshot_dir(tmp_path, da_referrals=[_da(1, 1, "idva", date(2020, 5, 1)), _da(2, 1, "idva", date(2020, 8, 1), True),
                                         _da(3, 2, "idva", date(2020, 6, 1)), _da(4, 3, "hub", date(2020, 7, 1), True)])
    assert figure(tmp_path, "da_referrals_by_route", breakdown="idva")["numerator"] == 3
    assert figure(tmp_path, "da_referrals_by_route")["numerator"] == 4
    assert figure(tmp_path, "da_repeat_victims_pct", breakdown="idva")["value"] == 50.0
    assert figure(tmp_path, "da_repeat_victims_pct", breakdown="hub")["value"] == 100.0
    assert figure(tmp_path, "da_repeat_victims_pct")["value"] == 66.7


def test_domestic_abuse_incidents_split_into_crime_and_non_crime(tmp_path):
    snapshot_dir(tmp_path, da_incidents=[{"id": 1, "occurred_on": date(2020, 5, 1), "is_crime": True},
                                         {"id": 2, "occurred_on": date(2020, 5, 2), "is_crime": False},
                                         {"id": 3, "occurred_on": date(2020, 5, 3), "is_crime": True}])
    assert figure(tmp_path, "da_incidents", breakdown="crime")["numerator"] == 2
    assert figure(tmp_path, "da_incidents", breakdown="non_crime")["numerator"] == 1


def test_mace_cohort_at_the_end_of_the_period_by_risk(tmp_path):
    # MACE panel 1, MARAC panel 2. Open at 31 March 2021: children 1 (high) and 2 (medium) at MACE.
    # Child 3's MACE case closed on 31 March; child 4 is at MARAC.
    snapshot_dir(tmp_path, panels=[{"id": 1, "kind": "mace"}, {"id": 2, "kind": "marac"}], panel_cases=[
        {"id": 1, "panel_id": 1, "child_id": 1, "referral_date": date(2020, 5, 1), "risk_level": "high"},
        {"id": 2, "panel_id": 1, "child_id": 2, "referral_date": date(2019, 5, 1), "risk_level": "medium"},
        {"id": 3, "panel_id": 1, "child_id": 3, "referral_date": date(2020, 5, 1), "risk_level": "high",
         "closed_date": date(2021, 3, 31)},
        {"id": 4, "panel_id": 2, "child_id": 4, "referral_date": date(2020, 5, 1)}])
    assert figure(tmp_path, "mace_cohort_by_risk")["numerator"] == 2
    assert figure(tmp_path, "mace_cohort_by_risk", breakdown="high")["numerator"] == 1


def test_training_attendance_feedback_and_confidence(tmp_path):
    # Session in the period: police booked 2 places, 1 attended (feedback 5, confidence 2 -> 4);
    # school booked 1 and attended (feedback 3, confidence 3 -> 3). Attendance 2 of 3 = 66.7%;
    # police 50.0%. Good or better: 1 of 2 = 50.0%. More confident: 1 of 2 = 50.0%.
    snapshot_dir(tmp_path, agencies=[{"id": 1, "code": "police"}, {"id": 2, "code": "school"}],
                 training_sessions=[{"id": 1, "course_id": 1, "date": date(2020, 10, 1)}],
                 training_attendance=[
                     {"session_id": 1, "agency_id": 1, "attended": True, "feedback_score": 5, "confidence_before": 2,
                      "confidence_after": 4},
                     {"session_id": 1, "agency_id": 1, "attended": False},
                     {"session_id": 1, "agency_id": 2, "attended": True, "feedback_score": 3, "confidence_before": 3,
                      "confidence_after": 3}])
    assert figure(tmp_path, "training_attendance_pct")["value"] == 66.7
    assert figure(tmp_path, "training_attendance_pct", breakdown="police")["value"] == 50.0
    assert figure(tmp_path, "training_feedback_good_pct")["value"] == 50.0
    assert figure(tmp_path, "training_confidence_raised_pct")["value"] == 50.0


def test_case_review_timeliness(tmp_path):
    # Published in 2020-21: review 1 on its due date (in time), review 2 a day late. Review 3, decided
    # 2020, due 1 Jan 2021, unpublished at 31 March 2021: overdue. Review 4 due after 31 March: not.
    published = {"decision_date": date(2020, 1, 10), "due_date": date(2020, 7, 10)}
    snapshot_dir(tmp_path, case_reviews=[
        {"id": 1, "published_date": date(2020, 7, 10), **published},
        {"id": 2, "published_date": date(2020, 7, 11), **published},
        {"id": 3, "decision_date": date(2020, 7, 1), "due_date": date(2021, 1, 1)},
        {"id": 4, "decision_date": date(2021, 1, 4), "due_date": date(2021, 7, 4)}],
        rapid_reviews=[{"id": 1, "started_date": date(2020, 6, 1), "due_date": date(2020, 6, 19),
                        "completed_date": date(2020, 6, 22)}],
        serious_incidents=[{"id": 1, "la_aware_date": date(2020, 6, 1), "notification_due": date(2020, 6, 8),
                            "notified_date": date(2020, 6, 5)}])
    assert figure(tmp_path, "case_reviews_published_in_time")["value"] == 50.0
    assert figure(tmp_path, "case_reviews_overdue")["numerator"] == 1
    assert figure(tmp_path, "rapid_reviews_in_time")["value"] == 0.0
    assert figure(tmp_path, "serious_incidents_notified_in_time")["value"] == 100.0
