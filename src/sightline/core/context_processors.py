from django.conf import settings


def service(request):
    return {"partnership_name": settings.SIGHTLINE_PARTNERSHIP_NAME, "service_name": "Sightline"}
