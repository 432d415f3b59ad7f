"""A police force's file of notifications, uploaded through the browser."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import render

from sightline.core import access
from sightline.frontdoor.csv_import import COLUMNS, MAX_BYTES, MAX_ROWS, police_notifications_load
from sightline.frontdoor.forms import CsvUploadForm
from sightline.organisations.models import AgencyKind


def upload(request):
    access.require(request.user, "frontdoor.submit_contact")
    if request.user.agency.kind != AgencyKind.POLICE:
        raise PermissionDenied("Only a police force uploads police notifications.")
    form = CsvUploadForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        upload_file = form.cleaned_data["file"]
        if upload_file.size > MAX_BYTES:
            form.add_error("file", f"{upload_file.name} is larger than {MAX_BYTES // (1024 * 1024)} MB: split it.")
        else:
            result = police_notifications_load(name=upload_file.name[:100], data=upload_file.read(),
                                               source_agency=request.user.agency, recorded_by=request.user)
    return render(request, "frontdoor/upload.html", {"form": form, "result": result, "columns": COLUMNS,
                                                     "max_rows": MAX_ROWS},
                  status=400 if form.errors else 200)
