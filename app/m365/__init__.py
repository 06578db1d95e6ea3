"""Microsoft 365: MSAL sign-in, encrypted token cache, Graph client, upload engine.

Imports only `app.core` (and the stdlib and third-party clients); never Qt.
"""
