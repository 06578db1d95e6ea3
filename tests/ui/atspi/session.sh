#!/bin/sh
# One screen-reader session (run by test_atspi.py inside dbus-run-session and xvfb-run):
# the accessibility bus, the app (virtualenv python) and the AT-SPI client (Debian's
# python3 with pyatspi), talking through files in FOLDER.
#   session.sh VENV_PYTHON FOLDER
set -u
here="$(cd "$(dirname "$0")" && pwd)"
venv_python="$1"
folder="$2"
/usr/libexec/at-spi-bus-launcher --launch-immediately &
bus=$!
export QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1 QT_QPA_PLATFORM=xcb
"$venv_python" "$here/driver_app.py" "$folder" >"$folder/driver.log" 2>&1 &
app=$!
/usr/bin/python3 "$here/client.py" "$folder" >"$folder/client.log" 2>&1
client=$?
wait "$app"
driver=$?
kill "$bus" 2>/dev/null
echo "client=$client driver=$driver"
[ "$client" -eq 0 ] && [ "$driver" -eq 0 ]
