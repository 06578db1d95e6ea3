"""A local stand-in for Entra ID sign-in and OneDrive over HTTPS, with fault injection.

Used by `--sandbox` training and demo mode, the tests and the benchmarks. Imports only
`app.core` (QuickXorHash, naming rules), never the client code it tests.

Run one by hand (floor-walkers, demos, out-of-process tests):

    migration-assistant sandbox serve [--faults rate=0.05,kinds=429|503|reset]
        [--latency 40] [--bandwidth 200] [--limits] [--state DIR]

In Python (tests: the `sandbox` and `make_sandbox` fixtures in tests/sandbox_fixtures.py):

    with Sandbox(SandboxConfig(state_dir=tmp)).start() as sb:
        sb.authority, sb.graph_url, sb.ca_path, sb.client_id, sb.users
        sb.state.tree(upn); sb.state.open_sessions(upn); sb.state.request_log()
        sb.faults.script(["429:5", "reset"]); sb.issue_token(upn)

Modules: server (Sandbox, SandboxConfig, dispatch), handler (threaded HTTPS server),
identity / device_code / oauth / jwt / signin_page (the authority), graph_items /
upload_sessions / drive_ops / items_json (OneDrive), store (SQLite + files on disk),
faults, limits, state (test hooks), admin (/_admin for other processes), certs
(the sandbox's own CA), statelock (one sandbox per state folder), users.
"""
