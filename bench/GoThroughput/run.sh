#!/usr/bin/env bash
# The neutral throughput comparison: a raw HttpClient (the floor), the same through IHttpClientFactory with the
# standard resilience handler (the resilient floor), Baidu's Go SDK and BccExtensions, each calling ListInstances on one
# loopback server that answers Baidu's published page, at concurrency 1, 8 and 64, in one run; then one call in a
# fresh process for each. The server is nginx (Debian's nginx-light, one worker) when installed, whose cost per
# request is small and the same for every client; SERVER=kestrel uses bench/BccExtensions.Benchmarks serve instead.
# Prints per client: calls per second, client CPU per call, bytes allocated, lock contentions, context switches and
# thread-pool work items per call (.NET), server CPU per call.
# Needs Go (Debian's golang-go) and a copy of github.com/baidubce/bce-sdk-go:
#   bash bench/GoThroughput/run.sh <path to bce-sdk-go> [seconds per measurement, default 10]
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
if [ "${SERVER:-nginx}" = nginx ] && command -v nginx >/dev/null 2>&1; then
  cp "$bench/bin/Release/net10.0/list-instances.json" "$work/page.json"
  chmod 755 "$work"; chmod 644 "$work/page.json"   # nginx's worker drops root
  cat > "$work/nginx.conf" <<CONF
worker_processes 1;
daemon off;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 4096; }
http {
    access_log off;
    keepalive_requests 100000000;
    server {
        listen 127.0.0.1:$port;
        location / {
            root $work;
            default_type "application/json;charset=UTF-8";
            add_header x-bce-request-id c0ffee00-0000-4000-8000-000000000001;
            try_files /page.json =404;
        }
    }
}
CONF
  nginx -c "$work/nginx.conf" &
  server=$!
  for _ in $(seq 1 40); do [ -s "$work/nginx.pid" ] && pgrep -P "$(cat "$work/nginx.pid")" >/dev/null && break; sleep 0.25; done
  server_pid="$(pgrep -P "$(cat "$work/nginx.pid")" | head -1)"   # the worker
  echo "server: $(nginx -v 2>&1), one worker"
else
  "$bin" serve "$port" > "$work/server.log" 2>&1 &
  server=$!
  for _ in $(seq 1 60); do grep -q "serving" "$work/server.log" 2>/dev/null && break; sleep 0.5; done
  server_pid=$server
  echo "server: Kestrel (bench/BccExtensions.Benchmarks serve)"
fi
endpoint="http://127.0.0.1:$port"
ak=AKIDEXAMPLE0123456789abcdef
sk=SKEXAMPLE0123456789abcdefSKEXAMPLE
ticks() { awk '{print $14 + $15}' "/proc/$server_pid/stat"; }   # the server's CPU, in clock ticks
hz="$(getconf CLK_TCK)"

measure() {   # measure <command...>: runs the command, then prints its line and the server's CPU per call
  local before after line calls
  before="$(ticks)"
  line="$("$@")"
  after="$(ticks)"
  calls="$(sed -n 's/.*calls=\([0-9]*\).*/\1/p' <<<"$line")"
  echo "$line server-cpu/call=$(( (after - before) * 1000000 / hz / calls ))us"
}

for concurrency in 1 8 64; do
  "$work/gothroughput" "127.0.0.1:$port" "$ak" "$sk" "$concurrency" 3 >/dev/null   # warm-up; the .NET runs warm up themselves, until the JIT is idle
  for kind in raw resilient go bcc; do
    if [ "$kind" = go ]; then
      measure "$work/gothroughput" "127.0.0.1:$port" "$ak" "$sk" "$concurrency" "$seconds"
    else
      measure "$bin" load "$kind" "$endpoint" "$concurrency" "$seconds"
    fi
  done
done

# Native AOT: bench/BccExtensions.FirstCall (the same one call) and its floor, bench/FirstCallFloor (the call written by
# hand with IHttpClientFactory and the standard resilience handler), published for linux-x64; needs clang.
aot=""
if command -v clang >/dev/null 2>&1 \
  && dotnet publish "$here/../BccExtensions.FirstCall" -c Release -r linux-x64 -p:PublishAot=true -o "$work/aot" >"$work/aot.log" 2>&1 \
  && dotnet publish "$here/../FirstCallFloor" -c Release -r linux-x64 -p:PublishAot=true -o "$work/aot-floor" >>"$work/aot.log" 2>&1; then
  aot="$work/aot/BccExtensions.FirstCall"
else
  echo "Native AOT: not measured (needs clang; see the publish log)"
fi

echo "one call in a fresh process (wall time of the whole process, 10 rounds, one run of each per round, sorted):"
kinds=(resilient go bcc)
[ -n "$aot" ] && kinds+=(aot-floor aot)
declare -A times
for _ in $(seq 1 10); do
  for kind in "${kinds[@]}"; do
    start="$EPOCHREALTIME"
    case "$kind" in
      go) "$work/gothroughput" "127.0.0.1:$port" "$ak" "$sk" 1 0 ;;
      aot) "$aot" "$endpoint" "$ak" "$sk" >/dev/null ;;
      aot-floor) "$work/aot-floor/FirstCallFloor" "$endpoint" "$ak" "$sk" >/dev/null ;;
      *) "$bin" first "$kind" "$endpoint" ;;
    esac
    end="$EPOCHREALTIME"
    times[$kind]+="$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.1f", (e - s) * 1000 }') "
  done
done
for kind in "${kinds[@]}"; do
  echo "first $kind: $(tr ' ' '\n' <<<"${times[$kind]}" | grep . | sort -n | tr '\n' ' ')ms"
done
