"""Forms for the front door's pages. Each submission page asks one thing (GOV.UK pattern)."""

import datetime as dt

from django import forms

from sightline.core.models import LegalBasis, Sensitivity
from sightline.frontdoor.models import Concern, EarlyHelpProvider, LevelOfNeedDescriptor, Outcome, Rating
from sightline.organisations.models import Agency, AgencyKind


class ChildForm(forms.Form):
    forename = forms.CharField(max_length=100, label="First name",
                               error_messages={"required": "Enter the child's first name"})
    surname = forms.CharField(max_length=100, label="Last name",
                              error_messages={"required": "Enter the child's last name"})
    dob_day = forms.IntegerField(required=False, min_value=1, max_value=31)
    dob_month = forms.IntegerField(required=False, min_value=1, max_value=12)
    dob_year = forms.IntegerField(required=False, min_value=1900, max_value=2100)

    def clean(self):
        data = super().clean()
        parts = [data.get(k) for k in ("dob_day", "dob_month", "dob_year")]
        if any(parts) and not all(parts):
            raise forms.ValidationError("Date of birth must include a day, month and year, or leave it blank")
        if all(parts):
            try:
                born = dt.date(parts[2], parts[1], parts[0])
            except ValueError:
                raise forms.ValidationError("Date of birth must be a real date") from None
            if born > dt.date.today():
                raise forms.ValidationError("Date of birth must be today or in the past")
            data["date_of_birth"] = born.isoformat()
        return data


class AddressForm(forms.Form):
    address = forms.CharField(max_length=200, required=False, label="Address")
    postcode = forms.CharField(max_length=8, required=False, label="Postcode")


class SchoolForm(forms.Form):
    school = forms.ModelChoiceField(queryset=Agency.objects.filter(kind=AgencyKind.SCHOOL), required=False,
                                    label="The child's school", empty_label="Not known or not at school")


class ConcernsForm(forms.Form):
    concerns = forms.MultipleChoiceField(choices=Concern.choices, widget=forms.CheckboxSelectMultiple,
                                         error_messages={"required": "Select at least one concern"})


class DetailsForm(forms.Form):
    summary = forms.CharField(widget=forms.Textarea, max_length=10000, label="What has happened",
                              error_messages={"required": "Describe what has happened and why you are worried"})
    sender_reference = forms.CharField(max_length=100, required=False, label="Your reference (optional)")


class RateForm(forms.Form):
    rating = forms.ChoiceField(choices=Rating.choices, error_messages={"required": "Choose red, amber or green"})
    team = forms.IntegerField(required=False)


class CheckRequestForm(forms.Form):
    agency = forms.ModelChoiceField(queryset=Agency.objects.exclude(
        kind__in=[AgencyKind.LOCAL_AUTHORITY, AgencyKind.CHILDRENS_SERVICES]),
        error_messages={"required": "Choose the agency to ask"})
    question = forms.CharField(widget=forms.Textarea, max_length=2000,
                               error_messages={"required": "Enter what you want to know"})


class CheckAnswerForm(forms.Form):
    information = forms.CharField(widget=forms.Textarea, max_length=10000,
                                  error_messages={"required": "Enter what your agency holds, or that it holds "
                                                              "nothing"})
    known_to_agency = forms.TypedChoiceField(choices=[("yes", "Yes"), ("no", "No")],
                                             coerce=lambda v: v == "yes", widget=forms.RadioSelect,
                                             error_messages={"required": "Say whether your agency knows the child"})
    sensitivity = forms.ChoiceField(choices=Sensitivity.choices, initial=Sensitivity.PARTNERSHIP,
                                    widget=forms.RadioSelect)
    legal_basis = forms.ChoiceField(choices=LegalBasis.choices, initial=LegalBasis.CA2004_S11)


class DecisionForm(forms.Form):
    descriptor = forms.ModelChoiceField(queryset=LevelOfNeedDescriptor.objects.none(), widget=forms.RadioSelect,
                                        error_messages={"required": "Choose the level of need"})
    outcome = forms.ChoiceField(choices=Outcome.choices, widget=forms.RadioSelect,
                                error_messages={"required": "Choose the outcome"})
    early_help_provider = forms.ChoiceField(choices=[("", "Not early help")] + EarlyHelpProvider.choices,
                                            required=False)
    early_help_agency = forms.ModelChoiceField(queryset=Agency.objects.filter(
        kind__in=[AgencyKind.SCHOOL, AgencyKind.HEALTH_PROVIDER, AgencyKind.VOLUNTARY]), required=False)
    rationale = forms.CharField(widget=forms.Textarea, required=False, max_length=10000)

    def __init__(self, *args, descriptors=None, **kwargs):
        super().__init__(*args, **kwargs)
        if descriptors is not None:
            self.fields["descriptor"].queryset = descriptors


class CsvUploadForm(forms.Form):
    file = forms.FileField(error_messages={"required": "Choose a CSV file"})
