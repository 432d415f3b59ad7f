"""The page where analysts and the business unit upload a return and read its validation report."""

import tempfile
from pathlib import Path

from django.http import HttpResponse
from django.shortcuts import render

from sightline.core import access
from sightline.core.audit.services import access_record
from sightline.returns.forms import ValidateForm
from sightline.returns.formats import UnknownFormat
from sightline.returns.validation import validate_file

SHOWN_ON_PAGE = 500
_DOWNLOAD = {"csv": ("text/csv", "write_csv"),
             "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "write_xlsx")}


def validate(request):
    access.require(request.user, "returns.validate_return")
    form = ValidateForm(request.POST or None, request.FILES or None)
    context = {"form": form}
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        name = Path(upload.name).name
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / name
            with open(path, "wb") as f:
                for chunk in upload.chunks():
                    f.write(chunk)
            try:
                _, report = validate_file(path, year=form.cleaned_data["year"] or None, name=name)
            except (UnknownFormat, ValueError) as exc:
                form.add_error("file", str(exc))
                return render(request, "returns/validate.html", context, status=400)
            access_record(user=request.user, action="return_validate", request=request, reason=f"validated {name}")
            output = form.cleaned_data["output"]
            if output in _DOWNLOAD:
                content_type, writer = _DOWNLOAD[output]
                out = Path(folder) / f"report.{output}"
                getattr(report, writer)(out)
                response = HttpResponse(out.read_bytes(), content_type=content_type)
                response["Content-Disposition"] = f'attachment; filename="{Path(name).stem}-report.{output}"'
                return response
        summary = report.summary()
        context.update(report=report, name=name, shown=SHOWN_ON_PAGE,
                       summary=summary.filter((summary["issues"] > 0) | (summary["status"] != "ran")).to_dicts(),
                       issues=report.issues.head(SHOWN_ON_PAGE).to_dicts(), rules_run=len(report.pack or ()))
    return render(request, "returns/validate.html", context)
