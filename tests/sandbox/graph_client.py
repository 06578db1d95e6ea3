"""A tiny Graph client for the sandbox's protocol tests (verify= on every request).

Deliberately not app.m365: these tests check the sandbox against Microsoft's documented
behaviour, independently of the app's own client.
"""

from __future__ import annotations

from typing import Any

import requests

from app.sandbox.server import Sandbox

FRAG = 320 * 1024


class Client:
    def __init__(self, sb: Sandbox, upn: str | None = None, scopes: list[str] | None = None):
        self.sb = sb
        self.upn = upn or sb.users[0].upn
        self.ca = str(sb.ca_path)
        self.http = requests.Session()
        self.token = sb.issue_token(self.upn, scopes)

    def url(self, path: str) -> str:
        return path if path.startswith("https://") else self.sb.graph_url + path

    def call(
        self, method: str, path: str, *, auth: bool = True, **kwargs: Any
    ) -> requests.Response:
        headers = dict(kwargs.pop("headers", {}) or {})
        if auth:
            headers["Authorization"] = f"Bearer {self.token}"
        return self.http.request(
            method, self.url(path), headers=headers, verify=self.ca, timeout=30, **kwargs
        )

    def get(self, path: str, **kw: Any) -> requests.Response:
        return self.call("GET", path, **kw)

    def post(self, path: str, **kw: Any) -> requests.Response:
        return self.call("POST", path, **kw)

    def put(self, path: str, **kw: Any) -> requests.Response:
        return self.call("PUT", path, **kw)

    def delete(self, path: str, **kw: Any) -> requests.Response:
        return self.call("DELETE", path, **kw)

    def mkdir(self, name: str, parent: str = "/me/drive/root", **body: Any) -> dict[str, Any]:
        r = self.post(f"{parent}/children", json={"name": name, "folder": {}, **body})
        assert r.status_code == 201, r.text
        return dict(r.json())

    def session(self, path: str, **item: Any) -> requests.Response:
        return self.post(f"/me/drive/root:/{path}:/createUploadSession", json={"item": item})

    def fragment(
        self, upload_url: str, data: bytes, start: int, total: int, **kw: Any
    ) -> requests.Response:
        end = start + len(data) - 1
        headers = {"Content-Range": f"bytes {start}-{end}/{total}", **kw.pop("headers", {})}
        return self.call("PUT", upload_url, auth=False, data=data, headers=headers, **kw)

    def upload(self, path: str, data: bytes, frag: int = FRAG, **item: Any) -> requests.Response:
        r = self.session(path, **item)
        assert r.status_code == 200, r.text
        url = r.json()["uploadUrl"]
        start = 0
        while True:
            chunk = data[start : start + frag]
            r = self.fragment(url, chunk, start, len(data))
            start += len(chunk)
            if start >= len(data) or r.status_code != 202:
                return r
