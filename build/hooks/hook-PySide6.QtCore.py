# Our override of PyInstaller's QtCore hook (build/hooks is first on the spec's hookspath):
# the same collection, with Qt's own translations limited to qtbase_*.qm, the catalogue
# app/ui/app.py loads. The qt_*.qm files only point at the catalogues of Qt modules we
# leave out (Qt Quick, Multimedia, ...).
from pathlib import Path

from PyInstaller.utils.hooks.qt import add_qt6_dependencies

hiddenimports, binaries, datas = add_qt6_dependencies(__file__)


def _used(source: str) -> bool:
    path = Path(source)
    return path.suffix != ".qm" or path.name.startswith("qtbase_")


datas = [entry for entry in datas if _used(entry[0])]
