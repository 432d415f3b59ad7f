"""Chase every agency check past its due time (run every few minutes from cron or a timer)."""

from django.core.management.base import BaseCommand

from sightline.frontdoor.services import checks_chase_overdue


class Command(BaseCommand):
    help = "Mark unanswered agency checks past their due time as chased; agencies see them at the top."

    def handle(self, *args, **options):
        count = checks_chase_overdue()
        self.stdout.write(f"Chased {count} overdue check{'' if count == 1 else 's'}.")
