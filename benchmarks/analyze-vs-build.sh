#!/usr/bin/env bash
# `sargable analyze` against `dotnet build` on the generated 500-file EF Core project (target: analyze <= 1.5x build).
# Both run on the same restored copy outside the repository, one after the other, RUNS times each; prints the medians
# and their ratio. The build is forced to recompile (--no-incremental) since analyze always compiles.
set -euo pipefail
cd "$(dirname "$0")/.."

runs="${RUNS:-3}"
work="$(mktemp -d "${TMPDIR:-/tmp}/sargable-analyze-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT

dotnet build runtime/Sargable.Cli -c Release -warnaserror -nologo -v quiet
dotnet run -c Release --project benchmarks/Sargable.Benchmarks -- write-generated-project "$work/Generated"
dotnet restore "$work/Generated/Generated.csproj" -nologo -v quiet
dotnet build "$work/Generated/Generated.csproj" --no-restore -nologo -v quiet >/dev/null   # warm the build server once

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
seconds() { local start end; start=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; end=$(date +%s.%N); echo "$end - $start" | bc; }

builds=(); analyses=()
for _ in $(seq "$runs"); do
  builds+=("$(seconds dotnet build "$work/Generated/Generated.csproj" --no-restore --no-incremental -nologo -v quiet)")
  analyses+=("$(seconds dotnet runtime/Sargable.Cli/bin/Release/net10.0/sargable.dll analyze "$work/Generated" --no-restore --format json)")
done

build=$(printf '%s\n' "${builds[@]}" | median)
analyze=$(printf '%s\n' "${analyses[@]}" | median)
echo "dotnet build (no-incremental): ${builds[*]} s; median $build s"
echo "sargable analyze:              ${analyses[*]} s; median $analyze s"
echo "ratio analyze/build: $(echo "scale=2; $analyze / $build" | bc)"
