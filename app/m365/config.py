"""Where and how to talk to Microsoft 365, built from the settings or from a running sandbox.

One frozen `M365Config` carries everything sign-in and the Graph client need: the
authority, the app registration's client id, the scopes, Graph's base URL, the CA to
trust (sandbox only), the User-Agent and the organisation's sign-in choices.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from app import __version__
from app.m365.errors import NotConfigured
from app.m365.token_cache import CACHE_FILE_NAME
from app.settings import Settings

BASE_SCOPES: tuple[str, ...] = ("User.Read", "Files.ReadWrite")
# Only to read retention labels on existing items; IT opts in (settings.policy).
RETENTION_LABEL_SCOPE = "Files.Read.All"
SANDBOX_CACHE_FILE_NAME = "token-cache-sandbox.bin"


class SandboxEndpoints(Protocol):
    """What we need from a running sandbox (app.sandbox.server.Sandbox has these).

    A protocol, because app.m365 must not import app.sandbox.
    """

    @property
    def authority(self) -> str: ...

    @property
    def graph_url(self) -> str: ...

    @property
    def ca_path(self) -> Path: ...

    @property
    def client_id(self) -> str: ...


@dataclass(frozen=True)
class M365Config:
    authority: str  # https://login.microsoftonline.com/<tenant>
    client_id: str
    scopes: tuple[str, ...]
    graph_url: str  # https://graph.microsoft.com/v1.0
    user_agent: str
    ca_bundle: Path | None = None  # the sandbox's CA; None: the OS certificate store
    instance_discovery: bool = True  # False for the sandbox (it is not a known cloud)
    allow_device_code: bool = True
    owner_mismatch: str = "warn"
    use_broker: bool = True  # the Windows broker (WAM), on Windows only
    cache_file_name: str = CACHE_FILE_NAME
    sandbox: bool = False


def user_agent(settings: Settings) -> str:
    """Microsoft's traffic-decoration format for throttling: NONISV|<org>|<app>/<version>."""
    organisation = settings.organisation.name.replace("|", " ").strip() or "Unknown"
    return f"NONISV|{organisation}|MigrationAssistant/{__version__}"


def scopes_for(settings: Settings) -> tuple[str, ...]:
    if settings.policy.retention_labels:
        return (*BASE_SCOPES, RETENTION_LABEL_SCOPE)
    return BASE_SCOPES


def config_from_settings(settings: Settings) -> M365Config:
    """The real Microsoft 365 configuration; raises NotConfigured if IT has not set it up."""
    identity = settings.identity
    if not identity.client_id.strip():
        raise NotConfigured("app registration (client id)")
    if not identity.tenant.strip():
        raise NotConfigured("organisation (tenant)")
    return M365Config(
        authority=identity.authority_host.rstrip("/") + "/" + identity.tenant.strip(),
        client_id=identity.client_id.strip(),
        scopes=scopes_for(settings),
        graph_url=settings.onedrive.graph_url.rstrip("/"),
        user_agent=user_agent(settings),
        allow_device_code=identity.allow_device_code,
        owner_mismatch=identity.owner_mismatch,
    )


def config_for_sandbox(sandbox: SandboxEndpoints, settings: Settings | None = None) -> M365Config:
    """Talk to a running sandbox: its authority, its CA only, no broker, a separate cache."""
    settings = settings or Settings()
    return M365Config(
        authority=sandbox.authority,
        client_id=sandbox.client_id,
        scopes=scopes_for(settings),
        graph_url=sandbox.graph_url.rstrip("/"),
        user_agent=user_agent(settings),
        ca_bundle=Path(sandbox.ca_path),
        instance_discovery=False,
        allow_device_code=settings.identity.allow_device_code,
        owner_mismatch=settings.identity.owner_mismatch,
        use_broker=False,
        cache_file_name=SANDBOX_CACHE_FILE_NAME,
        sandbox=True,
    )


def with_changes(config: M365Config, **changes: object) -> M365Config:
    """A copy with some fields changed (tests, and the UI's 'use device code' toggle)."""
    return dataclasses.replace(config, **changes)  # type: ignore[arg-type]
