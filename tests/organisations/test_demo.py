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
