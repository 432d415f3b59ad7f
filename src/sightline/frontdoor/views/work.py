"""The MASH's pages: the queue, a contact, and the actions on it (link people, rate, ask, decide)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Window
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from sightline.core import access
from sightline.core.audit.services import access_record
from sightline.frontdoor import forms, selectors, services
from sightline.frontdoor.history import child_history
from sightline.frontdoor.services import encompass
from sightline.frontdoor.models import GivenPerson, Rating
from sightline.organisations.models import Team, TeamKind
from sightline.people.selectors import person_get

# The most urgent contacts shown at once; the filters narrow the rest.
QUEUE_SHOWN = 50


def _contact_or_404(request, contact_id: int):
    contact = selectors.contact_get(user=request.user, contact_id=contact_id)
    if contact is None:
        # Not found and not allowed look the same.
        raise Http404("No such contact, or you may not see it.")
    return contact


def _subject_id(contact):
    link = contact.people.filter(is_subject=True).first()
    return link.person_id if link else None


def queue(request):
    access.require(request.user, "frontdoor.work_front_door")
    team_id = request.GET.get("team", "")
    rating = request.GET.get("rating", "")
    contacts = selectors.contact_queue(user=request.user, team_id=int(team_id) if team_id.isdigit() else None,
                                       rating=rating)
    now = timezone.now()
    # The number waiting comes with the most urgent rows (a window over the whole queue), not in a second query.
    shown = list(contacts.annotate(waiting=Window(Count("pk")))[:QUEUE_SHOWN])
    rows = [selectors.QueueRow.of(c, now, reverse("frontdoor:contact", args=[c.pk])) for c in shown]
    access_record(user=request.user, action="contact_queue_view", request=request,
                  reason=f"team={team_id} rating={rating}")
    waiting = shown[0].waiting if shown else 0
    context = {"rows": rows, "waiting": waiting, "now": now, "team": team_id, "rating": rating,
               "ratings": Rating.choices,
               "teams": Team.objects.filter(kind=TeamKind.MASH, agency_id=request.user.agency_id)}
    template = "frontdoor/_queue_rows.html" if request.htmx else "frontdoor/queue.html"
    return render(request, template, context)


def contact_detail(request, contact_id: int, decision_form=None, check_form=None):
    contact = _contact_or_404(request, contact_id)
    access_record(user=request.user, action="contact_view", person_id=_subject_id(contact), record=contact,
                  request=request)
    given = [(g, [] if g.person_id else selectors.match_suggestions(user=request.user, given=g))
             for g in contact.given_people.select_related("person")]
    decision = getattr(contact, "decision", None)
    descriptors = selectors.current_descriptors()
    if decision_form is None:
        initial = {"descriptor": decision.descriptor_id, "outcome": decision.outcome,
                   "early_help_provider": decision.early_help_provider,
                   "early_help_agency": decision.early_help_agency_id,
                   "rationale": decision.rationale} if decision else None
        decision_form = forms.DecisionForm(initial=initial, descriptors=descriptors)
    now = timezone.now()
    return render(request, "frontdoor/contact.html", {
        "contact": contact, "given": given, "decision": decision, "decision_form": decision_form,
        "check_form": check_form or forms.CheckRequestForm(),
        "checks": [(c, selectors.time_left(c.due_at, now)) for c in contact.checks.select_related("agency")],
        "answers": selectors.check_answers_for_contact(user=request.user, contact=contact),
        "histories": child_history(user=request.user, contact=contact),
        "statutory_left": selectors.time_left(contact.decision_due_at, now),
        "target_left": selectors.time_left(contact.target_due_at, now) if contact.target_due_at else None,
        "ratings": Rating.choices, "teams": Team.objects.filter(kind=TeamKind.MASH,
                                                                agency_id=request.user.agency_id),
        "is_manager": request.user.has_perm("frontdoor.manage_front_door"),
        "unmatched": any(g.person_id is None for g, _ in given),
        "encompass": _encompass(contact),
    })


def _encompass(contact) -> dict | None:
    if not encompass.applies(contact):
        return None
    incident = encompass.police_incident(contact)
    return {"incident": incident, "notices": list(incident.encompass_notifications.select_related("school", "child"))
            if incident else []}


def _given_or_404(request, contact_id: int, given_id: int) -> GivenPerson:
    contact = _contact_or_404(request, contact_id)
    return get_object_or_404(GivenPerson, pk=given_id, contact=contact)


@require_POST
def given_link(request, contact_id: int, given_id: int):
    given = _given_or_404(request, contact_id, given_id)
    person = person_get(user=request.user, person_id=int(request.POST.get("person", 0) or 0))
    if person is None:
        raise Http404("No such person, or you may not see them.")
    services.given_person_link(given=given, person=person, user=request.user)
    messages.success(request, f"{given} is linked to the existing record of {person}.")
    return redirect("frontdoor:contact", contact_id=contact_id)


@require_POST
def given_create(request, contact_id: int, given_id: int):
    given = _given_or_404(request, contact_id, given_id)
    try:
        services.given_person_create(given=given, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"A new record was created for {given}.")
    return redirect("frontdoor:contact", contact_id=contact_id)


@require_POST
def rate(request, contact_id: int):
    contact = _contact_or_404(request, contact_id)
    form = forms.RateForm(request.POST)
    if form.is_valid():
        team = Team.objects.filter(pk=form.cleaned_data["team"], kind=TeamKind.MASH,
                                   agency_id=request.user.agency_id).first() if form.cleaned_data["team"] else None
        services.contact_rate(contact=contact, manager=request.user, rating=form.cleaned_data["rating"], team=team)
        messages.success(request, f"Rated {contact.get_rating_display().lower()}.")
    return redirect("frontdoor:contact", contact_id=contact_id)


@require_POST
def check_request(request, contact_id: int):
    contact = _contact_or_404(request, contact_id)
    form = forms.CheckRequestForm(request.POST)
    if form.is_valid():
        try:
            services.check_request(contact=contact, user=request.user, agency=form.cleaned_data["agency"],
                                   question=form.cleaned_data["question"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"{form.cleaned_data['agency']} has been asked.")
            return redirect("frontdoor:contact", contact_id=contact_id)
    return contact_view_with_errors(request, contact_id, check_form=form)


@require_POST
def decide(request, contact_id: int):
    contact = _contact_or_404(request, contact_id)
    form = forms.DecisionForm(request.POST, descriptors=selectors.current_descriptors())
    if form.is_valid():
        data = form.cleaned_data
        try:
            decision = services.decision_propose(
                contact=contact, user=request.user, descriptor=data["descriptor"], outcome=data["outcome"],
                rationale=data["rationale"], early_help_provider=data["early_help_provider"],
                early_help_agency=data["early_help_agency"])
            if request.POST.get("sign_off") and request.user.has_perm("frontdoor.manage_front_door"):
                services.decision_sign_off(decision=decision, manager=request.user)
                messages.success(request, f"Decision signed off: {decision.get_outcome_display().lower()}.")
            else:
                messages.success(request, "Decision proposed; a manager must sign it off.")
        except ValidationError as error:
            _add_errors(form, error)
        else:
            return redirect("frontdoor:contact", contact_id=contact_id)
    return contact_view_with_errors(request, contact_id, decision_form=form)


@require_POST
def sign_off(request, contact_id: int):
    contact = _contact_or_404(request, contact_id)
    decision = getattr(contact, "decision", None)
    if decision is None:
        raise Http404("There is no proposed decision to sign off.")
    try:
        services.decision_sign_off(decision=decision, manager=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"Decision signed off: {decision.get_outcome_display().lower()}.")
    return redirect("frontdoor:contact", contact_id=contact_id)


def _add_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)


def contact_view_with_errors(request, contact_id: int, **forms_with_errors):
    response = contact_detail(request, contact_id, **forms_with_errors)
    response.status_code = 400
    return response
