"""The figures page and the dashboard's JSON API: aggregates only, for signed-in users."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import Http404, JsonResponse
from django.shortcuts import render

from sightline.indicators import selectors
from sightline.indicators.benchmarks import comparators
from sightline.indicators.catalogue import CATALOGUE
from sightline.indicators.dfe import MEASURES
from sightline.indicators.docs import indicator_as_dict


def _require(user) -> None:
    if not selectors.may_see_figures(user):
        raise PermissionDenied("Sign in to see the partnership's figures.")


def index(request):
    _require(request.user)
    la_code = settings.SIGHTLINE_LA_CODE
    results = selectors.results_latest(user=request.user, la_code=la_code, totals_only=True)
    by_indicator: dict[str, list[dict]] = {}
    for result in results:
        by_indicator.setdefault(result.indicator_id, []).append(selectors.result_as_dict(result, user=request.user))
    rows = [{"indicator": indicator, "results": by_indicator.get(indicator.id, [])}
            for indicator in CATALOGUE.values()]
    return render(request, "indicators/index.html", {"rows": rows, "la_code": la_code})


def api_list(request):
    _require(request.user)
    results = selectors.results_latest(user=request.user, la_code=settings.SIGHTLINE_LA_CODE, totals_only=True)
    return JsonResponse({"indicators": [indicator_as_dict(i) for i in CATALOGUE.values()],
                         "results": [selectors.result_as_dict(r, user=request.user) for r in results]})


def api_detail(request, indicator_id: str):
    _require(request.user)
    indicator = CATALOGUE.get(indicator_id)
    if indicator is None:
        raise Http404("No such indicator.")
    la_code = settings.SIGHTLINE_LA_CODE
    results = [selectors.result_as_dict(r, user=request.user)
               for r in selectors.results_latest(user=request.user, la_code=la_code, indicator_id=indicator_id)]
    benchmarks = []
    if indicator_id in MEASURES:
        # Whole years ending 31 March only: the DfE publishes nothing else to compare with.
        years = {int(r["period_end"][:4]): r for r in results
                 if r["breakdown"] == "" and r["period_end"][5:] == "03-31" and r["period_start"][5:] == "04-01"}
        benchmarks = [comparators(indicator_id, la_code, year, numerator=r["numerator"], denominator=r["denominator"])
                      for year, r in sorted(years.items())]
    return JsonResponse({"indicator": indicator_as_dict(indicator), "results": results, "benchmarks": benchmarks})
