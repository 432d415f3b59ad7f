import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.utils import timezone

from sightline.core.models import LegalBasis, Sensitivity
from sightline.frontdoor import services
from sightline.frontdoor.models import AgencyCheck
from sightline.frontdoor.selectors import check_answers_for_contact, check_get, checks_for_user


def test_check_is_due_before_the_contacts_deadline(health_check, matched_contact):
    # Unrated: the deadline is the end of the working day; the check falls due an hour before it.
    assert health_check.due_at == matched_contact.decision_due_at - dt.timedelta(hours=1)


def test_an_agency_is_asked_once_per_contact(health_check, matched_contact, mash_worker, health):
    with pytest.raises(ValidationError):
        services.check_request(contact=matched_contact, user=mash_worker, agency=health, question="Again?")


def test_health_user_answers_and_the_answer_is_owned_by_health(health_check, health_user, health, child):
    answer = services.check_answer(check=health_check, user=health_user, information="Known to health visiting.",
                                   sensitivity=Sensitivity.PARTNERSHIP, legal_basis=LegalBasis.CA2004_S11)
    health_check.refresh_from_db()
    assert health_check.answered_at is not None
    assert (answer.owning_agency, answer.person, answer.recorded_by) == (health, child, health_user)


def test_answer_needs_information(health_check, health_user):
    with pytest.raises(ValidationError):
        services.check_answer(check=health_check, user=health_user, information="  ",
                              sensitivity=Sensitivity.PARTNERSHIP, legal_basis=LegalBasis.CA2004_S11)


def test_school_user_cannot_see_or_answer_a_police_check(police_check, school_user):
    assert check_get(user=school_user, check_id=police_check.pk) is None
    assert police_check not in checks_for_user(user=school_user)
    with pytest.raises(PermissionDenied):
        services.check_answer(check=police_check, user=school_user, information="x",
                              sensitivity=Sensitivity.PARTNERSHIP, legal_basis=LegalBasis.CA2004_S11)


def test_police_user_sees_only_police_checks(police_check, health_check, police_user):
    assert list(checks_for_user(user=police_user)) == [police_check]


def test_mash_sees_agency_restricted_answers_only_if_its_own(health_check, health_user, mash_worker,
                                                             matched_contact):
    services.check_answer(check=health_check, user=health_user, information="Sensitive",
                          sensitivity=Sensitivity.RESTRICTED, legal_basis=LegalBasis.CA2004_S11)
    assert not check_answers_for_contact(user=mash_worker, contact=matched_contact).exists()


def test_overdue_checks_are_chased_and_answered_ones_are_not(police_check, health_check, health_user):
    services.check_answer(check=health_check, user=health_user, information="Nothing held.",
                          sensitivity=Sensitivity.PARTNERSHIP, legal_basis=LegalBasis.CA2004_S11)
    later = timezone.now() + dt.timedelta(hours=3)   # the police check was due in 2 hours
    assert services.checks_chase_overdue(now=later) == 1
    police_check.refresh_from_db()
    assert (police_check.times_chased, police_check.chased_at) == (1, later)
    assert police_check.history.count() == 2   # created, then chased


def test_chase_command_reports_the_count(police_check, capsys):
    AgencyCheck.objects.filter(pk=police_check.pk).update(due_at=timezone.now() - dt.timedelta(minutes=1),
                                                          requested_at=timezone.now() - dt.timedelta(hours=1))
    call_command("checks_chase_overdue")
    assert "Chased 1 overdue check." in capsys.readouterr().out
