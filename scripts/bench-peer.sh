#!/usr/bin/env bash
# Throughput against the peer (winkNLP, ../shared/bench/peer-wink) on the same corpora, the same core, the same sitting.
#   scripts/bench-peer.sh [ROUNDS] [CORE] [BASELINE_CLI_DIR]
#       (defaults: 5 rounds, core 0; needs node/npm, python3 and ../shared)
# Publishes the tool as it is meant to run (self-contained composite ReadyToRun, see src/ConflictExtract.Cli's
# project file) into artifacts/bench-peer/cli, builds the corpora at run time (nothing from ../shared is committed),
# then interleaves the programs ROUNDS times per corpus and prints every run and the medians. Our figure is
# extract_words_per_second from --stats (models loaded first), winkNLP's is its own words/s (load excluded).
# BASELINE_CLI_DIR, when given, is another published build of the tool (an earlier commit: `git worktree add` it and
# `dotnet publish src/ConflictExtract.Cli -c Release -o DIR`): it runs in the same rounds, so a change's cost in speed is
# the ratio of the two ratios to the peer, measured in one sitting.
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:-5}
CORE=${2:-0}
BASE=${3:-}
SHARED=$(cd ../shared && pwd)
W=artifacts/bench-peer
mkdir -p "$W"
rm -rf "$W/wink" && cp -r "$SHARED/bench/peer-wink" "$W/wink"
(cd "$W/wink" && npm install --no-save --silent >/dev/null 2>&1)
(cd "$W/wink" && python3 corpus.py "$SHARED" "$SHARED/eval/wad-dev" ../c146.jsonl)
python3 benchmarks/tools/make_corpus.py "$SHARED" 704 "$W/c704.jsonl" "$SHARED/eval/wad-dev"
dotnet publish src/ConflictExtract.Cli -c Release -o "$W/cli" -nologo -v q >/dev/null

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
ours() { taskset -c "$CORE" "$1/conflict-extract" extract "$W/$2.jsonl" --stats --format jsonl -o "$W/out.jsonl" 2>&1 \
  | grep -oE 'extract_words_per_second=[0-9]+' | cut -d= -f2; }
for corpus in c146 c704; do
  : > "$W/$corpus.wink"; : > "$W/$corpus.ours"; : > "$W/$corpus.base"
  for ((i = 1; i <= ROUNDS; i++)); do
    wink=$(cd "$W/wink" && taskset -c "$CORE" node bench.js "../$corpus.jsonl" | grep -oE '[0-9]+ words/s$' | cut -d' ' -f1)
    mine=$(ours "$W/cli" "$corpus")
    line="$corpus round $i: winkNLP $wink words/s, ConflictExtract $mine words/s"
    if [ -n "$BASE" ]; then base=$(ours "$BASE" "$corpus"); echo "$base" >> "$W/$corpus.base"; line="$line, baseline $base words/s"; fi
    echo "$line"
    echo "$wink" >> "$W/$corpus.wink"; echo "$mine" >> "$W/$corpus.ours"
  done
  mw=$(median < "$W/$corpus.wink"); mo=$(median < "$W/$corpus.ours")
  echo "$corpus median: winkNLP $mw, ConflictExtract $mo words/s, ratio $(awk -v a="$mo" -v b="$mw" 'BEGIN {printf "%.2f", a / b}')"
  if [ -n "$BASE" ]; then
    mb=$(median < "$W/$corpus.base")
    echo "$corpus median: baseline $mb words/s, ratio to winkNLP $(awk -v a="$mb" -v b="$mw" 'BEGIN {printf "%.2f", a / b}'), this build / baseline $(awk -v a="$mo" -v b="$mb" 'BEGIN {printf "%.3f", a / b}')"
  fi
done
