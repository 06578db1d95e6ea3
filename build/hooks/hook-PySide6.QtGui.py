# Our override of PyInstaller's QtGui hook (build/hooks is first on the spec's hookspath):
# the same collection, less the plugins a desktop app never uses (the list, and why, is
# QT_PLUGINS_UNUSED in build/contents.py, which the spec puts on sys.path). Dropping them
# here, before the analysis, also leaves out the libraries only they need.
from contents import keeps_qt_plugin
from PyInstaller.utils.hooks.qt import add_qt6_dependencies

hiddenimports, binaries, datas = add_qt6_dependencies(__file__)

binaries = [entry for entry in binaries if keeps_qt_plugin(entry[0])]
