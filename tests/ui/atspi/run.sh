#!/usr/bin/env bash
# What a screen reader sees, on the real Linux accessibility bus (AT-SPI), under Xvfb:
# every push button's name, and the announcements the wizard sends.
#   apt-get install -y xvfb at-spi2-core python3-pyatspi
#   xvfb-run -a -s "-screen 0 1280x900x24" dbus-run-session -- bash tests/ui/atspi/run.sh
# Not part of pytest: it needs Debian's own python3 with pyatspi, not the virtualenv.
here="$(cd "$(dirname "$0")" && pwd)"
/usr/libexec/at-spi-bus-launcher --launch-immediately &
sleep 1
export QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1 QT_QPA_PLATFORM=xcb
export MIGRATION_ASSISTANT_HOME="$(mktemp -d)"
"$here/../../../.venv/bin/python" "$here/probe_app.py" &
/usr/bin/python3 "$here/probe_client.py"
wait %2
