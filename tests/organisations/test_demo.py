import pytest

from sightline.organisations.demo import demo_users_ensure
from sightline.organisations.models import Role, User


@pytest.mark.django_db
def test_demo_has_one_user_per_role_and_can_be_run_twice():
    demo_users_ensure(password="a demo password")
    made = demo_users_ensure(password="a demo password")
    assert {user.role for user, _ in made} == set(Role.values)
    assert User.objects.count() == len(made)


@pytest.mark.django_db
def test_every_demo_user_can_sign_in_and_sees_a_start_page(client):
    for user, password in demo_users_ensure(password="a demo password"):
        assert client.login(username=user.username, password=password)
        response = client.get("/")
        assert response.status_code == 200
        assert response.context["start"]["heading"]
        client.logout()


@pytest.mark.django_db
def test_administrator_manages_agencies_but_the_admin_holds_no_childrens_records(client):
    from tests.factories import UserFactory

    client.force_login(UserFactory(agency=None, role=Role.ADMINISTRATOR, is_superuser=True, is_staff=True))
    assert client.get("/admin/organisations/agency/").status_code == 200
    assert client.get("/admin/people/person/").status_code == 404


@pytest.mark.django_db
def test_staff_admin_is_refused_to_other_roles(client, social_worker):
    client.force_login(social_worker)
    assert client.get("/admin/organisations/agency/").status_code == 302
