# Our override of PyInstaller's QtGui hook (build/hooks is first on the spec's hookspath):
# the same collection, less the platform plugins a desktop app never uses. Dropping them
# here, before the analysis, also leaves out the libraries only they need (the GTK theme
# alone brings GTK, Cairo and Pango, ~15 MB).
from PyInstaller.utils.hooks.qt import add_qt6_dependencies

hiddenimports, binaries, datas = add_qt6_dependencies(__file__)

# Embedded-device and remote platforms (eglfs, linuxfb, vnc, vkkhrdisplay, minimalegl) and
# their helpers, and the GTK platform theme. Kept: windows, cocoa, xcb, wayland, offscreen
# (the self-test and CI), minimal, the XDG portal theme, input methods, image formats.
_UNUSED = (
    "platforms/libqeglfs",
    "platforms/libqlinuxfb",
    "platforms/libqvnc",
    "platforms/libqvkkhrdisplay",
    "platforms/libqminimalegl",
    "platformthemes/libqgtk3",
    "egldeviceintegrations/",
    "generic/",
)


def _used(source: str) -> bool:
    path = source.replace("\\", "/")
    return not any(f"/plugins/{name}" in path for name in _UNUSED)


binaries = [entry for entry in binaries if _used(entry[0])]
