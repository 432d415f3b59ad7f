"""Administrators set up agencies, teams and users here. Children's records are not in the admin:
they are changed only through the services, which check access and write the audit log."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from sightline.organisations.models import Agency, Team, User


@admin.register(Agency)
class AgencyAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "code", "urn", "ods_code", "la_code")
    list_filter = ("kind",)
    search_fields = ("name", "code", "urn", "ods_code")


@admin.register(Team)
class TeamAdmin(admin.ModelAdmin):
    list_display = ("name", "agency", "kind")
    list_filter = ("kind", "agency")
    search_fields = ("name",)


@admin.register(User)
class SightlineUserAdmin(UserAdmin):
    list_display = ("username", "first_name", "last_name", "role", "agency", "team", "is_active")
    list_filter = ("role", "agency", "is_active")
    fieldsets = UserAdmin.fieldsets + (("Sightline", {"fields": ("agency", "team", "role", "job_title")}),)
    add_fieldsets = UserAdmin.add_fieldsets + (("Sightline", {"fields": ("agency", "team", "role")}),)
