"""Deny by default: every page needs a signed-in user except the few listed here."""

from django.conf import settings
from django.contrib.auth.views import redirect_to_login

# /api/frontdoor/ is for agency systems: its views check an agency token themselves (deny by default).
OPEN_PATH_PREFIXES = ("/accounts/login/", "/static/", "/healthz", "/api/frontdoor/")


class LoginRequiredMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.user.is_authenticated and not request.path.startswith(OPEN_PATH_PREFIXES):
            return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)
        return self.get_response(request)
