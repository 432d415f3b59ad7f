from django.urls import path

from sightline.indicators import views

app_name = "indicators_api"
urlpatterns = [
    path("", views.api_list, name="list"),
    path("<slug:indicator_id>/", views.api_detail, name="detail"),
]
