#!/usr/bin/env bash
# Packs the five packages (the two Aspire packages are packed and inspected, not installed), installs them from a local folder feed into a throwaway app outside the repository
# (.ci/package-smoke: trimmed, reflection-based JSON off, warnings as errors), publishes it, runs it against the packaged
# emulator and checks list, create and serialize; then installs the bcc-emulator tool from the same feed and runs it.
set -euo pipefail
cd "$(dirname "$0")/.."
work="$(mktemp -d)"
app_pid=""; tool_pid=""
trap 'kill $app_pid $tool_pid 2>/dev/null || true; rm -rf "$work"' EXIT

version="0.1.0-ci.$(date +%s)"
feed="$work/feed"
for project in src/BccExtensions src/BccExtensions.Aspire src/BccExtensions.Aspire.Hosting src/BccExtensions.Testing tools/BccEmulator.Host; do
  dotnet pack "$project" -c Release -o "$feed" -p:ContinuousIntegrationBuild=true -p:Version="$version" -warnaserror --nologo -v:q
done

# Each library package carries its appsettings schema and the targets that declare it.
for package in BccExtensions BccExtensions.Aspire; do
  contents="$(python3 -m zipfile -l "$feed/$package.$version.nupkg")"
  for entry in ConfigurationSchema.json "buildTransitive/$package.targets"; do
    grep -q "^$entry " <<<"$contents" || { echo "package smoke: $package.$version.nupkg lacks $entry" >&2; exit 1; }
  done
done

# The hosting package carries the emulator process for the app host's output folder, and depends on the library that
# process runs on, not on the tool package.
hosting="$feed/BccExtensions.Aspire.Hosting.$version.nupkg"
contents="$(python3 -m zipfile -l "$hosting")"
for entry in buildTransitive/BccEmulator.Host.dll buildTransitive/BccEmulator.Host.runtimeconfig.json buildTransitive/BccExtensions.Aspire.Hosting.targets; do
  grep -q "^$entry " <<<"$contents" || { echo "package smoke: $(basename "$hosting") lacks $entry" >&2; exit 1; }
done
nuspec="$(python3 -c 'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); print(z.read("BccExtensions.Aspire.Hosting.nuspec").decode())' "$hosting")"
grep -q 'id="BccExtensions.Testing"' <<<"$nuspec" || { echo "package smoke: the hosting package does not depend on BccExtensions.Testing" >&2; exit 1; }
if grep -q 'id="BccExtensions.Emulator"' <<<"$nuspec"; then echo "package smoke: the hosting package depends on the tool package" >&2; exit 1; fi

# Our packages come only from the folder; everything else from the usual source.
mkdir -p "$work/app"
cp .ci/package-smoke/PackageSmoke.csproj .ci/package-smoke/Program.cs "$work/app/"
cat > "$work/app/nuget.config" <<XML
<configuration>
  <packageSources><clear /><add key="local" value="$feed" /><add key="nuget.org" value="https://api.nuget.org/v3/index.json" /></packageSources>
  <packageSourceMapping>
    <packageSource key="local"><package pattern="BccExtensions*" /></packageSource>
    <packageSource key="nuget.org"><package pattern="*" /></packageSource>
  </packageSourceMapping>
</configuration>
XML
echo '<Project />' > "$work/app/Directory.Build.props"
echo '<Project />' > "$work/app/Directory.Packages.props"
export NUGET_PACKAGES="$work/packages"   # a fresh cache: nothing comes from an earlier build of the repository
dotnet publish "$work/app/PackageSmoke.csproj" -c Release -o "$work/out" -p:BccPackageVersion="$version" --nologo -v:q

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$work/out/PackageSmoke" --urls "http://127.0.0.1:$port" > "$work/app.log" 2>&1 &
app_pid=$!
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$port/instances" > /dev/null 2>&1 && break; sleep 0.5; done

fail() { echo "package smoke: $1" >&2; cat "$work/app.log" >&2; exit 1; }
listed="$(curl -sf "http://127.0.0.1:$port/instances")" || fail "GET /instances failed"
grep -q '"name":"smoke-1"' <<<"$listed" || fail "GET /instances did not list the seeded instance: $listed"
created="$(curl -sf -X POST "http://127.0.0.1:$port/instances/new")" || fail "POST /instances/new failed"
grep -q '"instanceIds":\["i-' <<<"$created" || fail "POST /instances/new answered $created"
own="$(curl -sf "http://127.0.0.1:$port/own")" || fail "GET /own failed"
[ "$(grep -o '"id":"i-' <<<"$own" | wc -l)" -eq 2 ] || fail "GET /own did not write both instances: $own"
echo "package smoke: trimmed app with reflection off listed, created and wrote instances through the packages"

dotnet tool install BccExtensions.Emulator --version "$version" --tool-path "$work/tool" --add-source "$feed" --ignore-failed-sources > /dev/null
"$work/tool/bcc-emulator" --port 0 > "$work/tool.log" 2>&1 &
tool_pid=$!
for _ in $(seq 1 60); do grep -q "listening on" "$work/tool.log" 2>/dev/null && break; sleep 0.5; done
grep -q "BCC emulator listening on http://127.0.0.1:" "$work/tool.log" || { cat "$work/tool.log" >&2; echo "package smoke: bcc-emulator did not start" >&2; exit 1; }
"$work/tool/bcc-emulator" --prot 9 > /dev/null 2>&1 && { echo "package smoke: bcc-emulator accepted --prot" >&2; exit 1; }
echo "package smoke: bcc-emulator installed as a tool and started"
