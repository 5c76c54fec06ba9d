#!/usr/bin/env sh
# The end-to-end tests and the benchmark drive Debian's Chromium (Playwright cannot download its
# own browsers here). Install it from Debian's packages when it is missing.
set -eu
if [ -n "${CHROMIUM_PATH:-}" ] && [ -x "$CHROMIUM_PATH" ]; then exit 0; fi
if [ -x /usr/bin/chromium ] || [ -x /usr/bin/chromium-browser ]; then exit 0; fi
if ! command -v apt-get >/dev/null 2>&1; then
	echo "Chromium is missing: install it, or set CHROMIUM_PATH to a Chromium binary." >&2
	exit 1
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
	if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
		echo "Chromium is missing: run 'apt-get install chromium' as root, or set CHROMIUM_PATH." >&2
		exit 1
	fi
fi
echo "Installing Chromium from Debian's packages (once)..."
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends chromium >/dev/null
