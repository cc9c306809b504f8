# Sourced by the SDK flows (tools/GoSdkFlow/run.sh, tools/PySdkFlow/run.sh): starts a fresh emulator in "$work" (which
# the caller made and removes), waits for it, and sets endpoint (host:port), ak and sk; the caller's EXIT trap kills
# "$emulator".
dotnet run --project "$(dirname "${BASH_SOURCE[0]}")" --framework net10.0 -- --port 0 > "$work/emulator.log" 2>&1 &
emulator=$!
for _ in $(seq 1 120); do grep -q "secret access key" "$work/emulator.log" 2>/dev/null && break; sleep 1; done
endpoint="$(sed -n 's|.*listening on http://\([^/]*\)/*$|\1|p' "$work/emulator.log")"
ak="$(sed -n 's/.*access key id: *//p' "$work/emulator.log")"
sk="$(sed -n 's/.*secret access key: *//p' "$work/emulator.log")"
