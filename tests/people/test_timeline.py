import datetime as dt

from sightline.people.timeline import person_timeline
from tests.factories import ReferralFactory


def test_timeline_names_the_agency_that_recorded_each_event_oldest_first(social_worker, child, childrens_trust,
                                                                           police):
    ReferralFactory(person=child, owning_agency=childrens_trust, referral_date=dt.date(2021, 4, 6))
    ReferralFactory(person=child, owning_agency=police, sensitivity="partnership", referral_date=dt.date(2020, 1, 10))
    events = person_timeline(user=social_worker, person=child)
    assert [(e.date, e.kind, e.agency) for e in events] == [
        (dt.date(2020, 1, 10), "Referral", "South Yorkshire Police"),
        (dt.date(2021, 4, 6), "Referral", "Children's Trust"),
    ]


def test_timeline_of_a_child_with_no_records_is_empty(social_worker, child):
    assert person_timeline(user=social_worker, person=child) == []
