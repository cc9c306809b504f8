#!/usr/bin/env bash
# Runs flow.py (Baidu's Python SDK: a BCC lifecycle, then every other method of its BccClient) against a fresh
# tools/BccEmulator.Host. Needs Debian's python3 with python3-six, python3-future and python3-pycryptodome, and a copy
# of github.com/baidubce/bce-sdk-python: bash tools/PySdkFlow/run.sh <path to bce-sdk-python>
set -euo pipefail
sdk="$(cd "${1:?usage: run.sh <path to a bce-sdk-python checkout>}" && pwd)"
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'kill "${emulator:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT
source "$here/../BccEmulator.Host/start.sh"
/usr/bin/python3 "$here/flow.py" "$sdk" "$endpoint" "$ak" "$sk" "$here/covered.txt"
