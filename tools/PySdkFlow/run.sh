#!/usr/bin/env bash
# Runs flow.py (Baidu's Python SDK: a BCC lifecycle, then every other method of its BccClient) against a fresh
# tools/BccEmulator.Host. Needs Debian's python3 with python3-six, python3-future and python3-pycryptodome, and a copy
# of github.com/baidubce/bce-sdk-python: bash tools/PySdkFlow/run.sh <path to bce-sdk-python>
set -euo pipefail
sdk="$(cd "${1:?usage: run.sh <path to a bce-sdk-python checkout>}" && pwd)"
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'kill "${emulator:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT
dotnet run --project "$here/../BccEmulator.Host" --framework net10.0 -- --port 0 > "$work/emulator.log" 2>&1 &
emulator=$!
for _ in $(seq 1 120); do grep -q "secret access key" "$work/emulator.log" 2>/dev/null && break; sleep 1; done
endpoint="$(sed -n 's|.*listening on http://\([^/]*\)/*$|\1|p' "$work/emulator.log")"
ak="$(sed -n 's/.*access key id: *//p' "$work/emulator.log")"
sk="$(sed -n 's/.*secret access key: *//p' "$work/emulator.log")"
/usr/bin/python3 "$here/flow.py" "$sdk" "$endpoint" "$ak" "$sk" "$here/covered.txt"
