"""Settings come from the environment; production refuses to start without a secret key."""

import os
import subprocess
import sys

PRINT_SETTINGS = ("import django, os; os.environ['DJANGO_SETTINGS_MODULE']='sightline.settings'; "
                  "from django.conf import settings; "
                  "print(settings.DEBUG, settings.DATABASES['default']['ENGINE'], settings.SECRET_KEY[:4])")


def _run(tmp_path, **env):
    full_env = {k: v for k, v in os.environ.items() if not k.startswith(("SIGHTLINE_", "DATABASE_URL"))}
    full_env.update({"SIGHTLINE_VAR_DIR": str(tmp_path), **env})
    return subprocess.run([sys.executable, "-c", PRINT_SETTINGS], env=full_env, capture_output=True, text=True)


def test_production_without_a_secret_key_refuses_to_start(tmp_path):
    result = _run(tmp_path, SIGHTLINE_MODE="production")
    assert result.returncode != 0
    assert "SIGHTLINE_SECRET_KEY is required" in result.stderr


def test_production_ignores_a_request_for_debug(tmp_path):
    result = _run(tmp_path, SIGHTLINE_MODE="production", SIGHTLINE_SECRET_KEY="k" * 50, SIGHTLINE_DEBUG="1")
    assert result.stdout.split()[0] == "False"


def test_development_generates_a_secret_key_once_into_var(tmp_path):
    first = _run(tmp_path)
    second = _run(tmp_path)
    assert first.returncode == 0, first.stderr
    assert (tmp_path / "secret_key").exists()
    assert first.stdout == second.stdout
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0


def test_default_database_is_sqlite_and_debug_is_off(tmp_path):
    debug, engine, _ = _run(tmp_path).stdout.split()
    assert (debug, engine) == ("False", "django.db.backends.sqlite3")


def test_database_url_selects_postgresql(tmp_path):
    result = _run(tmp_path, DATABASE_URL="postgres://127.0.0.1:5432/test")
    assert result.stdout.split()[1] == "django.db.backends.postgresql"


def test_stylesheets_are_served_with_debug_off(client):
    # Static files are open (the login page needs them) and served without a separate web server.
    response = client.get("/static/sightline/sightline.css")
    assert response.status_code == 200
    assert b"Arial" in b"".join(response.streaming_content)
