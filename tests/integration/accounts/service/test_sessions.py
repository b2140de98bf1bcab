"""Sign-in, sessions and tokens: a session ends on log-out, after its idle time, after its
absolute time, when revoked or when its user is disabled; refused log-ins are throttled
per account and per address; a token acts as its owner at most, until it expires."""

from __future__ import annotations

import pytest

from govops.accounts.service.errors import LogInRefusedError, NotAllowedError, ThrottledError
from tests.integration.accounts.service.conftest import PASSWORD, Services


def test_a_session_lives_until_log_out(services: Services) -> None:
    secret, user = services.sessions.log_in("admin", PASSWORD, "10.0.0.5")
    actor = services.sessions.session_actor(secret)
    assert actor is not None and actor.username == "admin" and user.username == "admin"
    services.sessions.log_out(secret)
    assert services.sessions.session_actor(secret) is None


def test_a_session_ends_after_its_idle_and_its_absolute_time(services: Services) -> None:
    secret, _ = services.sessions.log_in("admin", PASSWORD, None)
    services.clock.advance(minutes=29)
    assert services.sessions.session_actor(secret) is not None  # seen: idle time restarts
    services.clock.advance(minutes=29)
    assert services.sessions.session_actor(secret) is not None
    services.clock.advance(minutes=31)
    assert services.sessions.session_actor(secret) is None  # idle for 31 minutes
    fresh, _ = services.sessions.log_in("admin", PASSWORD, None)
    for _ in range(26):
        services.clock.advance(minutes=28)
        last = services.sessions.session_actor(fresh)
    assert last is None  # 12 hours after log-in, however active


def test_wrong_passwords_unknown_names_and_disabled_users_get_one_answer(
    services: Services,
) -> None:
    admin = services.accounts.local_actor("admin")
    services.accounts.add_user(admin, "li", "李强", PASSWORD)
    services.accounts.disable(admin, "li")
    answers = set()
    for name, password in (("admin", "wrong password!"), ("nobody", PASSWORD), ("li", PASSWORD)):
        with pytest.raises(LogInRefusedError) as refused:
            services.sessions.log_in(name, password, "10.0.0.9")
        answers.add(str(refused.value))
    assert answers == {"wrong user name or password"}


def test_refused_log_ins_are_throttled_per_account_then_per_address(services: Services) -> None:
    for _ in range(5):
        with pytest.raises(LogInRefusedError):
            services.sessions.log_in("admin", "wrong password!", "10.0.0.7")
    with pytest.raises(ThrottledError):
        services.sessions.log_in("admin", PASSWORD, "10.0.0.8")  # the right one, too late
    services.clock.advance(minutes=16)
    assert services.sessions.log_in("admin", PASSWORD, "10.0.0.8")
    for number in range(20):
        with pytest.raises(LogInRefusedError):
            services.sessions.log_in(f"guess{number}", "wrong password!", "10.0.0.66")
    with pytest.raises(ThrottledError):
        services.sessions.log_in("admin", PASSWORD, "10.0.0.66")


def test_disabling_a_user_ends_their_sessions(services: Services) -> None:
    admin = services.accounts.local_actor("admin")
    services.accounts.add_user(admin, "li", "李强", PASSWORD)
    secret, _ = services.sessions.log_in("li", PASSWORD, None)
    services.accounts.disable(admin, "li")
    assert services.sessions.session_actor(secret) is None


def test_a_token_acts_as_its_owner_at_most_until_it_expires(services: Services) -> None:
    admin = services.accounts.local_actor("admin")
    secret, token = services.sessions.create_token(
        admin, "monitor", 1, frozenset({"incident.read"})
    )
    assert secret.startswith("gvt_") and secret not in token.token_hash
    actor = services.sessions.token_actor(secret)
    assert actor is not None and actor.via == "token"
    assert actor.can("incident.read", "town-a") and not actor.can("users.manage", "town-a")
    services.clock.advance(days=1, seconds=1)
    assert services.sessions.token_actor(secret) is None
    fresh, made = services.sessions.create_token(admin, "monitor", 5)
    services.sessions.revoke_token(admin, made.id)
    assert services.sessions.token_actor(fresh) is None


def test_tokens_need_the_permission_to_make_them(services: Services) -> None:
    admin = services.accounts.local_actor("admin")
    services.accounts.add_user(admin, "li", "李强", PASSWORD)
    services.accounts.grant(admin, "li", "duty_officer", "town-a")
    with pytest.raises(NotAllowedError):
        services.sessions.create_token(services.accounts.local_actor("li"), "x", 5)
