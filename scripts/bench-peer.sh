#!/usr/bin/env bash
# Throughput against the peer (winkNLP, ../shared/bench/peer-wink) on the same corpora, the same core, the same sitting.
#   scripts/bench-peer.sh [ROUNDS] [CORE]        (defaults: 5 rounds, core 0; needs node/npm, python3 and ../shared)
# Publishes the tool as it is meant to run (self-contained composite ReadyToRun, see src/ConflictExtract.Cli's
# project file) into artifacts/bench-peer/cli, builds the corpora at run time (nothing from ../shared is committed),
# then interleaves the two programs ROUNDS times per corpus and prints every run and the medians. Our figure is
# extract_words_per_second from --stats (models loaded first), winkNLP's is its own words/s (load excluded).
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:-5}
CORE=${2:-0}
SHARED=$(cd ../shared && pwd)
W=artifacts/bench-peer
mkdir -p "$W"
rm -rf "$W/wink" && cp -r "$SHARED/bench/peer-wink" "$W/wink"
(cd "$W/wink" && npm install --no-save --silent >/dev/null 2>&1)
(cd "$W/wink" && python3 corpus.py "$SHARED" "$SHARED/eval/wad-dev" ../c146.jsonl)
python3 benchmarks/tools/make_corpus.py "$SHARED" 704 "$W/c704.jsonl" "$SHARED/eval/wad-dev"
dotnet publish src/ConflictExtract.Cli -c Release -o "$W/cli" -nologo -v q >/dev/null

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
for corpus in c146 c704; do
  : > "$W/$corpus.wink"; : > "$W/$corpus.ours"
  for ((i = 1; i <= ROUNDS; i++)); do
    wink=$(cd "$W/wink" && taskset -c "$CORE" node bench.js "../$corpus.jsonl" | grep -oE '[0-9]+ words/s$' | cut -d' ' -f1)
    ours=$(taskset -c "$CORE" "$W/cli/conflict-extract" extract "$W/$corpus.jsonl" --stats --format jsonl -o "$W/out.jsonl" 2>&1 \
      | grep -oE 'extract_words_per_second=[0-9]+' | cut -d= -f2)
    echo "$corpus round $i: winkNLP $wink words/s, ConflictExtract $ours words/s"
    echo "$wink" >> "$W/$corpus.wink"; echo "$ours" >> "$W/$corpus.ours"
  done
  mw=$(median < "$W/$corpus.wink"); mo=$(median < "$W/$corpus.ours")
  echo "$corpus median: winkNLP $mw, ConflictExtract $mo words/s, ratio $(awk -v a="$mo" -v b="$mw" 'BEGIN {printf "%.2f", a / b}')"
done
