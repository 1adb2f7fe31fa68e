#!/usr/bin/env bash
# Chromium for the browser tests (test/e2e/). Run as root on a Debian machine:
# installs Debian's chromium package (and the fonts screenshots need) when
# /usr/bin/chromium is missing. Safe to run again; prints nothing on stdout.
set -euo pipefail

say() { echo "chromium-setup: $*" >&2; }

if [ -x /usr/bin/chromium ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  say "run me as root (I install Debian's chromium package)"
  exit 2
fi

say "installing chromium from Debian packages"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
apt-get install -y -qq chromium fonts-liberation fonts-dejavu-core >/dev/null
if [ ! -x /usr/bin/chromium ]; then
  say "the chromium package did not install /usr/bin/chromium"
  exit 1
fi
say "$(/usr/bin/chromium --version 2>/dev/null || echo chromium installed)"
