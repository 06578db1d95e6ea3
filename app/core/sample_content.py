"""File contents for the sample H: drive: plausible bytes for each kind of file, from a seed.

Office files are real ZIP packages with the parts Word, Excel and PowerPoint expect; PDFs
have a real header, page and trailer; photos, music, video, Outlook data files, shortcuts
and installers start with their format's signature. None needs to open: they need to look
right to a scan, to the retention rules and to a person browsing the folder. The same
(kind, size, seed) always gives the same bytes.
"""

from __future__ import annotations

import io
import random
import zipfile
from collections.abc import Mapping, Sequence

import numpy as np

# Typical sizes (bytes) when the recipe gives none.
DEFAULT_SIZES: dict[str, tuple[int, int]] = {
    "docx": (12_000, 60_000),
    "dotx": (20_000, 40_000),
    "xlsx": (9_000, 40_000),
    "pptx": (60_000, 250_000),
    "pdf": (30_000, 200_000),
    "doc": (20_000, 80_000),
    "msg": (10_000, 40_000),
    "jpg": (60_000, 250_000),
    "mp3": (300_000, 900_000),
    "mp4": (1_000_000, 2_000_000),
    "mov": (1_000_000, 2_000_000),
    "pst": (1_000_000, 2_000_000),
    "zip": (100_000, 400_000),
    "exe": (200_000, 900_000),
    "msi": (300_000, 900_000),
    "lnk": (1_200, 2_400),
    "db": (8_000, 40_000),
    "tmp": (500, 30_000),
}
_TEXT_SIZE = (300, 4_000)

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Compound File: .doc, .xls, .msg, .msi, Thumbs.db
_SIGNATURES: dict[str, bytes] = {
    "jpg": b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x48\x00\x48\x00\x00",
    "png": b"\x89PNG\r\n\x1a\n",
    "mp3": b"ID3\x03\x00\x00\x00\x00\x00\x00\xff\xfb\x90\x64",
    "mp4": b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom",
    "mov": b"\x00\x00\x00\x14ftypqt  \x00\x00\x00\x00qt  ",
    "pst": b"!BDN",
    "lnk": b"L\x00\x00\x00\x01\x14\x02\x00\x00\x00\x00\x00\xc0\x00\x00\x00\x00\x00\x00F",
    "exe": b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00"
    + b"\x00" * 44
    + b"This program cannot be run in DOS mode.\r\r\n$",
    "doc": _OLE,
    "xls": _OLE,
    "msg": _OLE,
    "msi": _OLE,
    "db": _OLE,
}
_TRAILERS = {"jpg": b"\xff\xd9"}

_OFFICE_MAIN = {
    "docx": (
        "word/document.xml",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    ),
    "dotx": (
        "word/document.xml",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    ),
    "xlsx": (
        "xl/workbook.xml",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
    ),
    "pptx": (
        "ppt/presentation.xml",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml",
    ),
}
_MEDIA = {
    "docx": "word/media/image1.jpeg",
    "dotx": "word/media/image1.jpeg",
    "xlsx": "xl/media/image1.jpeg",
    "pptx": "ppt/media/image1.jpeg",
}

_FIXED_TEXT = {
    "desktop.ini": "[.ShellClassInfo]\r\nIconResource=C:\\Windows\\System32\\imageres.dll,-3\r\n",
    "url": "[InternetShortcut]\r\nURL=https://intranet.example.police.uk/\r\n",
}


def _noise(rng: random.Random, size: int) -> bytes:
    """Incompressible filler, like the compressed data in real photos and media.

    numpy's PCG64 is about fifteen times faster than `random.randbytes` and its stream
    for a given seed is stable across platforms and numpy versions.
    """
    return np.random.default_rng(rng.getrandbits(64)).bytes(size)


def sentences(
    rng: random.Random, templates: Sequence[str], words: Mapping[str, Sequence[str]], count: int
) -> list[str]:
    """`count` sentences from the recipe's templates with its words filled in."""
    fields = {name: "" for name in words}
    out = []
    for _ in range(count):
        for name, values in words.items():
            fields[name] = rng.choice(values)
        out.append(rng.choice(templates).format(**fields))
    return out


def _xml_escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _office(kind: str, body: list[str], padding: bytes) -> bytes:
    main, content_type = _OFFICE_MAIN[kind]
    paragraphs = "".join(f"<w:p><w:r><w:t>{_xml_escape(line)}</w:t></w:r></w:p>" for line in body)
    parts = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://'
            'schemas.openxmlformats.org/package/2006/content-types"><Default Extension="jpeg" '
            f'ContentType="image/jpeg"/><Override PartName="/{main}" '
            f'ContentType="{content_type}"/></Types>'
        ),
        "_rels/.rels": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns='
            '"http://schemas.openxmlformats.org/package/2006/relationships"><Relationship '
            'Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            f'relationships/officeDocument" Target="{main}"/></Relationships>'
        ),
        main: (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w='
            '"http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
            f"{paragraphs}</w:body></w:document>"
        ),
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        for name, text in parts.items():
            # A fixed timestamp keeps the bytes identical from one run to the next.
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            package.writestr(info, text.encode("utf-8"))
        if padding:
            info = zipfile.ZipInfo(_MEDIA[kind], date_time=(1980, 1, 1, 0, 0, 0))
            package.writestr(info, _SIGNATURES["jpg"] + padding + _TRAILERS["jpg"])
    return buffer.getvalue()


def _pdf(body: list[str], padding: bytes) -> bytes:
    lines = " ".join(
        "(" + line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ") Tj T*"
        for line in body
    )
    page = f"BT /F1 11 Tf 14 TL 72 770 Td {lines} ET".encode("latin-1", "replace")
    return b"".join(
        [
            b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n",
            b"1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n",
            b"2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n",
            b"3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
            b" /Resources << /XObject << /Im1 5 0 R >> >> >>\nendobj\n",
            b"4 0 obj\n<< /Length %d >>\nstream\n" % len(page) + page + b"\nendstream\nendobj\n",
            b"5 0 obj\n<< /Type /XObject /Subtype /Image /Filter /DCTDecode /Length %d >>\n"
            % len(padding),
            b"stream\n" + padding + b"\nendstream\nendobj\n",
            b"trailer\n<< /Root 1 0 R >>\n%%EOF\n",
        ]
    )


def _zip(rng: random.Random, size: int) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for number in range(1, 4):
            info = zipfile.ZipInfo(f"IMG_{number:04}.jpg", date_time=(1980, 1, 1, 0, 0, 0))
            archive.writestr(info, _SIGNATURES["jpg"] + _noise(rng, size // 3))
    return buffer.getvalue()


def default_size(kind: str, rng: random.Random) -> int:
    low, high = DEFAULT_SIZES.get(kind, _TEXT_SIZE)
    return rng.randint(low, high)


def make_content(
    name: str,
    size: int,
    rng: random.Random,
    templates: Sequence[str],
    words: Mapping[str, Sequence[str]],
) -> bytes:
    """Bytes for a file called `name` of about `size` bytes (exact for binary kinds)."""
    kind = name.rpartition(".")[2].lower() if "." in name else ""
    if name.lower() == "desktop.ini" or kind == "url":
        return _FIXED_TEXT.get(name.lower(), _FIXED_TEXT["url"]).encode("ascii")
    if kind == "lock":
        return b""
    body = sentences(rng, templates, words, rng.randint(3, 12))
    if kind in _OFFICE_MAIN:
        return _office(kind, body, _noise(rng, max(0, size - 3_000)))
    if kind == "pdf":
        return _pdf(body, _noise(rng, max(0, size - 1_500)))
    if kind == "zip":
        return _zip(rng, size)
    signature = _SIGNATURES.get(kind)
    if signature is not None or kind == "tmp":
        head = signature or b""
        tail = _TRAILERS.get(kind, b"")
        return head + _noise(rng, max(0, size - len(head) - len(tail))) + tail
    # Text of some kind (.txt, .log, .htm, .csv): sentences up to the size.
    text = "\r\n".join(body)
    while len(text) < size:
        text += "\r\n" + "\r\n".join(sentences(rng, templates, words, 8))
    text = text[:size]
    if kind in {"htm", "html"}:
        text = f"<html><body><p>{_xml_escape(text)}</p></body></html>"
    return text.encode("utf-8")
