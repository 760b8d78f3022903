#!/usr/bin/env bash
# Debian packages the tests need: Chromium + ChromeDriver (view tests) and a CJK font (plots).
# Java 17 and Maven (Neo4j launcher) are expected on the machine; we only check for them.
set -euo pipefail
missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v chromedriver >/dev/null || missing+=(chromium-driver)
fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || missing+=(fonts-noto-cjk)
if ((${#missing[@]})); then
  if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
  echo "installing Debian packages: ${missing[*]}" >&2
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi
for tool in java mvn; do
  command -v "$tool" >/dev/null || echo "warning: $tool not found; the Neo4j tests need Java 17 and Maven" >&2
done
