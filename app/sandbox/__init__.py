"""A local stand-in for Entra ID sign-in and OneDrive over HTTPS, with fault injection.

Used by `--sandbox` training and demo mode, the tests and the benchmarks. Imports only
`app.core` (QuickXorHash, naming rules), never the client code it tests.
"""
