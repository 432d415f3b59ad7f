from django.urls import path

from sightline.frontdoor.views import checks, encompass, submit, upload, work

app_name = "frontdoor"
urlpatterns = [
    path("", work.queue, name="queue"),
    path("contacts/<int:contact_id>/", work.contact_detail, name="contact"),
    path("contacts/<int:contact_id>/people/<int:given_id>/link/", work.given_link, name="given_link"),
    path("contacts/<int:contact_id>/people/<int:given_id>/create/", work.given_create, name="given_create"),
    path("contacts/<int:contact_id>/rate/", work.rate, name="rate"),
    path("contacts/<int:contact_id>/checks/", work.check_request, name="check_request"),
    path("contacts/<int:contact_id>/decision/", work.decide, name="decide"),
    path("contacts/<int:contact_id>/decision/sign-off/", work.sign_off, name="sign_off"),
    path("tell-us/", submit.start, name="submit"),
    path("tell-us/check/", submit.check, name="submit_check"),
    path("tell-us/sent/<int:contact_id>/", submit.submitted, name="submitted"),
    path("tell-us/<slug:step>/", submit.step, name="submit_step"),
    path("notifications/upload/", upload.upload, name="upload"),
    path("encompass/", encompass.notice_list, name="encompass"),
    path("encompass/<int:notice_id>/", encompass.notice_detail, name="encompass_notice"),
    path("checks/", checks.check_list, name="checks"),
    path("checks/<int:check_id>/", checks.check_detail, name="check"),
]
