"""OneDrive items against the documented Graph behaviour: addressing, children, conflicts,
names, scopes, quota and locks."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from graph_client import Client

from app.sandbox.server import Sandbox


@pytest.fixture
def client(sandbox: Sandbox) -> Client:
    return Client(sandbox)


def test_me_and_drive(client: Client) -> None:
    me = client.get("/me").json()
    assert me["userPrincipalName"] == client.upn and me["displayName"] == "Jane Smith"
    drive = client.get("/me/drive").json()
    assert drive["driveType"] == "business"
    assert set(drive["quota"]) >= {"total", "used", "remaining", "state"}
    assert drive["quota"]["used"] == 0 and drive["quota"]["state"] == "normal"
    root = client.get("/me/drive/root").json()
    assert "root" in root and "folder" in root
    assert client.get(f"/drives/{drive['id']}/root").json()["id"] == root["id"]


def test_addressing_by_path_and_id(client: Client) -> None:
    folder = client.mkdir("H drive")
    encoded = "/me/drive/root:/H%20drive/Caf%C3%A9%20%231%20100%25.txt"
    r = client.put(encoded + ":/content", data=b"abc")
    assert r.status_code == 201
    item = r.json()
    assert item["name"] == "Café #1 100%.txt"
    assert item["parentReference"]["path"] == "/drive/root:/H drive"
    assert item["parentReference"]["id"] == folder["id"]
    for path in (encoded, encoded + ":", f"/me/drive/items/{item['id']}"):
        got = client.get(path)
        assert got.status_code == 200, path
        assert got.json()["id"] == item["id"]
    by_parent = client.put(f"/me/drive/items/{folder['id']}:/b.txt:/content", data=b"b")
    assert by_parent.status_code == 201
    assert client.get("/me/drive/root:/h drive/B.TXT").json()["id"] == by_parent.json()["id"]
    assert client.get(f"/me/drive/items/{item['id']}/content").content == b"abc"
    missing = client.get("/me/drive/root:/H drive/nope.txt")
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "itemNotFound"


def test_children_paging(client: Client) -> None:
    client.mkdir("F")
    names = [f"file{i:02}.txt" for i in range(7)]
    for name in names:
        assert client.put(f"/me/drive/root:/F/{name}:/content", data=b"x").status_code == 201
    seen: list[str] = []
    url = "/me/drive/root:/F:/children?$top=3"
    pages = 0
    while url:
        page = client.get(url).json()
        seen += [v["name"] for v in page["value"]]
        url = page.get("@odata.nextLink", "")
        pages += 1
    assert seen == names and pages == 3
    assert client.get("/me/drive/root:/F").json()["folder"]["childCount"] == 7


def test_folder_conflicts(client: Client) -> None:
    client.mkdir("Docs")
    clash = client.post("/me/drive/root/children", json={"name": "docs", "folder": {}})
    assert clash.status_code == 409
    assert clash.json()["error"]["code"] == "nameAlreadyExists"
    renamed = client.post(
        "/me/drive/root/children",
        json={"name": "Docs", "folder": {}, "@microsoft.graph.conflictBehavior": "rename"},
    )
    assert renamed.status_code == 201 and renamed.json()["name"] == "Docs 1"
    replaced = client.post(
        "/me/drive/root/children",
        json={"name": "Docs", "folder": {}, "@microsoft.graph.conflictBehavior": "replace"},
    )
    assert replaced.status_code == 200


def test_file_conflicts_and_etag(client: Client) -> None:
    first = client.put("/me/drive/root:/a.txt:/content", data=b"one").json()
    fail = client.put(
        "/me/drive/root:/A.txt:/content?@microsoft.graph.conflictBehavior=fail", data=b"two"
    )
    assert fail.status_code == 409
    renamed = client.put(
        "/me/drive/root:/a.txt:/content?@microsoft.graph.conflictBehavior=rename", data=b"x"
    )
    assert renamed.json()["name"] == "a 1.txt"
    replaced = client.put("/me/drive/root:/a.txt:/content", data=b"three")
    assert replaced.status_code == 200
    assert replaced.json()["id"] == first["id"] and replaced.json()["size"] == 5
    assert replaced.json()["eTag"] != first["eTag"]


@pytest.mark.parametrize(
    "name",
    [
        "a:b.txt",
        'q"uote.txt',
        "CON.txt",
        "desktop.ini",
        "~$draft.docx",
        "trailing.",
        " lead.txt",
        "x_vti_y.txt",
    ],
)
def test_names_onedrive_refuses(client: Client, name: str) -> None:
    r = client.post(f"/me/drive/items/root:/{quote(name)}:/createUploadSession", json={})
    assert r.status_code == 400, (name, r.text)
    assert r.json()["error"]["code"] == "invalidRequest"
    assert client.put(f"/me/drive/root:/{name}:/content", data=b"x").status_code == 400


def test_path_over_400_characters(client: Client) -> None:
    folder = "f" * 200
    client.mkdir(folder)
    # personal/jane_smith_sandbox_police_uk/Documents/ + folder + '/' + name > 400
    r = client.put(f"/me/drive/root:/{folder}/{'n' * 160}.txt:/content", data=b"x")
    assert r.status_code == 400
    assert r.json()["error"]["innerError"]["code"] == "pathIsTooLong"
    assert (
        client.put(f"/me/drive/root:/{folder}/{'n' * 100}.txt:/content", data=b"x").status_code
        == 201
    )


def test_delete(client: Client) -> None:
    client.mkdir("Gone")
    client.put("/me/drive/root:/Gone/x.bin:/content", data=b"12345")
    assert client.get("/me/drive").json()["quota"]["used"] == 5
    assert client.delete("/me/drive/root:/Gone").status_code == 204
    assert client.get("/me/drive/root:/Gone/x.bin").status_code == 404
    assert client.get("/me/drive").json()["quota"]["used"] == 0


def test_scopes_are_checked(sandbox: Sandbox) -> None:
    only_profile = Client(sandbox, scopes=["User.Read"])
    assert only_profile.get("/me").status_code == 200
    denied = only_profile.get("/me/drive")
    assert denied.status_code == 403 and denied.json()["error"]["code"] == "accessDenied"
    read_only = Client(sandbox, scopes=["User.Read", "Files.Read"])
    assert read_only.get("/me/drive/root/children").status_code == 200
    assert read_only.put("/me/drive/root:/x.txt:/content", data=b"x").status_code == 403


def test_quota_exceeded(make_sandbox) -> None:  # type: ignore[no-untyped-def]
    client = Client(make_sandbox(quota_bytes=1000))
    assert client.put("/me/drive/root:/ok.bin:/content", data=b"x" * 600).status_code == 201
    full = client.put("/me/drive/root:/big.bin:/content", data=b"x" * 600)
    assert full.status_code == 507 and full.json()["error"]["code"] == "quotaLimitReached"
    r = client.session("big2.bin")
    too_big = client.fragment(r.json()["uploadUrl"], b"y" * 500, 0, 500)
    assert too_big.status_code == 507
    drive = client.get("/me/drive").json()["quota"]
    assert drive["used"] == 600 and drive["remaining"] == 400


def test_locked_items(sandbox: Sandbox, client: Client) -> None:
    client.put("/me/drive/root:/open.docx:/content", data=b"v1")
    sandbox.set_locked(client.upn, "open.docx")
    r = client.put("/me/drive/root:/open.docx:/content", data=b"v2")
    assert r.status_code == 423 and r.json()["error"]["code"] == "resourceLocked"
    assert client.delete("/me/drive/root:/open.docx").status_code == 423
    assert client.session("open.docx").status_code == 423
    sandbox.set_locked(client.upn, "open.docx", False)
    assert client.put("/me/drive/root:/open.docx:/content", data=b"v2").status_code == 200


def test_users_have_separate_drives(sandbox: Sandbox) -> None:
    jane, tom = Client(sandbox, sandbox.users[0].upn), Client(sandbox, sandbox.users[1].upn)
    jane.put("/me/drive/root:/mine.txt:/content", data=b"j")
    assert tom.get("/me/drive/root:/mine.txt").status_code == 404
    item = jane.get("/me/drive/root:/mine.txt").json()
    assert tom.get(f"/me/drive/items/{item['id']}").status_code == 404
    assert [e["path"] for e in sandbox.state.tree(jane.upn)] == ["mine.txt"]


def test_patch_dates_rename_and_move(sandbox: Sandbox, client: Client) -> None:
    empty = client.put("/me/drive/root:/empty.txt:/content", data=b"").json()
    dates = {
        "createdDateTime": "2018-01-02T03:04:05Z",
        "lastModifiedDateTime": "2019-02-03T04:05:06Z",
    }
    patched = client.call("PATCH", f"/me/drive/items/{empty['id']}", json={"fileSystemInfo": dates})
    assert patched.status_code == 200
    assert patched.json()["fileSystemInfo"] == dates and patched.json()["eTag"] != empty["eTag"]
    bad = client.call(
        "PATCH",
        f"/me/drive/items/{empty['id']}",
        json={"fileSystemInfo": {"lastModifiedDateTime": "yesterday"}},
    )
    assert bad.status_code == 400
    folder = client.mkdir("Archive")
    moved = client.call(
        "PATCH",
        f"/me/drive/items/{empty['id']}",
        json={"name": "kept.txt", "parentReference": {"id": folder["id"]}},
    )
    assert moved.status_code == 200
    assert moved.json()["parentReference"]["path"] == "/drive/root:/Archive"
    assert client.get("/me/drive/root:/empty.txt").status_code == 404
    assert client.get("/me/drive/root:/Archive/kept.txt").json()["id"] == empty["id"]
    client.put("/me/drive/root:/Archive/other.txt:/content", data=b"o")
    clash = client.call("PATCH", f"/me/drive/items/{empty['id']}", json={"name": "OTHER.txt"})
    assert clash.status_code == 409
    into_itself = client.call(
        "PATCH", f"/me/drive/items/{folder['id']}", json={"parentReference": {"id": folder["id"]}}
    )
    assert into_itself.status_code == 400
    assert (
        sandbox.state.files(client.upn)["Archive/kept.txt"]["lastModifiedDateTime"]
        == dates["lastModifiedDateTime"]
    )
