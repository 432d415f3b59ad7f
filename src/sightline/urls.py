from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from sightline.core import views as core_views

urlpatterns = [
    path("", core_views.home, name="home"),
    path("healthz", core_views.healthz, name="healthz"),
    path("accounts/login/", auth_views.LoginView.as_view(template_name="core/login.html"), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("people/", include("sightline.people.urls")),
    path("frontdoor/", include("sightline.frontdoor.urls")),
    path("api/frontdoor/", include("sightline.frontdoor.api_urls")),
    path("reports/", include("sightline.reports.urls")),
    path("indicators/", include("sightline.indicators.urls")),
    path("api/indicators/", include("sightline.indicators.api_urls")),
    path("returns/", include("sightline.returns.urls")),
    path("admin/", admin.site.urls),
]

admin.site.site_header = "Sightline administration"
admin.site.site_title = "Sightline"
