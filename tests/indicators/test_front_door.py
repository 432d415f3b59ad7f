from datetime import date

from sightline.indicators.periods import between, month
from tests.indicators.builders import figure, snapshot_dir


def _contact(id, received, decided=None):
    return {"id": id, "received_on": received, "decided_on": decided}


def test_contacts_by_month(tmp_path):
    snapshot_dir(tmp_path, contacts=[_contact(1, date(2020, 4, 1)), _contact(2, date(2020, 4, 30)),
                                     _contact(3, date(2020, 5, 1))])
    assert figure(tmp_path, "contacts_per_month")["numerator"] == 3
    assert figure(tmp_path, "contacts_per_month", breakdown="2020-04")["numerator"] == 2
    assert figure(tmp_path, "contacts_per_month", periods=[month(2020, 5)])["numerator"] == 1


def test_decision_within_one_working_day_over_a_weekend_and_a_bank_holiday(tmp_path):
    # Fri 28 Aug 2020 (day 0); Mon 31 Aug is the summer bank holiday; Tue 1 Sep is day 1: in time.
    # Fri 28 Aug decided Wed 2 Sep: day 2, late. Sat 29 Aug counts from Tue 1 Sep (day 0), so
    # Wed 2 Sep is day 1: in time. An undecided contact is left out. 2 of 3 = 66.7%.
    snapshot_dir(tmp_path, contacts=[_contact(1, date(2020, 8, 28), date(2020, 9, 1)),
                                     _contact(2, date(2020, 8, 28), date(2020, 9, 2)),
                                     _contact(3, date(2020, 8, 29), date(2020, 9, 2)),
                                     _contact(4, date(2020, 8, 28))])
    result = figure(tmp_path, "contact_decision_within_1wd", periods=[between(date(2020, 8, 1), date(2020, 8, 31))])
    assert (result["numerator"], result["denominator"], result["value"]) == (2, 3, 66.7)


def test_share_of_contacts_about_neglect(tmp_path):
    # 4 contacts, neglect in 1 (with domestic abuse too) and domestic abuse alone in another.
    snapshot_dir(tmp_path, contacts=[_contact(i, date(2020, 6, i)) for i in range(1, 5)],
                 contact_concerns=[{"contact_id": 1, "concern": "neglect"},
                                   {"contact_id": 1, "concern": "domestic_abuse"},
                                   {"contact_id": 2, "concern": "domestic_abuse"}])
    assert figure(tmp_path, "contacts_neglect_pct")["value"] == 25.0
    assert figure(tmp_path, "contacts_domestic_abuse_pct")["value"] == 50.0


def test_early_help_open_at_the_end_and_lead_agencies(tmp_path):
    # Open at 31 March 2021: episodes 1 (school lead) and 2 (health lead) of children 1 and 2,
    # episode 3 of child 1 again (school). Episode 4 ended that day. Children open: 2; population
    # 1,000: 2 / 1,000 x 10,000 = 20.0. By lead agency (episodes): school 2, health 1.
    snapshot_dir(tmp_path, agencies=[{"id": 1, "code": "school"}, {"id": 2, "code": "health"}],
                 early_help=[{"id": 1, "child_id": 1, "start_date": date(2020, 5, 1), "lead_agency_id": 1},
                             {"id": 2, "child_id": 2, "start_date": date(2020, 5, 1), "lead_agency_id": 2},
                             {"id": 3, "child_id": 1, "start_date": date(2020, 7, 1), "lead_agency_id": 1},
                             {"id": 4, "child_id": 3, "start_date": date(2020, 5, 1),
                              "end_date": date(2021, 3, 31), "lead_agency_id": 2}])
    assert figure(tmp_path, "early_help_open_per_10k", population=[1_000])["value"] == 20.0
    assert figure(tmp_path, "early_help_lead_by_agency", breakdown="school")["numerator"] == 2
    assert figure(tmp_path, "early_help_lead_by_agency", breakdown="health")["numerator"] == 1


def test_family_attendance_at_conferences(tmp_path):
    # Conference 1: child invited and attended, mother invited and attended, father invited, absent.
    # Conference 2: child not invited, mother invited and absent. Family: 2 of 4 invited = 50.0%;
    # child 1/1 = 100.0%; mother 1/2 = 50.0%; father 0/1 = 0.0%.
    attendance = [("child", 1, True, True), ("mother", 1, True, True), ("father", 1, True, False),
                  ("child", 2, False, False), ("mother", 2, True, False)]
    snapshot_dir(tmp_path, conferences=[{"id": 1, "kind": "initial", "date": date(2020, 6, 1)},
                                        {"id": 2, "kind": "review", "date": date(2020, 9, 1)}],
                 conference_attendance=[{"conference_id": c, "attendee": who, "invited": i, "attended": a}
                                        for who, c, i, a in attendance])
    assert figure(tmp_path, "conference_family_attendance")["value"] == 50.0
    assert figure(tmp_path, "conference_family_attendance", breakdown="child")["value"] == 100.0
    assert figure(tmp_path, "conference_family_attendance", breakdown="mother")["value"] == 50.0
    assert figure(tmp_path, "conference_family_attendance", breakdown="father")["value"] == 0.0


def test_contacts_by_rating_keep_unrated_apart_from_the_total(tmp_path):
    # Red, red, green and one not yet rated: the total is 4, the unrated one is "not recorded".
    snapshot_dir(tmp_path, contacts=[{"id": i, "received_on": date(2020, 6, i), "rating": r}
                                     for i, r in ((1, "red"), (2, "red"), (3, "green"), (4, ""))])
    assert figure(tmp_path, "contacts_by_rating")["numerator"] == 4
    assert figure(tmp_path, "contacts_by_rating", breakdown="red")["numerator"] == 2
    assert figure(tmp_path, "contacts_by_rating", breakdown="not recorded")["numerator"] == 1


def test_contacts_passed_to_early_help_by_provider_and_level_of_need(tmp_path):
    # Decided: 1 early help (council, level 2), 2 early help (school, level 3), 3 assessment (level 4);
    # 4 undecided. Early help 2 of 3 decided = 66.7%; council 1 of 3 = 33.3%.
    snapshot_dir(tmp_path, contacts=[{"id": i, "received_on": date(2020, 6, i)} for i in range(1, 5)],
                 need_descriptors=[{"id": 2, "level": 2}, {"id": 3, "level": 3}, {"id": 4, "level": 4}],
                 decisions=[{"contact_id": 1, "descriptor_id": 2, "outcome": "early_help",
                             "early_help_provider": "council"},
                            {"contact_id": 2, "descriptor_id": 3, "outcome": "early_help",
                             "early_help_provider": "school"},
                            {"contact_id": 3, "descriptor_id": 4, "outcome": "assessment", "early_help_provider": ""}])
    assert figure(tmp_path, "contacts_to_early_help_pct")["value"] == 66.7
    assert figure(tmp_path, "contacts_to_early_help_pct", breakdown="council")["value"] == 33.3
    assert figure(tmp_path, "contacts_by_level_of_need", breakdown="3")["numerator"] == 1
    assert figure(tmp_path, "contacts_by_level_of_need")["numerator"] == 3


def test_early_help_take_up_and_open_cases_about_neglect(tmp_path):
    # Contacts 1 and 2 passed to early help; only contact 1's decision opened an episode (10), which
    # is still open at 31 March 2021; contact 1 was about neglect. Take-up 1 of 2 = 50.0%.
    # Episode 11 is open but came from no decision: not counted as neglect.
    snapshot_dir(tmp_path, contacts=[{"id": i, "received_on": date(2020, 6, i)} for i in (1, 2)],
                 contact_concerns=[{"contact_id": 1, "concern": "neglect"}],
                 decisions=[{"id": 7, "contact_id": 1, "outcome": "early_help"},
                            {"id": 8, "contact_id": 2, "outcome": "early_help"}],
                 decision_early_help=[{"decision_id": 7, "early_help_id": 10}],
                 early_help=[{"id": 10, "child_id": 1, "start_date": date(2020, 6, 8)},
                             {"id": 11, "child_id": 2, "start_date": date(2020, 6, 8)}])
    assert figure(tmp_path, "early_help_conversion_pct")["value"] == 50.0
    assert figure(tmp_path, "early_help_neglect_open")["numerator"] == 1
