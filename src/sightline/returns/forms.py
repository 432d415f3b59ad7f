from django import forms

from sightline.returns.formats import formats

OUTPUTS = [("page", "Show the report on this page"), ("csv", "Download the report as CSV"),
           ("xlsx", "Download the report as an Excel workbook")]


def year_choices() -> list[tuple[str, str]]:
    years = sorted({year for fmt in formats().values() for year in fmt.packs}, reverse=True)
    return [("", "The year the file gives")] + [(y, y) for y in years]


class ValidateForm(forms.Form):
    file = forms.FileField(label="Return file", help_text="A CIN census XML file, or another return Sightline reads.")
    year = forms.ChoiceField(label="Collection year", required=False, choices=year_choices)
    output = forms.ChoiceField(label="Report", choices=OUTPUTS, initial="page", widget=forms.RadioSelect)
