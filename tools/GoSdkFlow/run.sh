#!/usr/bin/env bash
# Runs main.go (Baidu's Go SDK, a broad BCC flow) against a fresh tools/BccEmulator.Host.
# Needs Go (1.19 or later) and a copy of github.com/baidubce/bce-sdk-go: bash tools/GoSdkFlow/run.sh <path to bce-sdk-go>
set -euo pipefail
sdk="$(cd "${1:?usage: run.sh <path to a bce-sdk-go checkout>}" && pwd)"
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'kill "${emulator:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT
cp "$here"/*.go "$work/"
cd "$work"
go mod init gosdkflow >/dev/null 2>&1
go mod edit -require=github.com/baidubce/bce-sdk-go@v0.0.0 -replace=github.com/baidubce/bce-sdk-go="$sdk"
GOFLAGS=-mod=mod GOPROXY=off go build -o gosdkflow .
source "$here/../BccEmulator.Host/start.sh"
./gosdkflow "$endpoint" "$ak" "$sk" "$here/covered.txt"
