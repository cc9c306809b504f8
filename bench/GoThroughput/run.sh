#!/usr/bin/env bash
# Baidu's Go SDK and BccExtensions calling ListInstances on one loopback server (bench/BccExtensions.Benchmarks
# serve: Baidu's published page, one instance), one after the other, at concurrency 1 and 8, after a warm-up each.
# Needs Go (1.19 or later) and a copy of github.com/baidubce/bce-sdk-go: bash bench/GoThroughput/run.sh <path to bce-sdk-go> [seconds]
set -euo pipefail
sdk="$(cd "${1:?usage: run.sh <path to a bce-sdk-go checkout> [seconds]}" && pwd)"
seconds="${2:-10}"
here="$(cd "$(dirname "$0")" && pwd)"
bench="$here/../BccExtensions.Benchmarks"
work="$(mktemp -d)"
trap 'kill "${server:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT
cp "$here/main.go" "$work/"
(cd "$work" && go mod init gothroughput >/dev/null 2>&1 \
  && go mod edit -require=github.com/baidubce/bce-sdk-go@v0.0.0 -replace=github.com/baidubce/bce-sdk-go="$sdk" \
  && GOFLAGS=-mod=mod GOPROXY=off go build -o gothroughput .)
dotnet build -c Release "$bench" >/dev/null
bin="$bench/bin/Release/net10.0/BccExtensions.Benchmarks"
port=18090
"$bin" serve "$port" > "$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 60); do grep -q "serving" "$work/server.log" 2>/dev/null && break; sleep 0.5; done
endpoint="http://127.0.0.1:$port"
ak=AKIDEXAMPLE0123456789abcdef
sk=SKEXAMPLE0123456789abcdefSKEXAMPLE
for concurrency in 1 8; do
  "$work/gothroughput" "127.0.0.1:$port" "$ak" "$sk" "$concurrency" 3 >/dev/null   # warm-up
  "$work/gothroughput" "127.0.0.1:$port" "$ak" "$sk" "$concurrency" "$seconds"
  "$bin" load "$endpoint" "$concurrency" "$seconds"   # warms up 3 s itself, then measures
done
