#!/usr/bin/env bash
# Browser tests of the demo web app: headless Chromium (Debian's chromium + chromium-driver)
# driven by Selenium (from PyPI, in a venv) through register → inbox → verify → login → profile
# → enable MFA → logout → MFA login → change password → custom object → the admin page (role
# guard) → logout.
# Screenshots of every page go to Tools/.build/web-screenshots/. Not part of `make test` or CI:
# run it with `make test-web`.
#
# Environment: SWIFT (default swift), SCRATCH_PATH (the Tools build folder, default Tools/.build).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
tools="$root/Tools"
scratch="${SCRATCH_PATH:-$tools/.build}"
swift="${SWIFT:-swift}"
screenshots="$tools/.build/web-screenshots"
venv="$tools/.build/web-tests-venv"

# 1. Chromium and its WebDriver, from Debian.
if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ]; then
    echo "Installing Debian packages: chromium chromium-driver"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium chromium-driver >/dev/null
  else
    echo "Missing chromium and chromium-driver. Install them with: sudo apt-get install chromium chromium-driver" >&2
    exit 1
  fi
fi

# 2. Selenium in a venv.
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import selenium" >/dev/null 2>&1; then
  echo "Creating $venv with selenium"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check selenium
fi

# 3. The app, on a free port, with its in-process emulator.
"$swift" build --package-path "$tools" --scratch-path "$scratch" --product lr-demo-web
binary="$("$swift" build --package-path "$tools" --scratch-path "$scratch" --show-bin-path)/lr-demo-web"
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
log="$(mktemp)"
env -u LOGINRADIUS_API_KEY -u LOGINRADIUS_API_SECRET "$binary" --port "$port" >"$log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -f "$log"' EXIT

for _ in $(seq 1 100); do
  grep -q "^lr-demo-web: http" "$log" && break
  kill -0 "$server" 2>/dev/null || { cat "$log"; echo "lr-demo-web exited" >&2; exit 1; }
  sleep 0.2
done
app_url="$(grep -o '^lr-demo-web: http[^ ]*' "$log" | sed 's/^lr-demo-web: //')"
inbox_url="$(grep -o 'inbox: http[^)]*' "$log" | sed 's/^inbox: //')"
[ -n "$app_url" ] && [ -n "$inbox_url" ] || { cat "$log"; echo "could not read the app's address" >&2; exit 1; }
echo "App: $app_url  Inbox: $inbox_url"

# 4. The journey in headless Chromium.
mkdir -p "$screenshots"
APP_URL="$app_url" INBOX_URL="$inbox_url" SCREENSHOT_DIR="$screenshots" \
  "$venv/bin/python" "$tools/Scripts/web-tests/journey.py"
