from django.urls import path

from sightline.frontdoor.views import api

app_name = "frontdoor_api"
urlpatterns = [
    path("contacts", api.contacts, name="contacts"),
    path("notifications.csv", api.notifications_csv, name="notifications_csv"),
    path("openapi.json", api.openapi, name="openapi"),
]
