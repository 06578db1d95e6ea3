"""The receipt's words in English and Welsh (the HTML and CSV writers' only text).

Kept in core, as the guidance report's are (report_html), because the command line
writes and uploads the receipt too, without Qt's translations. An unknown language
falls back to English.
"""

from __future__ import annotations

from app.core.receipt_summary import Outcome

LABELS: dict[str, dict[str, str]] = {
    "en": {
        "title": "H: drive migration receipt",
        "practice": "Practice run: the files went to the practice OneDrive on this computer, "
        "not to Microsoft 365.",
        "account": "Account",
        "source": "H: drive folder",
        "destination": "OneDrive folder",
        "generated": "Receipt written",
        "runs": "Runs",
        "run": "Run",
        "started": "Started",
        "finished": "Finished",
        "not_finished": "Not finished",
        "totals": "Totals",
        "outcome": "Outcome",
        "files": "Files",
        "size": "Size",
        "path": "Path on the H: drive",
        "onedrive_path": "Path in OneDrive",
        "hash": "QuickXorHash (checked)",
        "label": "Retention label",
        "old_name": "Old name",
        "new_name": "New name",
        "renamed": "Renamed for OneDrive",
        "reason": "Reason",
        "your_choice": "Your choice",
        "guided": "As guided",
        "overridden": "You chose this against the guidance",
        "problem": "What went wrong",
        "action": "What to do",
        "continue": "Continue the migration to finish it.",
        "history": "History",
        "notes": "Notes",
        "none": "None.",
        "more": "{n} more are listed in the full receipt.",
        "total": "Total",
    },
    "cy": {
        "title": "Derbynneb mudo gyriant H:",
        "practice": "Rhediad ymarfer: aeth y ffeiliau i'r OneDrive ymarfer ar y cyfrifiadur hwn, "
        "nid i Microsoft 365.",
        "account": "Cyfrif",
        "source": "Ffolder y gyriant H:",
        "destination": "Ffolder OneDrive",
        "generated": "Derbynneb wedi'i hysgrifennu",
        "runs": "Rhediadau",
        "run": "Rhediad",
        "started": "Dechreuwyd",
        "finished": "Gorffennwyd",
        "not_finished": "Heb orffen",
        "totals": "Cyfansymiau",
        "outcome": "Canlyniad",
        "files": "Ffeiliau",
        "size": "Maint",
        "path": "Llwybr ar y gyriant H:",
        "onedrive_path": "Llwybr yn OneDrive",
        "hash": "QuickXorHash (wedi'i wirio)",
        "label": "Label cadw",
        "old_name": "Hen enw",
        "new_name": "Enw newydd",
        "renamed": "Ailenwyd ar gyfer OneDrive",
        "reason": "Rheswm",
        "your_choice": "Eich dewis",
        "guided": "Yn ôl y canllaw",
        "overridden": "Fe wnaethoch ddewis hyn yn groes i'r canllaw",
        "problem": "Beth aeth o'i le",
        "action": "Beth i'w wneud",
        "continue": "Parhewch â'r mudo i'w orffen.",
        "history": "Hanes",
        "notes": "Nodiadau",
        "none": "Dim.",
        "more": "Mae {n} arall wedi'u rhestru yn y dderbynneb lawn.",
        "total": "Cyfanswm",
    },
}

OUTCOME_LABELS: dict[str, dict[Outcome, str]] = {
    "en": {
        Outcome.MOVED: "Moved to OneDrive and checked",
        Outcome.ALREADY_THERE: "Already in OneDrive with the same content",
        Outcome.DISCARDED: "Left on the H: drive (discard)",
        Outcome.CANNOT_MOVE: "Cannot be moved to OneDrive",
        Outcome.FAILED: "Could not be moved: needs attention",
        Outcome.NOT_YET: "Not moved yet",
    },
    "cy": {
        Outcome.MOVED: "Symudwyd i OneDrive a'i wirio",
        Outcome.ALREADY_THERE: "Eisoes yn OneDrive gyda'r un cynnwys",
        Outcome.DISCARDED: "Gadawyd ar y gyriant H: (gwaredu)",
        Outcome.CANNOT_MOVE: "Methu ei symud i OneDrive",
        Outcome.FAILED: "Methu ei symud: angen sylw",
        Outcome.NOT_YET: "Heb ei symud eto",
    },
}

# The order the receipt tells things in: what needs a person first.
OUTCOME_ORDER = (
    Outcome.FAILED,
    Outcome.NOT_YET,
    Outcome.CANNOT_MOVE,
    Outcome.DISCARDED,
    Outcome.MOVED,
    Outcome.ALREADY_THERE,
)


def language_of(language: str) -> str:
    """'cy_GB' -> 'cy'; anything without labels -> 'en'."""
    base = language.replace("-", "_").split("_")[0].lower()
    return base if base in LABELS else "en"
