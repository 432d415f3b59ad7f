"""Writing the Annex A workbook from the record, and reading it back."""

import datetime as dt

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from sightline.care.models import CareLeaver, LookedAfterEpisode, LookedAfterReview, MissingEpisode
from sightline.casework.models import Assessment, ChildProtectionPlan, EarlyHelpEpisode, Section47
from sightline.frontdoor.models import Contact, ContactPerson
from sightline.returns.annexa.lists import annex_a_lists
from sightline.returns.annexa.read import read_annex_a
from sightline.returns.annexa.write import write_annex_a
from tests.factories import PersonFactory, ReferralFactory

START, END = dt.date(2025, 4, 1), dt.date(2026, 3, 31)


@pytest.fixture
def record(childrens_trust):
    amy = PersonFactory(la_child_id="C1", sex="F", ethnicity="WBRI", date_of_birth=dt.date(2012, 6, 15))
    # A hostile identifier from a feed: a spreadsheet would run it as a formula.
    eve = PersonFactory(la_child_id="=cmd|' /C calc'!A0", sex="M", ethnicity="MWBC", date_of_birth=dt.date(2023, 3, 2))
    owner = {"owning_agency": childrens_trust}
    contact = Contact.objects.create(received_at=timezone.make_aware(dt.datetime(2025, 10, 1, 23, 30)),
                                     referral_source="6", summary="Police notification", **owner)
    ContactPerson.objects.create(contact=contact, person=amy)
    EarlyHelpEpisode.objects.create(person=eve, start_date=dt.date(2025, 5, 1), lead_agency=childrens_trust, **owner)
    earlier = ReferralFactory(person=amy, owning_agency=childrens_trust, referral_date=dt.date(2025, 4, 10),
                              closure_date=dt.date(2025, 5, 1), reason_for_closure="RC8")
    referral = ReferralFactory(person=amy, owning_agency=childrens_trust, referral_date=dt.date(2025, 9, 1),
                               referral_source="6")
    Assessment.objects.create(referral=referral, start_date=dt.date(2025, 9, 2),
                              authorisation_date=dt.date(2025, 10, 20), **owner)
    Section47.objects.create(referral=referral, start_date=dt.date(2025, 9, 5), icpc_date=dt.date(2025, 9, 25),
                             **owner)
    ChildProtectionPlan.objects.create(referral=referral, person=amy, start_date=dt.date(2025, 9, 25),
                                       initial_category="NEG", latest_category="NEG", **owner)
    LookedAfterEpisode.objects.create(person=amy, start_date=dt.date(2025, 12, 1), reason_new_episode="S",
                                      legal_status="C1", category_of_need="N1", placement_type="U3",
                                      placement_provider="PR1", **owner)
    LookedAfterReview.objects.create(person=amy, date=dt.date(2026, 1, 5), participation="PN1", **owner)
    MissingEpisode.objects.create(person=amy, kind="M", start_date=dt.date(2026, 2, 1), end_date=dt.date(2026, 2, 2),
                                  return_interview_offered=True, return_interview_accepted=False, **owner)
    leaver = PersonFactory(la_child_id="C4", sex="M", ethnicity="WOTH", date_of_birth=dt.date(2006, 8, 20))
    CareLeaver.objects.create(person=leaver, year_ending=END, in_touch="YES", activity="F2", accommodation="U1",
                              **owner)
    return earlier


def test_lists_are_drawn_from_the_record(record):
    lists = annex_a_lists(start=START, end=END)
    assert sorted(lists) == list(range(1, 12))
    contact = lists[1].row(0, named=True)
    # 23:30 BST on 1 October is still 1 October in London.
    assert (contact["Child Unique ID"], contact["Gender"], contact["Ethnicity"], contact["Age of Child (Years)"],
            contact["Date of Contact"], contact["Contact Source"]) == (
        "C1", "b) Female", "a) WBRI", 13, dt.date(2025, 10, 1), "q) 6: Police")
    # Two referrals in the 12 months to 31 March 2026 (10/04/2025 and 01/09/2025), so each row counts 2.
    assert lists[3].select("Date of referral", "Number of Referrals in Last 12 Months", "Referral NFA?").rows() == [
        (dt.date(2025, 4, 10), 2, "b) No"), (dt.date(2025, 9, 1), 2, "b) No")]
    assert lists[5].select("Number of Section 47 Enquiries in the last 12 months",
                           "Number of ICPCs in the last 12 months").rows() == [(1, 1)]
    assert lists[6].select("CIN Start Date", "Case Status").rows() == [(dt.date(2025, 4, 10), "Closed"),
                                                                       (dt.date(2025, 9, 1), "Open")]
    cared = lists[8].row(0, named=True)
    assert (cared["Date Started to be Looked After"], cared["Child's Legal Status"], cared["Placement Type"],
            cared["Date of Latest Statutory Review"], cared["Number of Episodes 'Missing' in last 12 months"],
            cared["Was the child offered a Return Interview after their last missing episode (Y/N)?"],
            cared["Date Ceased to be Looked After"]) == (
        dt.date(2025, 12, 1), "C1", "U3", dt.date(2026, 1, 5), 1, "a) Yes", None)
    assert lists[9].select("Child Unique ID", "LA in Touch", "Activity Status").rows() == [("C4", "YES", "F2")]
    assert lists[10].height == 0 and lists[11].height == 0


def test_workbook_has_a_sheet_per_list_real_dates_and_no_formulas(record, tmp_path):
    path = write_annex_a(annex_a_lists(start=START, end=END), tmp_path / "annex_a.xlsx")
    book = load_workbook(path)
    assert book.sheetnames == [f"List {n}" for n in range(1, 12)]
    contacts = book["List 1"]
    assert [c.value for c in contacts[1]] == ["Child Unique ID", "Gender", "Ethnicity", "Date of Birth",
                                              "Age of Child (Years)", "Date of Contact", "Contact Source"]
    born = contacts["D2"]
    assert born.value == dt.datetime(2012, 6, 15) and born.number_format == "dd/mm/yyyy"
    early_help = book["List 2"]
    assert early_help["A2"].value == "'=cmd|' /C calc'!A0" and early_help["A2"].data_type == "s"


def test_written_workbook_reads_back_to_the_same_lists(record, tmp_path):
    lists = annex_a_lists(start=START, end=END)
    back = read_annex_a(write_annex_a(lists, tmp_path / "annex_a.xlsx"))
    assert back.problems == []
    for number in (1, 3, 7, 8, 9):
        assert back.lists[number].drop("row_id", "line").equals(lists[number]), number
