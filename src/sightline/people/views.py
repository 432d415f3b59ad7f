from django.http import Http404
from django.shortcuts import render

from sightline.core import access
from sightline.core.audit.services import access_record
from sightline.people import selectors
from sightline.people.timeline import person_timeline


def search(request):
    access.require(request.user, "people.search_people")
    query = request.GET.get("q", "").strip()[:200]
    results = selectors.person_search(user=request.user, query=query) if query else []
    if query:
        access_record(user=request.user, action="person_search", request=request, reason=f"search: {query}")
    template = "people/_results.html" if request.htmx else "people/search.html"
    return render(request, template, {"query": query, "results": results})


def person(request, person_id: int):
    found = selectors.person_get(user=request.user, person_id=person_id)
    if found is None:
        # Not found and not allowed look the same, so a refusal tells nobody the child exists.
        raise Http404("No such person, or you may not see them.")
    reason = request.GET.get("reason", "").strip()
    if access.reason_required(request.user, found) and len(reason) < 10:
        return render(request, "people/reason.html", {"person": found, "reason": reason,
                                                      "error": bool(reason)})
    access_record(user=request.user, action="person_view", person_id=found.pk, record=found, request=request,
                  reason=reason)
    return render(request, "people/person.html", {"person": found,
                                                  "timeline": person_timeline(user=request.user, person=found)})
