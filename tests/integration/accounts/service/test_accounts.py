"""Users and grants: the first administrator on an empty system, then only an
administrator adds, disables and grants, within their own units; every change recorded."""

from __future__ import annotations

import pytest

from govops.accounts.model.events import AccessEventKind
from govops.accounts.model.users import AccountInputError
from govops.accounts.service.errors import NotAllowedError
from govops.platform.identity.actor import Grant
from tests.integration.accounts.service.conftest import PASSWORD, Services


def test_the_first_administrator_only_on_an_empty_system(services: Services) -> None:
    with pytest.raises(NotAllowedError):
        services.accounts.add_user(None, "intruder", "X", PASSWORD)
    admin = services.accounts.local_actor("admin")
    assert admin.can("users.manage", "town-a") and not admin.can("users.manage", "university")


def test_an_administrator_adds_and_grants_within_their_units(services: Services) -> None:
    admin = services.accounts.local_actor("admin")
    services.accounts.add_user(admin, "li", "李强", PASSWORD)
    assert services.accounts.grant(admin, "li", "duty_officer", "town-a")
    assert not services.accounts.grant(admin, "li", "duty_officer", "town-a")  # held
    with pytest.raises(NotAllowedError):
        services.accounts.grant(admin, "li", "duty_officer", "university")
    li = services.accounts.local_actor("li")
    assert li.grants == (Grant("duty_officer", "town-a"),)
    assert li.can("incident.report", "town-a") and not li.can("incident.report", "town-b")
    assert services.accounts.revoke(admin, "li", "duty_officer", "town-a")
    assert services.accounts.local_actor("li").grants == ()


def test_a_user_without_users_manage_cannot_add_users(services: Services) -> None:
    admin = services.accounts.local_actor("admin")
    services.accounts.add_user(admin, "li", "李强", PASSWORD)
    services.accounts.grant(admin, "li", "duty_officer", "town-a")
    with pytest.raises(NotAllowedError):
        services.accounts.add_user(services.accounts.local_actor("li"), "xyz", "X", PASSWORD)


@pytest.mark.parametrize(
    ("username", "password", "field"),
    [("Li", PASSWORD, "username"), ("li", "short", "password"), ("admin", PASSWORD, "username")],
)
def test_bad_names_and_passwords_are_refused(
    services: Services, username: str, password: str, field: str
) -> None:
    admin = services.accounts.local_actor("admin")
    with pytest.raises(AccountInputError) as refused:
        services.accounts.add_user(admin, username, "名字", password)
    assert refused.value.field == field


def test_passwords_are_kept_only_as_argon2_hashes(services: Services) -> None:
    admin = services.accounts.local_actor("admin")
    user = services.accounts.add_user(admin, "li", "李强", PASSWORD)
    assert user.password_hash.startswith("$argon2id$") and PASSWORD not in user.password_hash


def test_every_change_is_an_access_event(services: Services) -> None:
    admin = services.accounts.local_actor("admin")
    services.accounts.add_user(admin, "li", "李强", PASSWORD)
    services.accounts.grant(admin, "li", "viewer", "county")
    services.accounts.disable(admin, "li")
    with services.accounts._uow() as uow:
        kinds = [e.kind for e in reversed(uow.events.recent())]
    assert kinds[-3:] == [
        AccessEventKind.USER_ADDED,
        AccessEventKind.GRANTED,
        AccessEventKind.USER_DISABLED,
    ]
