from django.http import HttpResponse
from django.shortcuts import render

from sightline.core.start_pages import start_page_for


def home(request):
    return render(request, "core/home.html", {"start": start_page_for(request.user)})


def healthz(request):
    return HttpResponse("ok", content_type="text/plain")
