"""The sandbox's sign-in and device-code pages: small, accessible HTML forms.

Each officer is a button (a screen reader reads "Sign in as Jane Smith,
jane.smith@..., button"). Nothing here is styled beyond legibility: it is a training
stand-in, not Microsoft's page.
"""

from __future__ import annotations

from html import escape

from app.sandbox.users import SandboxUser

_PAGE = """<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>{title}</title>
<style>body{{font-family:sans-serif;font-size:1.1rem;max-width:36rem;margin:2rem auto;}}
button{{display:block;width:100%;margin:.5rem 0;padding:.75rem;font-size:1.1rem;}}
:focus{{outline:3px solid #1a5fb4;}} .error{{color:#a51d2d;}}</style></head>
<body><main>
<h1>{title}</h1>
{body}
</main></body></html>
"""


def _user_buttons(users: list[SandboxUser], focus_first: bool = False) -> str:
    return "\n".join(
        f'<button type="submit" name="upn" value="{escape(u.upn)}"'
        + (" autofocus" if focus_first and n == 0 else "")
        + f">Sign in as {escape(u.name)} <span>({escape(u.upn)})</span></button>"
        for n, u in enumerate(users)
    )


def sign_in_page(
    action: str, flow_id: str, users: list[SandboxUser], scopes: str, focus_first: bool = False
) -> str:
    body = (
        "<p>This is the training sandbox, not Microsoft 365. Choose who you are.</p>\n"
        f"<p>The app asks for: {escape(scopes)}.</p>\n"
        f'<form method="post" action="{escape(action)}" aria-label="Choose an account">\n'
        f'<input type="hidden" name="flow" value="{escape(flow_id)}">\n'
        f"{_user_buttons(users, focus_first)}\n"
        '<button type="submit" name="cancel" value="1">Cancel</button>\n</form>'
    )
    return _PAGE.format(title="Sign in to the sandbox", body=body)


def device_code_page(action: str, users: list[SandboxUser], message: str = "") -> str:
    error = f'<p class="error" role="alert">{escape(message)}</p>\n' if message else ""
    body = (
        f"{error}<p>Enter the code the app shows you, then choose who you are.</p>\n"
        f'<form method="post" action="{escape(action)}">\n'
        '<label for="code">Code</label>\n'
        '<input id="code" name="code" autocomplete="off" autocapitalize="characters" '
        'required aria-required="true">\n'
        f"{_user_buttons(users)}\n</form>"
    )
    return _PAGE.format(title="Enter your code", body=body)


def message_page(title: str, message: str) -> str:
    return _PAGE.format(title=escape(title), body=f"<p>{escape(message)}</p>")


def form_post_page(action: str, params: dict[str, str]) -> str:
    """OAuth form_post: the browser posts the code to the app's loopback listener."""
    fields = "\n".join(
        f'<input type="hidden" name="{escape(k)}" value="{escape(v)}">' for k, v in params.items()
    )
    body = (
        "<p>Signed in. Returning you to the app.</p>\n"
        f'<form method="post" action="{escape(action)}" id="reply">\n{fields}\n'
        '<noscript><button type="submit">Continue</button></noscript>\n</form>\n'
        "<script>document.getElementById('reply').submit();</script>"
    )
    return _PAGE.format(title="Signed in", body=body)
