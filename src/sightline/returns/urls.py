from django.urls import path

from sightline.returns import views

app_name = "returns"
urlpatterns = [
    path("validate/", views.validate, name="validate"),
]
