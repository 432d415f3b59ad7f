"""An agency's checks: only those addressed to the user's own agency, and the answer page."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone

from sightline.core import access
from sightline.core.audit.services import access_record
from sightline.frontdoor import forms, selectors, services


def check_list(request):
    if not access.works_with_people(request.user):
        raise PermissionDenied("Only people who work with children answer agency checks.")
    now = timezone.now()
    waiting = [(c, selectors.time_left(c.due_at, now)) for c in selectors.checks_for_user(user=request.user)]
    answered = selectors.checks_for_user(user=request.user, answered=True).order_by("-answered_at")[:20]
    return render(request, "frontdoor/checks.html", {"waiting": waiting, "answered": answered})


def check_detail(request, check_id: int):
    check = selectors.check_get(user=request.user, check_id=check_id)
    if check is None:
        raise Http404("No such check, or it is not addressed to your agency.")
    subjects = [g for g in check.contact.given_people.filter(is_subject=True)]
    person_id = next((g.person_id for g in subjects if g.person_id), None)
    access_record(user=request.user, action="agency_check_view", person_id=person_id, record=check,
                  request=request)
    form = forms.CheckAnswerForm()
    if request.method == "POST":
        form = forms.CheckAnswerForm(request.POST)
        if form.is_valid():
            try:
                services.check_answer(check=check, user=request.user, **form.cleaned_data)
            except ValidationError as error:
                form.add_error(None, error.messages)
            else:
                messages.success(request, "Your answer has been sent to the front door.")
                return redirect("frontdoor:checks")
    return render(request, "frontdoor/check.html", {
        "check": check, "subjects": subjects, "form": form, "time_left": selectors.time_left(check.due_at),
        "may_answer": request.user.has_perm("frontdoor.answer_check", check)}, status=400 if form.errors else 200)
