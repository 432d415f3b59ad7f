"""Telling the front door of a concern: one question a page, then check your answers (GOV.UK pattern).

Answers are kept in the session until the sender confirms; nothing is recorded before that.
"""

import datetime as dt

from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render

from sightline.core import access
from sightline.frontdoor import forms, selectors, services
from sightline.frontdoor.models import Concern
from sightline.organisations.models import Agency

SESSION_KEY = "frontdoor_submission"
STEPS = {
    "child": (forms.ChildForm, "Who is the child?"),
    "address": (forms.AddressForm, "Where does the child live?"),
    "school": (forms.SchoolForm, "Which school does the child go to?"),
    "concerns": (forms.ConcernsForm, "What are you worried about?"),
    "details": (forms.DetailsForm, "What has happened?"),
}
ORDER = list(STEPS)


def _answers(request) -> dict:
    return request.session.get(SESSION_KEY, {})


def start(request):
    access.require(request.user, "frontdoor.submit_contact")
    request.session[SESSION_KEY] = {}
    return redirect("frontdoor:submit_step", step=ORDER[0])


def step(request, step: str):
    access.require(request.user, "frontdoor.submit_contact")
    if step not in STEPS:
        raise Http404("No such question.")
    form_class, question = STEPS[step]
    answers = _answers(request)
    if request.method == "POST":
        form = form_class(request.POST)
        if form.is_valid():
            data = {k: v for k, v in form.cleaned_data.items() if not k.startswith("dob_")}
            if step == "child":
                data.update({k: request.POST.get(k, "") for k in ("dob_day", "dob_month", "dob_year")})
            if step == "school":
                data["school"] = data["school"].pk if data["school"] else None
            answers[step] = data
            request.session[SESSION_KEY] = answers
            if request.GET.get("change") or step == ORDER[-1]:
                return redirect("frontdoor:submit_check")
            return redirect("frontdoor:submit_step", step=ORDER[ORDER.index(step) + 1])
    else:
        form = form_class(initial=answers.get(step))
    back = ORDER[ORDER.index(step) - 1] if ORDER.index(step) else None
    return render(request, f"frontdoor/submit/{step}.html", {"form": form, "question": question, "back": back})


def _summary(answers: dict) -> dict:
    child = answers.get("child", {})
    school_id = answers.get("school", {}).get("school")
    born = child.get("date_of_birth")
    return {
        "name": f"{child.get('forename', '')} {child.get('surname', '')}".strip(),
        "date_of_birth": dt.date.fromisoformat(born) if born else None,
        "address": ", ".join(p for p in (answers.get("address", {}).get("address"),
                                         answers.get("address", {}).get("postcode")) if p),
        "school": Agency.objects.filter(pk=school_id).first() if school_id else None,
        "concerns": [Concern(c).label for c in answers.get("concerns", {}).get("concerns", [])],
        "summary": answers.get("details", {}).get("summary", ""),
        "sender_reference": answers.get("details", {}).get("sender_reference", ""),
    }


def check(request):
    access.require(request.user, "frontdoor.submit_contact")
    answers = _answers(request)
    missing = [s for s in ORDER if s not in answers]
    if missing:
        return redirect("frontdoor:submit_step", step=missing[0])
    summary = _summary(answers)
    if request.method == "POST":
        child = answers["child"]
        details = services.GivenDetails(
            forename=child["forename"], surname=child["surname"], date_of_birth=summary["date_of_birth"],
            address=answers["address"].get("address", ""), postcode=answers["address"].get("postcode", ""),
            school_urn=summary["school"].urn if summary["school"] else "")
        try:
            contact, _ = services.contact_record(
                source_agency=request.user.agency, recorded_by=request.user, summary=summary["summary"],
                concerns=answers["concerns"]["concerns"], people=[details],
                sender_reference=summary["sender_reference"])
        except ValidationError as error:
            return render(request, "frontdoor/submit/check.html", {"answers": summary, "errors": error.messages})
        del request.session[SESSION_KEY]
        return redirect("frontdoor:submitted", contact_id=contact.pk)
    return render(request, "frontdoor/submit/check.html", {"answers": summary})


def submitted(request, contact_id: int):
    contact = selectors.contact_submitted_get(user=request.user, contact_id=contact_id)
    if contact is None:
        raise Http404("No such contact.")
    return render(request, "frontdoor/submit/submitted.html", {"contact": contact})
