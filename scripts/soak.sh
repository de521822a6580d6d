#!/usr/bin/env bash
# Soak test: 100,000 generated documents through ExtractMany; prints a CSV memory curve every 10,000.
#   scripts/soak.sh [--docs N] [--every K] [--threads T]     (output also saved to artifacts/soak/soak.csv)
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p artifacts/soak
dotnet build tools/soak -c Release -nologo -v q -o artifacts/soak/bin
dotnet artifacts/soak/bin/ConflictExtract.Soak.dll "$@" | tee artifacts/soak/soak.csv
