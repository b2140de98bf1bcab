"""The resolving adapter of the URL policy, with the resolver given: a literal never
resolved, every resolved address vetted, a name that does not resolve refused."""

from __future__ import annotations

import pytest

from govops.warnings.model.webhooks import WebhookAllow, WebhookUrlError
from govops.warnings.service.outbound import WebhookGuard


class Resolver:
    def __init__(self, answers: dict[str, list[str]]) -> None:
        self.answers, self.asked = answers, list[tuple[str, int]]()

    def __call__(self, host: str, port: int) -> list[str]:
        self.asked.append((host, port))
        if host not in self.answers:
            raise OSError(f"[Errno -2] Name or service not known: {host}")
        return self.answers[host]


def test_a_name_is_resolved_and_every_address_vetted() -> None:
    resolve = Resolver({"hooks.example.org": ["93.184.216.34", "2606:4700::1"]})
    target, addresses = WebhookGuard(resolve=resolve).vet("https://Hooks.Example.org/x")
    assert (target.host, addresses) == ("hooks.example.org", ("93.184.216.34", "2606:4700::1"))
    assert resolve.asked == [("hooks.example.org", 443)]


def test_one_private_address_among_the_answers_refuses_the_url() -> None:
    resolve = Resolver({"hooks.example.org": ["93.184.216.34", "10.0.0.7"]})
    with pytest.raises(WebhookUrlError) as refused:
        WebhookGuard(resolve=resolve).vet("https://hooks.example.org/x")
    assert refused.value.reason == "private"


@pytest.mark.parametrize("host", ["127.1", "0x7f000001", "[::ffff:127.0.0.1]", "2130706433"])
def test_an_address_literal_is_never_resolved(host: str) -> None:
    resolve = Resolver({})
    with pytest.raises(WebhookUrlError) as refused:
        WebhookGuard(resolve=resolve).vet(f"https://{host}/x")
    assert (refused.value.reason, resolve.asked) == ("loopback", [])


def test_a_name_that_does_not_resolve_is_refused_without_the_resolvers_words() -> None:
    with pytest.raises(WebhookUrlError) as refused:
        WebhookGuard(resolve=Resolver({})).vet("https://nowhere.example/x")
    assert refused.value.reason == "unresolvable"
    assert "Errno" not in str(refused.value.message)


def test_the_allow_list_is_the_guards() -> None:
    resolve = Resolver({"receiver.internal": ["10.1.2.3"]})
    allow = WebhookAllow.of(["receiver.internal"], allow_http=True)
    vetted = WebhookGuard(allow, resolve).vet("http://receiver.internal:8080/x")
    assert vetted[1] == ("10.1.2.3",)
    with pytest.raises(WebhookUrlError):
        WebhookGuard(resolve=resolve).vet("https://receiver.internal/x")
