from django.urls import path

from sightline.reports import views

app_name = "reports"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("dashboard.<str:fmt>", views.dashboard_download, name="dashboard_download"),
    path("indicators/<slug:indicator_id>/", views.indicator, name="indicator"),
    path("indicators/<slug:indicator_id>/target/", views.target_set, name="target_set"),
    path("indicators/<slug:indicator_id>/figures.<str:fmt>", views.indicator_download, name="indicator_download"),
    path("annual/", views.annual, name="annual"),
    path("annual/report.<str:fmt>", views.annual_document, name="annual_document"),
    path("annual/words/<slug:section>/", views.narrative_edit, name="narrative_edit"),
]
