#!/usr/bin/env bash
# Records the requests Baidu's SDKs send for every BCC method into tests/TestData/SdkDialect, for SdkDialectTests.
# Needs Go (1.19 or later: Debian's golang-go), Debian's python3 with python3-pycryptodome, python3-future and python3-six
# (PYTHON=/usr/bin/python3 when another python3 comes first on PATH), and
# copies of github.com/baidubce/bce-sdk-go and github.com/baidubce/bce-sdk-python:
#   bash tools/SdkDialect/record.sh <path to bce-sdk-go> <path to bce-sdk-python>
# A copy without a .git folder may carry its commit in a file named .commit.
set -euo pipefail
go_sdk="$(cd "${1:?usage: record.sh <bce-sdk-go> <bce-sdk-python>}" && pwd)"
python_sdk="$(cd "${2:?usage: record.sh <bce-sdk-go> <bce-sdk-python>}" && pwd)"
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/../../tests/TestData/SdkDialect"
commit() { git -C "$1" rev-parse HEAD 2>/dev/null || cat "$1/.commit"; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$here/main.go" "$work/"
(
  cd "$work"
  go mod init sdkdialect >/dev/null 2>&1
  go mod edit -require=github.com/baidubce/bce-sdk-go@v0.0.0 -replace=github.com/baidubce/bce-sdk-go="$go_sdk"
  GOFLAGS=-mod=mod GOPROXY=off go build -o sdkdialect .
  ./sdkdialect "$out/bce-sdk-go.json" "$(commit "$go_sdk")" >/dev/null
)
PYTHONPATH="$python_sdk" "${PYTHON:-python3}" "$here/record.py" "$out/bce-sdk-python.json" "$(commit "$python_sdk")"
echo "recorded into $out"
