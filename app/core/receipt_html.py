"""The receipt as an accessible HTML page (screen readers first, as the guidance report).

Real headings (h1, then h2 per outcome) to jump between; every table has a <caption> and
<th scope> headers; the page declares its language; outcomes are said in words, never by
colour; no script. `max_rows` shortens each table for the window's view (the full file
lists every file); what needs a person comes first. With the retention policy's texts
(`rule_texts(policy)`) the reasons are the policy's titles in the page's language, and a
file that cannot be moved says what to do (the rule's explanation); without them, the
English titles the journal recorded.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from html import escape

from app.core.guidance import LocalText, text_for
from app.core.policy import Policy
from app.core.receipt import Receipt
from app.core.receipt_labels import LABELS, OUTCOME_LABELS, OUTCOME_ORDER, language_of
from app.core.receipt_summary import Outcome, ReceiptLine
from app.core.reports import human_size, iso_utc

_STYLE = """
body { font-family: system-ui, sans-serif; line-height: 1.5; margin: 1.5rem; max-width: 90rem; }
table { border-collapse: collapse; margin: 0 0 1.5rem 0; }
caption { text-align: left; font-weight: bold; padding: 0.25rem 0; }
th, td { border: 1px solid #555; padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; }
td.number { text-align: right; }
"""

Column = tuple[str, Callable[[ReceiptLine], str]]
RuleTexts = Mapping[str, tuple[LocalText, LocalText]]  # rule id -> (title, explanation)


def rule_texts(policy: Policy) -> dict[str, tuple[LocalText, LocalText]]:
    """Each rule's title and explanation (every language), by rule id."""
    return {rule.id: (rule.title, rule.explanation) for rule in policy.rules}


def reason_titles(line: ReceiptLine, rules: RuleTexts | None, language: str) -> str:
    """The reasons behind a file's guidance: the policy's titles in `language` when known,
    else the (English) titles the journal recorded."""
    rules = rules or {}
    return "; ".join(
        text_for(rules[rule][0], language) if rule in rules else title
        for rule, title in line.reasons
    )


def what_to_do(line: ReceiptLine, rules: RuleTexts | None, language: str) -> str:
    """For a file that cannot be moved: its rules' explanations (what to do instead)."""
    rules = rules or {}
    return " ".join(text_for(rules[rule][1], language) for rule, _ in line.reasons if rule in rules)


def _columns(
    outcome: Outcome,
    label: dict[str, str],
    with_labels: bool,
    rules: RuleTexts | None,
    lang: str,
) -> list[Column]:
    """The columns each outcome's table needs (the first is the row header)."""

    def reasons(line: ReceiptLine) -> str:
        return reason_titles(line, rules, lang)

    def choice(line: ReceiptLine) -> str:
        return label["overridden"] if line.overridden else label["guided"]

    path: Column = (label["path"], lambda line: line.rel_path)
    size: Column = (label["size"], lambda line: human_size(line.size))
    columns: list[Column]
    if outcome in (Outcome.MOVED, Outcome.ALREADY_THERE):
        columns = [
            path,
            (label["onedrive_path"], lambda line: line.destination),
            size,
            (label["hash"], lambda line: line.quick_xor_hash),
        ]
        if with_labels:
            columns.append(
                (label["label"], lambda line: line.retention_label or line.label_problem)
            )
    elif outcome is Outcome.DISCARDED:
        columns = [path, size, (label["reason"], reasons), (label["your_choice"], choice)]
    elif outcome is Outcome.CANNOT_MOVE:
        columns = [path, size, (label["reason"], reasons)]
        if rules:
            columns.append((label["action"], lambda line: what_to_do(line, rules, lang)))
    elif outcome is Outcome.FAILED:
        columns = [
            path,
            size,
            (label["problem"], lambda line: line.problem),
            (label["action"], lambda line: line.action),
        ]
    else:
        columns = [path, size, (label["action"], lambda _line: label["continue"])]
    return columns


def _history(line: ReceiptLine, outcomes: dict[Outcome, str], run_word: str) -> str:
    if len(line.history) < 2:
        return ""
    return "; ".join(f"{run_word} {run}: {outcomes[outcome]}" for run, outcome in line.history)


def receipt_html(
    receipt: Receipt,
    language: str = "en",
    *,
    max_rows: int | None = None,
    extra: Sequence[str] = (),
    rules: RuleTexts | None = None,
) -> str:
    """The whole page. `extra`: paragraphs to add at the end (e.g. what was deleted);
    `rules`: the retention policy's texts (`rule_texts`)."""
    lang = language_of(language)
    label = LABELS[lang]
    outcomes = OUTCOME_LABELS[lang]
    parts: list[str] = []
    w = parts.append

    def table(caption: str, headers: list[str], rows: list[list[str]], numbers: int = 0) -> None:
        w(f"<table><caption>{escape(caption)}</caption><thead><tr>")
        w("".join(f'<th scope="col">{escape(h)}</th>' for h in headers))
        w("</tr></thead><tbody>\n")
        for cells in rows:
            w(f'<tr><th scope="row">{escape(cells[0])}</th>')
            for index, cell in enumerate(cells[1:], start=1):
                css = ' class="number"' if index <= numbers else ""
                w(f"<td{css}>{escape(cell)}</td>")
            w("</tr>\n")
        w("</tbody></table>\n")

    w(f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n')
    w('<meta name="viewport" content="width=device-width, initial-scale=1">\n')
    w(f"<title>{escape(label['title'])}</title>\n<style>{_STYLE}</style>\n</head>\n<body>\n")
    w(f"<main>\n<h1>{escape(label['title'])}</h1>\n")
    if receipt.practice:
        w(f"<p><strong>{escape(label['practice'])}</strong></p>\n")
    w("<dl>")
    for key, value in (
        ("account", receipt.account),
        ("source", receipt.source_root),
        ("destination", receipt.destination or "/"),
        ("generated", iso_utc(receipt.generated)),
    ):
        w(f"<dt>{escape(label[key])}</dt><dd>{escape(value)}</dd>")
    w("</dl>\n")

    w(f"<h2>{escape(label['runs'])}</h2>\n")
    run_rows = [
        [
            f"{label['run']} {run.id}",
            iso_utc(run.started),
            iso_utc(run.finished) if run.finished else label["not_finished"],
        ]
        for run in receipt.runs
    ]
    table(label["runs"], [label["run"], label["started"], label["finished"]], run_rows)

    w(f"<h2>{escape(label['totals'])}</h2>\n")
    present = [o for o in OUTCOME_ORDER if receipt.count(o)]
    total_rows = [
        [outcomes[o], f"{receipt.count(o):,}", human_size(receipt.bytes(o))] for o in present
    ]
    total_rows.append(
        [label["total"], f"{len(receipt.lines):,}", human_size(sum(x.size for x in receipt.lines))]
    )
    renamed = receipt.renamed
    if renamed:
        total_rows.append([label["renamed"], f"{len(renamed):,}", ""])
    table(label["totals"], [label["outcome"], label["files"], label["size"]], total_rows, 1)

    with_labels = any(line.retention_label or line.label_problem for line in receipt.lines)
    for outcome in present:
        lines = receipt.of(outcome)
        w(f"<h2>{escape(outcomes[outcome])} ({len(lines):,})</h2>\n")
        columns = _columns(outcome, label, with_labels, rules, lang)
        headers = [name for name, _ in columns] + [label["history"], label["notes"]]
        shown = lines if max_rows is None else lines[:max_rows]
        rows = [
            [get(line) for _, get in columns]
            + [_history(line, outcomes, label["run"]), "; ".join(line.notes)]
            for line in shown
        ]
        table(outcomes[outcome], headers, rows)
        if len(shown) < len(lines):
            w(f"<p>{escape(label['more'].format(n=f'{len(lines) - len(shown):,}'))}</p>\n")
    if renamed:
        w(f"<h2>{escape(label['renamed'])} ({len(renamed):,})</h2>\n")
        shown = renamed if max_rows is None else renamed[:max_rows]
        rows = [[line.old_name, line.new_name, line.rel_path, line.destination] for line in shown]
        headers = [label["old_name"], label["new_name"], label["path"], label["onedrive_path"]]
        table(label["renamed"], headers, rows)
        if len(shown) < len(renamed):
            w(f"<p>{escape(label['more'].format(n=f'{len(renamed) - len(shown):,}'))}</p>\n")
    for paragraph in extra:
        w(f"<p>{escape(paragraph)}</p>\n")
    w("</main>\n</body>\n</html>\n")
    return "".join(parts)
