"""Issue an agency system's token for the contacts API; it is shown once and stored only as a digest."""

from django.core.management.base import BaseCommand, CommandError

from sightline.frontdoor.services import api_token_issue
from sightline.organisations.models import Agency


class Command(BaseCommand):
    help = "Issue a contacts API token for an agency (printed once)."

    def add_arguments(self, parser):
        parser.add_argument("agency", help="the agency's code")
        parser.add_argument("name", help="what the token is for, e.g. 'Niche RMS'")

    def handle(self, *args, agency, name, **options):
        found = Agency.objects.filter(code=agency).first()
        if found is None:
            raise CommandError(f"No agency has the code {agency!r}.")
        _, raw = api_token_issue(agency=found, name=name)
        self.stdout.write(f"Token for {found} ({name}); keep it safe, it is not shown again:\n{raw}")
