"""Out-of-process use: `migration-assistant sandbox serve` and the key-guarded admin API."""

from __future__ import annotations

import base64
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import requests
from graph_client import Client

from app.sandbox.admin import KEY_HEADER
from app.sandbox.server import Sandbox, read_admin_file


def test_admin_endpoint(sandbox: Sandbox) -> None:
    info = read_admin_file(sandbox.state_dir)
    assert oct(os.stat(sandbox.state_dir / "admin.json").st_mode & 0o777) == "0o600"
    ca = info["ca_path"]
    denied = requests.get(
        info["url"] + "/log", headers={KEY_HEADER: "wrong"}, verify=ca, timeout=10
    )
    assert denied.status_code == 403
    key = {KEY_HEADER: info["key"]}
    upn = sandbox.users[0].upn
    token = requests.post(
        info["url"] + "/token", json={"upn": upn}, headers=key, verify=ca, timeout=10
    ).json()["access_token"]
    client = Client(sandbox)
    client.token = token
    client.put("/me/drive/root:/a.txt:/content", data=b"a")
    tree = requests.get(
        info["url"] + "/tree", params={"upn": upn}, headers=key, verify=ca, timeout=10
    ).json()
    assert [e["path"] for e in tree] == ["a.txt"]
    requests.post(
        info["url"] + "/faults", json={"script": ["503"]}, headers=key, verify=ca, timeout=10
    )
    assert client.get("/me").status_code == 503
    changed = requests.post(
        info["url"] + "/change",
        json={"upn": upn, "path": "a.txt", "content_b64": base64.b64encode(b"edited").decode()},
        headers=key,
        verify=ca,
        timeout=10,
    )
    assert changed.status_code == 200
    assert sandbox.state.read_file(upn, "a.txt") == b"edited"
    log = requests.get(info["url"] + "/log", headers=key, verify=ca, timeout=10).json()
    text = json.dumps(log)
    assert token not in text and "token=" not in text  # no credential is ever logged


def test_serve_command(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "app",
            "sandbox",
            "serve",
            "--state",
            str(tmp_path),
            "--faults",
            "rate=0",
            "--token-lifetime",
            "60",
        ],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
        cwd=Path(__file__).parents[2],
    )
    try:
        lines = []
        assert proc.stdout is not None
        for line in proc.stdout:
            lines.append(line)
            if line.startswith("Press Ctrl+C"):
                break
        text = "".join(lines)
        authority = next(ln.split()[-1] for ln in lines if "authority:" in ln)
        assert "jane.smith@sandbox.police.uk" in text and "client id:" in text
        r = requests.get(
            authority + "/v2.0/.well-known/openid-configuration",
            verify=str(tmp_path / "ca.pem"),
            timeout=10,
        )
        assert r.json()["token_endpoint"].startswith(authority)
    finally:
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=20) == 0
