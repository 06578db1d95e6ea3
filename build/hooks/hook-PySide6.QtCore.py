# Our override of PyInstaller's QtCore hook (build/hooks is first on the spec's hookspath):
# the same collection, with Qt's own translations limited to qtbase_*.qm, the catalogue
# app/ui/app.py loads (the decision lives in build/contents.py, which the spec puts on
# sys.path).
from contents import keeps_qt_translation
from PyInstaller.utils.hooks.qt import add_qt6_dependencies

hiddenimports, binaries, datas = add_qt6_dependencies(__file__)

datas = [entry for entry in datas if keeps_qt_translation(entry[0])]
