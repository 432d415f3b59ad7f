"""Thin views: parse the request, ask a selector or a service, render."""

import datetime as dt

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from sightline.core import access
from sightline.core.audit.services import access_record
from sightline.reports import charts, exports, selectors, services, tables
from sightline.reports.dashboard import dashboard_build, dashboard_table, tile_build
from sightline.reports.forms import NarrativeForm, PeriodForm, ReportForm, TargetForm
from sightline.reports.publication import OGL_ATTRIBUTION, Cell
from sightline.reports.render import annual_report_html, annual_report_pdf
from sightline.reports.sections import SECTIONS, SECTIONS_BY_SLUG
from sightline.reports.tables import Row, Table

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _period(request) -> tuple[PeriodForm, dt.date | None, dt.date | None]:
    form = PeriodForm(request.GET or None)
    if form.is_valid():
        return form, form.cleaned_data.get("date_from"), form.cleaned_data.get("date_to")
    return form, None, None


def dashboard(request):
    access.require(request.user, "reports.view_dashboard")
    form, date_from, date_to = _period(request)
    figures = selectors.figures_for(user=request.user)
    groups = dashboard_build(figures, targets=selectors.targets_all(user=request.user), date_from=date_from,
                             date_to=date_to)
    return render(request, "reports/dashboard.html", {"groups": groups, "form": form,
                                                      "query": request.GET.urlencode()})


def dashboard_download(request, fmt: str):
    access.require(request.user, "reports.view_dashboard")
    _, date_from, date_to = _period(request)
    figures = selectors.figures_for(user=request.user)
    groups = dashboard_build(figures, targets=selectors.targets_all(user=request.user), date_from=date_from,
                             date_to=date_to)
    return _download(dashboard_table(groups), fmt, "dashboard")


def _indicator_tile(request, indicator_id: str):
    access.require(request.user, "reports.view_dashboard")
    figures = selectors.figures_for(user=request.user)
    if indicator_id not in figures.info and not figures.of(indicator_id):
        raise Http404("No such indicator.")
    return figures, tile_build(figures, indicator_id, targets=selectors.targets_all(user=request.user))


def _trend_table(figures, tile) -> Table:
    if tile.latest is not None:
        months = figures.monthly(tile.indicator_id, tile.latest.period_start, tile.latest.period_end)
        if len(months) >= 2:
            return tables.month_series(figures, tile.indicator_id, tile.latest.period_start, tile.latest.period_end,
                                       title=tile.title, public=False, column=tile.title)
    totals = sorted((r for r in figures.of(tile.indicator_id) if r.breakdown == ""), key=lambda r: r.period_end)
    rows = [Row(r.period_label, [Cell(r.value, tile.unit)]) for r in totals]
    return Table(tile.title, ["Period", tile.title], rows)


def _results_table(figures, tile) -> Table:
    found = sorted(figures.of(tile.indicator_id), key=lambda r: (r.period_end, r.period_start, r.breakdown))
    rows = [Row(f"{r.period_label}{' · ' + r.breakdown if r.breakdown else ''}",
                [Cell(r.numerator), Cell(r.denominator), Cell(r.value, tile.unit)]) for r in found]
    return Table(f"Every figure for {tile.title.lower()}", ["Period", "Numerator", "Denominator", "Value"], rows)


def _children_behind(request, figures, tile):
    """The children behind the latest figure, for a user who may see them; every list shown is audited."""
    info = figures.info.get(tile.indicator_id)
    if info is None or not info.members_title or tile.latest is None:
        return None
    latest = tile.latest
    children = selectors.children_behind(user=request.user, indicator_id=tile.indicator_id,
                                         period_start=latest.period_start, period_end=latest.period_end)
    if children is not None:
        access_record(user=request.user, action="indicator_members_view", request=request,
                      reason=f"{tile.indicator_id} {latest.period_start:%Y-%m-%d} to {latest.period_end:%Y-%m-%d}: "
                             f"{len(children.people)} of {children.total} shown")
    return children


def indicator(request, indicator_id: str):
    figures, tile = _indicator_tile(request, indicator_id)
    info = figures.info.get(indicator_id)
    trend = _trend_table(figures, tile)
    chart = charts.line_chart(trend, number="", title=tile.title, y_title=tile.title) if len(trend.rows) >= 2 else None
    can_set = request.user.has_perm("reports.set_target")
    target = selectors.targets_all(user=request.user).get(indicator_id)
    target_form = TargetForm(initial={"value": target.value, "amber_band": target.amber_band} if target else None)
    return render(request, "reports/indicator.html", {
        "tile": tile, "trend": trend, "chart": chart, "results": _results_table(figures, tile),
        "can_set_target": can_set, "target": target, "target_form": target_form,
        "members_title": info.members_title if info else "", "children": _children_behind(request, figures, tile),
        "sees_people": access.works_with_people(request.user)})


def indicator_download(request, indicator_id: str, fmt: str):
    figures, tile = _indicator_tile(request, indicator_id)
    if fmt == "png":
        trend = _trend_table(figures, tile)
        if len(trend.rows) < 2:
            raise Http404("There are not enough figures to draw a graph.")
        png = charts.line_chart(trend, number="", title=tile.title, y_title=tile.title).png()
        return _attachment(HttpResponse(png, content_type="image/png"), f"{indicator_id}.png")
    return _download(_results_table(figures, tile), fmt, indicator_id)


def _attachment(response: HttpResponse, filename: str) -> HttpResponse:
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _download(table: Table, fmt: str, name: str) -> HttpResponse:
    if fmt == "csv":
        return _attachment(HttpResponse(exports.table_csv(table), content_type="text/csv; charset=utf-8"),
                           f"{name}.csv")
    if fmt == "xlsx":
        return _attachment(HttpResponse(exports.tables_xlsx([table], attribution=OGL_ATTRIBUTION), content_type=XLSX),
                           f"{name}.xlsx")
    raise Http404("No such download.")


def target_set(request, indicator_id: str):
    access.require(request.user, "reports.set_target")
    if request.method != "POST":
        return redirect("reports:indicator", indicator_id=indicator_id)
    form = TargetForm(request.POST)
    if form.is_valid():
        services.target_set(user=request.user, indicator_id=indicator_id, value=form.cleaned_data["value"],
                            amber_band=form.cleaned_data["amber_band"])
        messages.success(request, "The target is saved.")
    else:
        messages.error(request, "Give the target and an amber band of zero or more.")
    return redirect("reports:indicator", indicator_id=indicator_id)


def _report_request(request) -> tuple[ReportForm, dt.date, dt.date, bool]:
    access.require(request.user, "reports.view_report")
    form = ReportForm(request.GET or None)
    if form.is_bound and not form.is_valid():
        raise Http404("Give a valid period.")
    date_from, date_to, public = form.choice()
    if not public:
        access.require(request.user, "reports.view_internal_report")
    return form, date_from, date_to, public


def annual(request):
    form, date_from, date_to, public = _report_request(request)
    query = f"date_from={date_from:%Y-%m-%d}&date_to={date_to:%Y-%m-%d}&version={'public' if public else 'internal'}"
    return render(request, "reports/annual.html", {
        "form": form, "date_from": date_from, "date_to": date_to, "query": query,
        "can_edit": request.user.has_perm("reports.edit_narrative"),
        "sections": SECTIONS})


def annual_document(request, fmt: str):
    if fmt not in ("html", "pdf"):
        raise Http404("No such format.")
    _, date_from, date_to, public = _report_request(request)
    report = services.annual_report_make(date_from=date_from, date_to=date_to, public=public)
    html = annual_report_html(report)
    if fmt == "html":
        return HttpResponse(html)
    name = f"annual-report-{date_from:%Y%m%d}-{date_to:%Y%m%d}{'' if public else '-internal'}.pdf"
    return _attachment(HttpResponse(annual_report_pdf(report, html), content_type="application/pdf"), name)


def _narrative_period(request) -> tuple[dt.date, dt.date]:
    form = ReportForm(request.GET or None)
    if form.is_bound and not form.is_valid():
        raise Http404("Give a valid period.")
    date_from, date_to, _ = form.choice()
    return date_from, date_to


def narrative_edit(request, section: str):
    access.require(request.user, "reports.edit_narrative")
    if section not in SECTIONS_BY_SLUG:
        raise Http404("No such section.")
    date_from, date_to = _narrative_period(request)
    current = {kind: text for (slug, kind), text in
               selectors.narratives_for(user=request.user, date_from=date_from, date_to=date_to).items()
               if slug == section}
    form = NarrativeForm(request.POST or None, initial_texts=current)
    if request.method == "POST" and form.is_valid():
        for kind, text in form.cleaned_data.items():
            if text.strip() != current.get(kind, ""):
                services.narrative_save(user=request.user, section=section, kind=kind, date_from=date_from,
                                        date_to=date_to, text=text)
        messages.success(request, f"The words for {SECTIONS_BY_SLUG[section].title} are saved.")
        return redirect(f"{reverse('reports:annual')}?date_from={date_from}&date_to={date_to}")
    history = selectors.narrative_history(user=request.user, section=section, date_from=date_from, date_to=date_to)
    return render(request, "reports/narrative_edit.html", {
        "section": SECTIONS_BY_SLUG[section], "form": form, "history": history[:50],
        "date_from": date_from, "date_to": date_to})
