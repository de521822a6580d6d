#!/usr/bin/env bash
# Coverage-guided fuzzing with SharpFuzz in AFL mode (afl++ from Debian), two targets:
#   extract  ConflictExtractor.Extract on one document (seeds: fuzz/seeds)
#   jsonl    the command-line tool's JSONL reader, through CliApp.Run (seeds: fuzz/seeds-jsonl)
#
#   scripts/fuzz.sh [SECONDS] [TARGET]     # default 3600 extract; niced; AFL's output in artifacts/fuzz/TARGET
#   scripts/fuzz.sh keep TARGET            # copy the queue to fuzz/corpus/TARGET, crashes and hangs to fuzz/findings/TARGET
#   scripts/fuzz.sh replay TARGET DIR...   # re-run saved inputs in-process: failures with stacks, and the counters
#   scripts/fuzz.sh stats TARGET           # the harness's counters (Recognizers calls...) and afl's figures so far
# A run starts from fuzz/corpus/TARGET (the kept corpus) and the seeds, or resumes AFL's queue when one is left.
# Needs: the .NET SDK, root for apt-get (afl++), the SharpFuzz.CommandLine dotnet tool (installed here).
# Why AFL mode: the libFuzzer driver for SharpFuzz (libfuzzer-dotnet) is not a package; afl++ is.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
export PATH="$PATH:$HOME/.dotnet/tools"
seeds_of() { if [ "$1" = jsonl ]; then echo fuzz/seeds-jsonl; else echo fuzz/seeds; fi; }

case "${1:-}" in
  replay)
    TARGET=${2:?target}
    dotnet publish fuzz/ConflictExtract.Fuzz -c Release -o "$ROOT/artifacts/fuzz/replay-bin" -nologo -v q -p:SelfContained=false
    exec dotnet "$ROOT/artifacts/fuzz/replay-bin/ConflictExtract.Fuzz.dll" --replay "$TARGET" "${@:3}" ;;
  keep)
    TARGET=${2:?target}
    OUT=$ROOT/artifacts/fuzz/$TARGET/findings/default
    BIN=$ROOT/artifacts/fuzz/bin
    mkdir -p "fuzz/corpus/$TARGET" "fuzz/findings/$TARGET"
    # The queue minimized by afl-cmin (the inputs that keep its coverage), or the whole queue if that fails.
    CMIN=$ROOT/artifacts/fuzz/cmin-$TARGET
    rm -rf "$CMIN"
    if AFL_SKIP_BIN_CHECK=1 AFL_NO_AFFINITY=1 nice -n 19 afl-cmin -i "$OUT/queue" -o "$CMIN" -t 10000 -m none \
         -- "$(command -v dotnet)" "$BIN/ConflictExtract.Fuzz.dll" "$TARGET" >/dev/null 2>&1; then
      cp -n "$CMIN"/* "fuzz/corpus/$TARGET/"
    else
      cp -n "$OUT"/queue/id:* "fuzz/corpus/$TARGET/" 2>/dev/null || true
    fi
    for kind in crashes hangs; do
      ls "$OUT/$kind"/id:* >/dev/null 2>&1 && cp -n "$OUT/$kind"/id:* "fuzz/findings/$TARGET/" || true
    done
    # File names without ':' (portable checkouts).
    for f in fuzz/corpus/"$TARGET"/* fuzz/findings/"$TARGET"/*; do
      [ -e "$f" ] || continue
      n=$(basename "$f" | cut -d, -f1 | tr ':' '-'); [ "$n" = "$(basename "$f")" ] || mv -n "$f" "$(dirname "$f")/$n"
    done
    echo "kept $(ls "fuzz/corpus/$TARGET" | wc -l) corpus inputs, $(ls "fuzz/findings/$TARGET" | wc -l) findings" ;;
  stats)
    TARGET=${2:?target}
    cat "$ROOT/artifacts/fuzz/$TARGET"/stats.* 2>/dev/null || echo "no harness counters yet"
    grep -E "^(run_time|execs_done|execs_per_sec|corpus_count|bitmap_cvg|stability|saved_crashes|saved_hangs)" \
      "$ROOT/artifacts/fuzz/$TARGET/findings/default/fuzzer_stats" 2>/dev/null || true ;;
  *)
    SECONDS_TO_RUN=${1:-3600}
    TARGET=${2:-extract}
    OUT=$ROOT/artifacts/fuzz/$TARGET
    BIN=$ROOT/artifacts/fuzz/bin
    mkdir -p "$OUT"
    command -v afl-fuzz >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq afl++; }
    command -v sharpfuzz >/dev/null || dotnet tool install -g SharpFuzz.CommandLine --version 2.3.0
    if [ ! -f "$BIN/.instrumented" ]; then
      rm -rf "$BIN"
      dotnet publish fuzz/ConflictExtract.Fuzz -c Release -o "$BIN" -nologo -v q -p:SelfContained=false
      # Instrument the library and the tool (Recognizers and the BCL stay uninstrumented).
      sharpfuzz "$BIN/ConflictExtract.dll"
      sharpfuzz "$BIN/conflict-extract.dll"
      touch "$BIN/.instrumented"
    fi
    export AFL_SKIP_BIN_CHECK=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_UI=1 AFL_NO_AFFINITY=1
    export FUZZ_STATS=$OUT/stats FUZZ_SLOW=$OUT/slow
    # Resume AFL's queue when a previous run left one; else start from the kept corpus and the seeds.
    if [ -d "$OUT/findings/default/queue" ]; then IN=-; else
      IN=$OUT/in; rm -rf "$IN"; mkdir -p "$IN"
      cp "$(seeds_of "$TARGET")"/* "$IN/"
      [ -d "fuzz/corpus/$TARGET" ] && cp fuzz/corpus/"$TARGET"/* "$IN/" 2>/dev/null || true
    fi
    DICT=fuzz/conflict.dict; [ "$TARGET" = jsonl ] && DICT=fuzz/jsonl.dict
    exec nice -n 19 afl-fuzz -V "$SECONDS_TO_RUN" -i "$IN" -o "$OUT/findings" -t 10000 -m none -x "$DICT" \
      -- dotnet "$BIN/ConflictExtract.Fuzz.dll" "$TARGET" ;;
esac
