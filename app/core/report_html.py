"""The HTML guidance report, written for screen readers first.

Real headings (h1 for the report, h2 per section) so a screen reader can jump between
them; every table has a <caption> and <th scope> headers; the page declares its
language; the guidance is always written in words, never shown by colour alone; and
nothing needs a script. English and Welsh labels; rule texts come from the policy.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING, Any, TextIO

from app.core.guidance import Action, Guidance, GuidanceReport, text_for

if TYPE_CHECKING:
    from app.core.reports import ReportSummary

_LABELS: dict[str, dict[str, str]] = {
    "en": {
        "title": "Retention guidance for your H: drive",
        "scanned": "Folder scanned",
        "policy": "Retention policy",
        "incomplete": "The scan was stopped before the end: this report is not complete.",
        "summary": "Summary",
        "by_action": "Files by guidance",
        "by_rule": "Files by reason (a file can have more than one reason)",
        "by_problem": "Items the scan could not read",
        "guidance": "Guidance",
        "reason": "Reason",
        "files": "Files",
        "size": "Size",
        "kind": "Problem",
        "count": "Items",
        "path": "Path",
        "modified": "Last changed",
        "why": "Why",
        "new_name": "New name in OneDrive",
        "may_override": "You may choose otherwise",
        "yes": "Yes",
        "no": "No",
        "problems": "Could not be read",
        "folders": "Folders OneDrive needs changed",
        "none": "None.",
        "total": "Total",
    },
    "cy": {
        "title": "Canllawiau cadw ar gyfer eich gyriant H:",
        "scanned": "Ffolder a sganiwyd",
        "policy": "Polisi cadw",
        "incomplete": "Cafodd y sgan ei atal cyn y diwedd: nid yw'r adroddiad hwn yn gyflawn.",
        "summary": "Crynodeb",
        "by_action": "Ffeiliau yn ôl canllaw",
        "by_rule": "Ffeiliau yn ôl rheswm (gall fod mwy nag un rheswm i ffeil)",
        "by_problem": "Eitemau nad oedd y sgan yn gallu eu darllen",
        "guidance": "Canllaw",
        "reason": "Rheswm",
        "files": "Ffeiliau",
        "size": "Maint",
        "kind": "Problem",
        "count": "Eitemau",
        "path": "Llwybr",
        "modified": "Newidiwyd ddiwethaf",
        "why": "Pam",
        "new_name": "Enw newydd yn OneDrive",
        "may_override": "Cewch ddewis yn wahanol",
        "yes": "Cewch",
        "no": "Na chewch",
        "problems": "Methu â'u darllen",
        "folders": "Ffolderi y mae angen i OneDrive eu newid",
        "none": "Dim.",
        "total": "Cyfanswm",
    },
}
ACTION_LABELS: dict[str, dict[Action, str]] = {
    "en": {
        Action.MOVE: "Move",
        Action.REVIEW: "Review",
        Action.DISCARD: "Discard",
        Action.CANNOT_MOVE: "Cannot move",
    },
    "cy": {
        Action.MOVE: "Symud",
        Action.REVIEW: "Adolygu",
        Action.DISCARD: "Gwaredu",
        Action.CANNOT_MOVE: "Methu symud",
    },
}
PROBLEM_LABELS: dict[str, dict[str, str]] = {
    "en": {
        "unreadable_folder": "Folder could not be read",
        "unreadable_file": "File could not be read",
        "invalid_name": "Name is not valid text",
        "vanished": "Gone before it could be read",
        "link": "Link or junction (not followed)",
    },
    "cy": {
        "unreadable_folder": "Methu darllen y ffolder",
        "unreadable_file": "Methu darllen y ffeil",
        "invalid_name": "Nid yw'r enw'n destun dilys",
        "vanished": "Wedi mynd cyn ei ddarllen",
        "link": "Dolen (heb ei dilyn)",
    },
}

_STYLE = """
body { font-family: system-ui, sans-serif; line-height: 1.5; margin: 1.5rem; max-width: 80rem; }
table { border-collapse: collapse; margin: 0 0 1.5rem 0; }
caption { text-align: left; font-weight: bold; padding: 0.25rem 0; }
th, td { border: 1px solid #555; padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; }
td.number { text-align: right; }
"""


def _lang(language: str) -> str:
    base = language.replace("-", "_").split("_")[0].lower()
    return base if base in _LABELS else "en"


def _reasons_html(guidance: Guidance, language: str) -> str:
    if not guidance.reasons:
        return ""
    items = []
    for reason in guidance.reasons:
        text = f"{text_for(reason.title, language)}: {text_for(reason.explanation, language)}"
        if reason.detail:
            text += f" ({reason.detail})"
        items.append(f"<li>{escape(text)}</li>")
    return "<ul>" + "".join(items) + "</ul>"


def write_html(
    report: GuidanceReport, summary: ReportSummary, out: TextIO, language: str = "en"
) -> None:
    from app.core.reports import ACTION_ORDER, human_size, rows

    lang = _lang(language)
    label = _LABELS[lang]
    actions = ACTION_LABELS[lang]
    w = out.write

    def table(caption: str, headers: list[str], body: list[list[Any]]) -> None:
        w(f"<table><caption>{escape(caption)}</caption><thead><tr>")
        w("".join(f'<th scope="col">{escape(h)}</th>' for h in headers))
        w("</tr></thead><tbody>")
        for cells in body:
            w(f'<tr><th scope="row">{escape(str(cells[0]))}</th>')
            for cell in cells[1:]:
                css = ' class="number"' if isinstance(cell, int) else ""
                text = f"{cell:,}" if isinstance(cell, int) else escape(str(cell))
                w(f"<td{css}>{text}</td>")
            w("</tr>")
        w("</tbody></table>\n")

    w(f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n')
    w('<meta name="viewport" content="width=device-width, initial-scale=1">\n')
    w(f"<title>{escape(label['title'])}</title>\n<style>{_STYLE}</style>\n</head>\n<body>\n")
    w(f"<main>\n<h1>{escape(label['title'])}</h1>\n<dl>")
    w(f"<dt>{escape(label['scanned'])}</dt><dd>{escape(summary.root)}</dd>")
    w(f"<dt>{escape(label['policy'])}</dt><dd>{escape(summary.policy_name)}</dd></dl>\n")
    if not summary.complete:
        w(f"<p><strong>{escape(label['incomplete'])}</strong></p>\n")

    w(f"<h2>{escape(label['summary'])}</h2>\n")
    action_rows: list[list[Any]] = [
        [actions[a], t.files, human_size(t.bytes)] for a, t in summary.by_action.items()
    ]
    action_rows.append([label["total"], summary.files, human_size(summary.bytes)])
    table(label["by_action"], [label["guidance"], label["files"], label["size"]], action_rows)
    rule_rows: list[list[Any]] = [
        [
            text_for(summary.rule_titles.get(rule, {"en": rule}), lang),
            actions[summary.rule_actions[rule]],
            t.files,
            human_size(t.bytes),
        ]
        for rule, t in summary.by_rule.items()
    ]
    headers = [label["reason"], label["guidance"], label["files"], label["size"]]
    table(label["by_rule"], headers, rule_rows)
    if summary.by_problem:
        problem_rows: list[list[Any]] = [
            [PROBLEM_LABELS[lang].get(kind.value, kind.value), n]
            for kind, n in summary.by_problem.items()
        ]
        table(label["by_problem"], [label["kind"], label["count"]], problem_rows)

    all_rows = list(rows(report))
    for title, chosen in (
        (label["problems"], [r for r in all_rows if r.item.startswith("problem:")]),
        (label["folders"], [r for r in all_rows if r.item == "folder"]),
    ):
        if chosen:
            w(f"<h2>{escape(title)}</h2>\n")
            _detail_table(w, label, actions, lang, title, chosen, with_size=False)
    for action in ACTION_ORDER:
        chosen = [r for r in all_rows if r.item == "file" and r.guidance.action is action]
        tally = summary.by_action[action]
        heading = f"{actions[action]} ({tally.files:,} {label['files'].lower()})"
        w(f"<h2>{escape(heading)}</h2>\n")
        if not chosen:
            w(f"<p>{escape(label['none'])}</p>\n")
            continue
        _detail_table(w, label, actions, lang, actions[action], chosen, with_size=True)
    w("</main>\n</body>\n</html>\n")


def _detail_table(
    w: Any,
    label: dict[str, str],
    actions: dict[Action, str],
    lang: str,
    caption: str,
    chosen: list[Any],
    *,
    with_size: bool,
) -> None:
    from app.core.reports import human_size

    headers = [label["path"], label["guidance"]]
    if with_size:
        headers += [label["size"], label["modified"]]
    headers += [label["why"], label["new_name"], label["may_override"]]
    w(f"<table><caption>{escape(caption)}</caption><thead><tr>")
    w("".join(f'<th scope="col">{escape(h)}</th>' for h in headers))
    w("</tr></thead><tbody>\n")
    for row in chosen:
        g = row.guidance
        w(f'<tr><th scope="row">{escape(row.path)}</th><td>{escape(actions[g.action])}</td>')
        if with_size:
            w(f'<td class="number">{escape(human_size(row.size or 0))}</td>')
            w(f"<td>{escape(row.modified)}</td>")
        w(f"<td>{_reasons_html(g, lang)}</td><td>{escape(g.new_name or '')}</td>")
        w(f"<td>{escape(label['yes'] if g.overridable else label['no'])}</td></tr>\n")
    w("</tbody></table>\n")
