#!/usr/bin/env bash
# Brings PublicAPI.Unshipped.txt of the shipped libraries in line with the code: adds what the build reports as
# undeclared public API (RS0016), drops what it reports as declared but gone (RS0017). Review the diff afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
for project in src/BccExtensions src/BccExtensions.Testing src/BccExtensions.Aspire src/BccExtensions.Aspire.Hosting; do
  log="$(dotnet build "$project" -c Release -p:ContinuousIntegrationBuild=true 2>&1 || true)"
  file="$project/PublicAPI.Unshipped.txt"
  added="$(grep "error RS0016" <<<"$log" | grep "$project/" | sed -E "s/.*Symbol '(.*)' is not part of the declared public API.*/\1/" || true)"
  gone="$(grep "error RS0017" <<<"$log" | grep "$project/" | sed -E "s/.*Symbol '(.*)' is part of the declared API.*/\1/" || true)"
  { echo '#nullable enable'; { grep -v '^#nullable' "$file" || true; printf '%s\n' "$added"; } | grep -vxF -f <(printf '%s\n' "$gone" | sed '/^$/d') | sed '/^$/d' | LC_ALL=C sort -u; } > "$file.new"
  mv "$file.new" "$file"
done
git diff --stat -- '*/PublicAPI.Unshipped.txt'
