#!/usr/bin/env bash
# Coverage-guided fuzzing of ConflictExtractor.Extract with SharpFuzz in AFL mode (afl++ from Debian).
#   scripts/fuzz.sh [SECONDS]      # default 3600; findings go to artifacts/fuzz/findings
#   scripts/fuzz.sh replay DIR     # re-run saved inputs in-process and print stacks
# Needs: the .NET SDK, root for apt-get (afl++), the SharpFuzz.CommandLine dotnet tool (installed here).
# Why AFL mode: the libFuzzer driver for SharpFuzz (libfuzzer-dotnet) is not a package; afl++ is.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
OUT=$ROOT/artifacts/fuzz
BIN=$OUT/bin
mkdir -p "$OUT"
publish() {
  rm -rf "$BIN"
  dotnet publish fuzz/ConflictExtract.Fuzz -c Release -o "$BIN" -nologo -v q
  command -v sharpfuzz >/dev/null || dotnet tool install -g SharpFuzz.CommandLine --version 2.3.0
  export PATH="$PATH:$HOME/.dotnet/tools"
  # Instrument only the library under test (Recognizers and the BCL stay uninstrumented).
  sharpfuzz "$BIN/ConflictExtract.dll"
}
if [ "${1:-}" = "replay" ]; then
  dotnet publish fuzz/ConflictExtract.Fuzz -c Release -o "$OUT/replay-bin" -nologo -v q
  dotnet "$OUT/replay-bin/ConflictExtract.Fuzz.dll" --replay "${@:2}"
  exit $?
fi
SECONDS_TO_RUN=${1:-3600}
command -v afl-fuzz >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq afl++; }
export PATH="$PATH:$HOME/.dotnet/tools"
publish
export AFL_SKIP_BIN_CHECK=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_UI=1 AFL_NO_AFFINITY=1
# Resume when a previous run left findings ("-i -" continues the queue).
IN=fuzz/seeds
[ -d "$OUT/findings/default/queue" ] && IN=-
exec afl-fuzz -V "$SECONDS_TO_RUN" -i "$IN" -o "$OUT/findings" -t 10000 -m none -x fuzz/conflict.dict \
  -- dotnet "$BIN/ConflictExtract.Fuzz.dll"
