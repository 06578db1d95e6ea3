"""The sandbox's setRetentionLabel against Microsoft's documented behaviour."""

from __future__ import annotations

from tests.sandbox.graph_client import Client
from tests.sandbox_fixtures import MakeSandbox

LABEL = "Personnel records - 7 years"
SCOPES = ["User.Read", "Files.ReadWrite", "Files.Read.All"]


def test_label_is_applied_201_then_200_and_read_back(make_sandbox: MakeSandbox) -> None:
    sb = make_sandbox()
    client = Client(sb, scopes=SCOPES)
    item = client.upload("a/report.docx", b"x" * 1000).json()
    address = f"/me/drive/items/{item['id']}/retentionLabel"

    assert client.get(address).status_code == 404  # no label yet
    first = client.call("PATCH", address, json={"name": LABEL})
    assert first.status_code == 201, first.text
    assert first.json()["name"] == LABEL
    assert first.json()["isLabelAppliedExplicitly"] is True
    again = client.call("PATCH", address, json={"name": "Transitory - 1 year"})
    assert again.status_code == 200
    assert client.get(address).json()["name"] == "Transitory - 1 year"
    assert sb.labels.label_of(item["id"]) == "Transitory - 1 year"

    drive_id = client.get("/me/drive").json()["id"]
    by_drive = client.call(
        "PATCH", f"/drives/{drive_id}/items/{item['id']}/retentionLabel", json={"name": LABEL}
    )
    assert by_drive.status_code == 200


def test_unknown_label_missing_scope_and_unknown_item_are_refused(
    make_sandbox: MakeSandbox,
) -> None:
    sb = make_sandbox(retention_labels=("Only this one",))
    client = Client(sb, scopes=SCOPES)
    item = client.upload("b.txt", b"hello").json()
    address = f"/me/drive/items/{item['id']}/retentionLabel"

    unknown = client.call("PATCH", address, json={"name": LABEL})
    assert unknown.status_code == 400
    assert "does not exist" in unknown.json()["error"]["message"]
    assert sb.labels.label_of(item["id"]) is None

    without = Client(sb)  # User.Read Files.ReadWrite only
    assert without.call("PATCH", address, json={"name": "Only this one"}).status_code == 403

    missing = client.call(
        "PATCH", "/me/drive/items/01NOPE/retentionLabel", json={"name": "Only this one"}
    )
    assert missing.status_code == 404
    assert client.call("PATCH", address, json={}).status_code == 400


def test_labels_survive_a_restart(make_sandbox: MakeSandbox, tmp_path_factory) -> None:  # type: ignore[no-untyped-def]
    state = tmp_path_factory.mktemp("labels-state")
    sb = make_sandbox(state_dir=state)
    client = Client(sb, scopes=SCOPES)
    item = client.upload("c.txt", b"kept").json()
    assert (
        client.call(
            "PATCH", f"/me/drive/items/{item['id']}/retentionLabel", json={"name": LABEL}
        ).status_code
        == 201
    )
    sb.stop()
    again = make_sandbox(state_dir=state)
    assert again.labels.label_of(item["id"]) == LABEL
