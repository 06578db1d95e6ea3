"""Settings layers, bad files and organisation-only values."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from app.settings import load_settings


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_when_no_files(tmp_path: Path) -> None:
    loaded = load_settings(
        organisation_file=tmp_path / "none.toml", user_file=tmp_path / "nouser.toml", environ={}
    )
    assert loaded.problems == []
    assert loaded.settings.onedrive.destination_folder == "H drive"
    assert loaded.settings.upload.fragment_mib == 10


def test_layers_in_order(tmp_path: Path) -> None:
    org = write(tmp_path / "org.toml", "[upload]\nconcurrency_max = 4\nfragment_mib = 20\n")
    user = write(tmp_path / "user.toml", "[upload]\nconcurrency_max = 3\n")
    loaded = load_settings(
        organisation_file=org,
        user_file=user,
        environ={"MIGRATION_ASSISTANT_UPLOAD__FRAGMENT_MIB": "30"},
        overrides=["upload.concurrency_max=2"],
    )
    assert loaded.problems == []
    assert loaded.settings.upload.fragment_mib == 30  # environment over organisation
    assert loaded.settings.upload.concurrency_max == 2  # command line over user


def test_user_file_cannot_set_organisation_values(tmp_path: Path) -> None:
    org = write(tmp_path / "org.toml", '[identity]\ntenant = "contoso"\n')
    user = write(tmp_path / "user.toml", '\n[identity]\ntenant = "elsewhere"\n')
    loaded = load_settings(organisation_file=org, user_file=user, environ={})
    assert loaded.settings.identity.tenant == "contoso"
    [problem] = loaded.problems
    assert problem.key == "identity.tenant" and problem.line == 3
    assert str(user) in str(problem)


def test_broken_toml_names_file_and_line_and_keeps_other_layers(tmp_path: Path) -> None:
    org = write(tmp_path / "org.toml", "[upload]\nfragment_mib = 5\n")
    user = write(tmp_path / "user.toml", "[upload]\nconcurrency_max = = 3\n")
    loaded = load_settings(organisation_file=org, user_file=user, environ={})
    assert loaded.settings.upload.fragment_mib == 5
    [problem] = loaded.problems
    assert problem.source == str(user) and problem.line == 2


def test_invalid_values_use_default_with_key(tmp_path: Path) -> None:
    org = write(
        tmp_path / "org.toml",
        '[upload]\nfragment_mib = 500\nconcurrency_max = "many"\n'
        '[identity]\nowner_mismatch = "shrug"\n',
    )
    loaded = load_settings(organisation_file=org, user_file=tmp_path / "u.toml", environ={})
    keys = {p.key: p.line for p in loaded.problems}
    assert keys == {
        "upload.fragment_mib": 2,
        "upload.concurrency_max": 3,
        "identity.owner_mismatch": 5,
    }
    assert loaded.settings.upload.fragment_mib == 10
    assert loaded.settings.identity.owner_mismatch == "warn"


def test_unreadable_file_is_reported(tmp_path: Path) -> None:
    org = tmp_path / "org.toml"
    org.write_bytes(b"\xff\xfe\x00garbage")
    loaded = load_settings(organisation_file=org, user_file=tmp_path / "u.toml", environ={})
    assert loaded.problems and loaded.problems[0].source == str(org)


@given(st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=200))
def test_any_text_never_raises(text: str) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "org.toml"
        path.write_text(text, encoding="utf-8")
        loaded = load_settings(organisation_file=path, user_file=Path(folder) / "u", environ={})
        assert loaded.settings is not None


def test_environment_and_command_line_cannot_set_organisation_values(tmp_path: Path) -> None:
    org = write(tmp_path / "org.toml", '[policy]\nfile = "/etc/force-policy.toml"\n')
    loaded = load_settings(
        organisation_file=org,
        user_file=tmp_path / "u.toml",
        environ={"MIGRATION_ASSISTANT_POLICY__FILE": "/tmp/mine.toml"},
        overrides=["identity.tenant=elsewhere", "upload.concurrency_max=3"],
    )
    assert loaded.settings.policy.file == "/etc/force-policy.toml"
    assert loaded.settings.identity.tenant == "organizations"
    assert loaded.settings.upload.concurrency_max == 3  # ordinary values still apply
    assert {(p.source, p.key) for p in loaded.problems} == {
        ("environment", "policy.file"),
        ("command line", "identity.tenant"),
    }


def test_token_addresses_must_be_https(tmp_path: Path) -> None:
    org = write(
        tmp_path / "org.toml",
        '[identity]\nauthority_host = "http://login.example"\n'
        '[onedrive]\ngraph_url = "https://graph.example/v1.0"\n',
    )
    loaded = load_settings(organisation_file=org, user_file=tmp_path / "u.toml", environ={})
    assert loaded.settings.identity.authority_host == "https://login.microsoftonline.com"
    assert loaded.settings.onedrive.graph_url == "https://graph.example/v1.0"
    [problem] = loaded.problems
    assert problem.key == "identity.authority_host" and "https" in problem.message
