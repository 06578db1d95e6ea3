"""The domain: scan, OneDrive rules, retention policy, plan, journal, QuickXorHash, receipts.

No Qt and no network here (see ../shared/DESIGN.md). Progress goes out through plain
callbacks and work stops through `threading.Event`s.
"""
