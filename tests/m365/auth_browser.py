"""A scripted web browser for sign-in tests, registered through Python's `webbrowser`.

MSAL opens the sign-in address with `webbrowser`; this browser then does what an
officer would: loads the sandbox's sign-in page over HTTPS, chooses an account (or
cancels, or does nothing), and lets the identity provider's answer reach MSAL's
loopback listener the way a real browser would: a redirect is followed with GET, a
`response_mode=form_post` page has its form submitted with POST.
"""

from __future__ import annotations

import html.parser
import threading
import webbrowser
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import requests

from app.sandbox.server import Sandbox


class _FormParser(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.action = ""
        self.fields: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "form" and not self.action:
            self.action = values.get("action", "")
        elif tag == "input" and values.get("name"):
            self.fields[values["name"]] = values.get("value", "")


def parse_form(page: str) -> tuple[str, dict[str, str]]:
    parser = _FormParser()
    parser.feed(page)
    return parser.action, parser.fields


class ScriptedBrowser(webbrowser.BaseBrowser):
    """behaviour: "choose" (sign in as `upn`), "cancel" (press Cancel), "ignore"."""

    def __init__(self, sandbox: Sandbox, upn: str = "", behaviour: str = "choose") -> None:
        super().__init__("scripted-test-browser")
        self.sandbox = sandbox
        self.upn = upn or sandbox.users[0].upn
        self.behaviour = behaviour
        self.opened: list[str] = []
        self.errors: list[BaseException] = []
        self.redirect_kind = ""  # "query" (302) or "form_post" (auto-submitted form)
        self.loopback_status = 0
        self.opened_event = threading.Event()
        self.done = threading.Event()

    def open(self, url: str, new: int = 0, autoraise: bool = True) -> bool:
        self.opened.append(url)
        self.opened_event.set()
        if self.behaviour != "ignore":
            # Asynchronous like a real browser: MSAL starts listening after this returns.
            threading.Thread(target=self._run, args=(url,), daemon=True).start()
        return True

    def _run(self, url: str) -> None:
        try:
            ca = str(self.sandbox.ca_path)
            page = requests.get(url, verify=ca, timeout=10)
            page.raise_for_status()
            action, fields = parse_form(page.text)
            form = {"flow": fields["flow"]}
            form.update({"cancel": "1"} if self.behaviour == "cancel" else {"upn": self.upn})
            target = requests.compat.urljoin(url, action)
            answer = requests.post(target, data=form, verify=ca, allow_redirects=False, timeout=10)
            loopback = requests.Session()
            loopback.trust_env = False  # never via a proxy: it is this machine's loopback
            if answer.status_code in (301, 302, 303):
                self.redirect_kind = "query"
                final = loopback.get(answer.headers["Location"], timeout=10)
            else:
                self.redirect_kind = "form_post"
                post_to, values = parse_form(answer.text)
                final = loopback.post(post_to, data=values, timeout=10)
            self.loopback_status = final.status_code
        except BaseException as error:  # reported by the test
            self.errors.append(error)
        finally:
            self.done.set()


@contextmanager
def registered(browser: ScriptedBrowser) -> Iterator[ScriptedBrowser]:
    """Make `browser` the default for webbrowser.open() for the duration."""
    webbrowser.register(browser.name, None, browser, preferred=True)
    try:
        yield browser
    finally:
        tryorder: list[str] | None = getattr(webbrowser, "_tryorder", None)
        if tryorder is not None and browser.name in tryorder:
            tryorder.remove(browser.name)
        browsers: dict[str, Any] = getattr(webbrowser, "_browsers", {})
        browsers.pop(browser.name.lower(), None)


def complete_device_code(sandbox: Sandbox, verification_uri: str, code: str, upn: str) -> int:
    """What the officer does on their phone: open the page, type the code, choose."""
    ca = str(sandbox.ca_path)
    page = requests.get(verification_uri, verify=ca, timeout=10)
    page.raise_for_status()
    action, _ = parse_form(page.text)
    answer = requests.post(
        requests.compat.urljoin(verification_uri, action),
        data={"code": code, "upn": upn},
        verify=ca,
        timeout=10,
    )
    return answer.status_code
