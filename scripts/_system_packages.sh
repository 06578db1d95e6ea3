# Sourced by scripts/test: the Debian packages the tests need outside the virtualenv.
# Xvfb and Qt's xcb platform libraries (a real window), the Linux accessibility bus
# (at-spi2-core, dbus) and pyatspi for Debian's own python3 (the screen-reader client in
# tests/ui/atspi). Installs what is missing when run as root; otherwise stops and says
# what to install. Never skipped silently: a missing bus would hide accessibility failures.
SYSTEM_PACKAGES=(
    xvfb xauth dbus dbus-bin at-spi2-core python3 python3-gi python3-pyatspi
    libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0
    libxcb-xinerama0 libxcb-xkb1 libxkbcommon-x11-0 libegl1 libgl1 libfontconfig1
    libdbus-1-3 fonts-dejavu-core
    binutils  # the build trims Qt's ICU data with readelf, as and ld (tests/build)
)

missing_system_packages() {
    local package
    for package in "${SYSTEM_PACKAGES[@]}"; do
        if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed"; then
            echo "$package"
        fi
    done
}

ensure_system_packages() {
    if ! command -v dpkg-query >/dev/null 2>&1; then
        echo "The UI and screen-reader tests need Debian or Ubuntu packages (dpkg not found):" >&2
        echo "  ${SYSTEM_PACKAGES[*]}" >&2
        return 1
    fi
    local missing
    missing="$(missing_system_packages | tr '\n' ' ')"
    [ -z "$missing" ] && return 0
    if [ "$(id -u)" -eq 0 ]; then
        echo "Installing system packages for the UI tests: $missing" >&2
        apt-get update -qq
        # shellcheck disable=SC2086  # one word per package
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing
    else
        echo "Missing system packages for the UI and screen-reader tests: $missing" >&2
        echo "Install them (as root):  apt-get update && apt-get install -y $missing" >&2
        return 1
    fi
}

ensure_system_packages
