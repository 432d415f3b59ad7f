"""The `sightline` command. Each domain adds its own group of subcommands."""

import os

import typer

from sightline.indicators import cli as indicators_cli
from sightline.reports import cli as reports_cli
from sightline.returns import cli as returns_cli
from sightline.synth import cli as synth_cli

app = typer.Typer(help="Sightline: the safeguarding children partnership's own system.", no_args_is_help=True)
# Each domain's commands set Django up only when they run, so `sightline --help` stays fast.
app.add_typer(indicators_cli.app, name="indicators")
app.add_typer(reports_cli.app, name="report")
app.add_typer(returns_cli.app, name="returns")
app.add_typer(synth_cli.app, name="synth")


def setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sightline.settings")
    import django

    django.setup()


@app.command(context_settings={"allow_extra_args": True, "ignore_unknown_options": True})
def manage(ctx: typer.Context) -> None:
    """Run a Django management command (migrate, createsuperuser, runserver, ...)."""
    setup_django()
    from django.core.management import execute_from_command_line

    execute_from_command_line(["sightline manage", *ctx.args])


@app.command("demo-users")
def demo_users(password: str = typer.Option(None, envvar="SIGHTLINE_DEMO_PASSWORD",
                                            help="Password for every demo user (default: generated into var/).")) -> None:
    """Create (or refresh) one demo user per role and print them."""
    setup_django()
    from sightline.organisations.demo import demo_users_ensure

    for user, pw in demo_users_ensure(password=password):
        typer.echo(f"  {user.username:<22} {pw:<20} {user.get_role_display()} at {user.agency or '-'}")


def main() -> None:
    app(prog_name="sightline")

