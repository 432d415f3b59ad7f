"""Regenerate the future part of the frozen bank holiday table from the `holidays` package.

Dates up to today (or up to the table's own frozen_through, if later) are kept as they are: a
working-day figure already reported must not change. Run it after upgrading `holidays`, or when
a new bank holiday is announced, then review the diff and commit the table.
"""

from datetime import date

from django.core.management.base import BaseCommand, CommandError

from sightline.core.calendar.bank_holidays import TABLE_PATH, dump_table, load_table, refreshed_table


class Command(BaseCommand):
    help = "Regenerate future England and Wales bank holidays in the frozen table; past dates never change."

    def add_arguments(self, parser):
        parser.add_argument("--until", type=int, help="Last year to hold (default: the table's last year).")

    def handle(self, *args, until: int | None, **options):
        table = load_table(TABLE_PATH)
        until_year = until or table["last_year"]
        frozen_through = max(date.today(), date.fromisoformat(table["frozen_through"]))
        if until_year < frozen_through.year:
            raise CommandError(f"--until {until_year} is in the past; past years are frozen.")
        new = refreshed_table(table, frozen_through=frozen_through, until_year=until_year)
        TABLE_PATH.write_text(dump_table(new), encoding="utf-8")
        added = len(new["bank_holidays"]) - len(table["bank_holidays"])
        self.stdout.write(f"Bank holidays kept as they were through {frozen_through}; "
                          f"regenerated to the end of {until_year} ({added:+d} dates). Review the diff.")
