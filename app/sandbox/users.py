"""The sandbox's officers (users) and the tenant's fixed identifiers."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

# A fixed namespace so that a user's object id is the same in every sandbox.
_NAMESPACE = uuid.UUID("6f1c8d2e-4b7a-4e52-9c1d-5a0b3e7f9d21")

DEFAULT_CLIENT_ID = "9c2b7e4a-1d3f-4c8b-a6e5-2f0d8b1c7a93"


def stable_guid(text: str) -> str:
    return str(uuid.uuid5(_NAMESPACE, text.lower()))


@dataclass(frozen=True)
class SandboxUser:
    upn: str
    name: str
    oid: str = field(default="")

    def __post_init__(self) -> None:
        if not self.oid:
            object.__setattr__(self, "oid", stable_guid(self.upn))

    @property
    def given_name(self) -> str:
        return self.name.split(" ")[0]


def default_users() -> list[SandboxUser]:
    return [
        SandboxUser("jane.smith@sandbox.police.uk", "Jane Smith"),
        SandboxUser("tom.jones@sandbox.police.uk", "Tom Jones"),
        SandboxUser("aled.evans@sandbox.police.uk", "Aled Evans"),
        SandboxUser("sian.llewelyn@sandbox.police.uk", "Siân Llewelyn"),
    ]
