"""A school's Operation Encompass notices and the designated safeguarding lead's acknowledgement."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone

from sightline.core import access
from sightline.core.audit.services import access_record
from sightline.frontdoor import selectors
from sightline.organisations.models import AgencyKind
from sightline.panels.selectors import encompass_notifications_for_school
from sightline.panels.services.domestic_abuse import encompass_notification_acknowledge


def _school_user(request):
    user = request.user
    if not (access.works_with_people(user) and user.agency.kind == AgencyKind.SCHOOL):
        raise PermissionDenied("Operation Encompass notices are for schools.")


def notice_list(request):
    _school_user(request)
    now = timezone.now()
    notices = encompass_notifications_for_school(user=request.user).select_related("child", "incident")
    return render(request, "frontdoor/encompass_list.html", {
        "rows": [(n, selectors.time_left(n.due_at, now)) for n in notices]})


def notice_detail(request, notice_id: int):
    _school_user(request)
    notice = encompass_notifications_for_school(user=request.user).select_related("child", "incident").filter(
        pk=notice_id).first()
    if notice is None:
        raise Http404("No such notice for your school.")
    access_record(user=request.user, action="encompass_notice_view", person_id=notice.child_id, record=notice,
                  request=request)
    if request.method == "POST" and notice.acknowledged_at is None:
        try:
            encompass_notification_acknowledge(notification=notice, user=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, "Acknowledged. The police and the front door can see that you have it.")
        return redirect("frontdoor:encompass_notice", notice_id=notice.pk)
    return render(request, "frontdoor/encompass_notice.html", {
        "notice": notice, "time_left": selectors.time_left(notice.due_at)})
