import datetime as dt

from django import forms

from sightline.reports.models import NarrativeKind


def last_reporting_year(today: dt.date | None = None) -> tuple[dt.date, dt.date]:
    today = today or dt.date.today()
    end_year = today.year if today > dt.date(today.year, 3, 31) else today.year - 1
    return dt.date(end_year - 1, 4, 1), dt.date(end_year, 3, 31)


class PeriodForm(forms.Form):
    date_from = forms.DateField(label="From", required=False, widget=forms.DateInput(attrs={"type": "date"}))
    date_to = forms.DateField(label="To", required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def clean(self):
        data = super().clean()
        if data.get("date_from") and data.get("date_to") and data["date_to"] < data["date_from"]:
            raise forms.ValidationError("The end of the period must be on or after its start.")
        return data


class ReportForm(PeriodForm):
    version = forms.ChoiceField(choices=[("public", "Public"), ("internal", "Internal (not for publication)")],
                                initial="public", required=False)

    def choice(self) -> tuple[dt.date, dt.date, bool]:
        """The period and version asked for (the last reporting year, public, by default); call after is_valid."""
        data = self.cleaned_data if self.is_bound else {}
        default_from, default_to = last_reporting_year()
        return (data.get("date_from") or default_from, data.get("date_to") or default_to,
                data.get("version") != "internal")


class NarrativeForm(forms.Form):
    def __init__(self, *args, initial_texts: dict[str, str] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        for kind in NarrativeKind:
            self.fields[kind.value] = forms.CharField(
                label=kind.label, required=False, max_length=20_000,
                initial=(initial_texts or {}).get(kind.value, ""),
                widget=forms.Textarea(attrs={"rows": 6, "class": "govuk-textarea"}))


class TargetForm(forms.Form):
    value = forms.DecimalField(label="Target", max_digits=12, decimal_places=2)
    amber_band = forms.DecimalField(label="Amber band (how far from the target still counts as amber)",
                                    max_digits=12, decimal_places=2, min_value=0, initial=0)
