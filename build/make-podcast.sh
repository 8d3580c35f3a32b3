#!/usr/bin/env bash
# Regenerates the podcast « Mon job avec l'IA » (modules/mon-job-avec-l-ia/): one MP3 and one
# WebVTT transcript per episode, spoken by espeak-ng as a PROVISIONAL SYNTHETIC VOICE, waiting for
# the recorded testimonies.
#
# SOURCE OF TRUTH (edit these, never the outputs):
#   modules/mon-job-avec-l-ia/transcripts/episode-NN.txt  the text, who speaks, the chapters
#   modules/mon-job-avec-l-ia/transcripts/voix.txt        the voices shared by every episode (host)
#   build/podcast/prononciation.tsv                        how espeak-ng says a few written words
#                                                          (« IA » → « I.A. »); the transcript keeps
#                                                          the written form
# OUTPUTS (written by this script; committed, so building a module needs no apt package):
#   modules/mon-job-avec-l-ia/assets/episode-NN.mp3       mono, 22.05 kHz, 32 kb/s, ≤ 500 KB
#   modules/mon-job-avec-l-ia/assets/episode-NN.vtt       text from the source, timings measured
#   the chapter list (`- mm:ss Titre`) inside the `:::audio{#episode-NN …}` block of the module's page
#
# Each line of a transcript is synthesised on its own, followed by a short silence; its length is
# measured with ffprobe; the pieces are concatenated into the MP3 and the cue times of the WebVTT are
# the running sums of those lengths, so captions follow the audio. The output is byte-for-byte the
# same from the same sources (bit-exact ffmpeg, no dates): running the script twice changes nothing,
# and a file is only rewritten when its content changes.
#
# Usage: build/make-podcast.sh                  every episode
#        build/make-podcast.sh episode-03 ...   some episodes
# Needs: espeak-ng, ffmpeg with libmp3lame, ffprobe and Node ≥ 20 (Debian:
#        sudo apt-get install -y espeak-ng ffmpeg).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
module="$root/modules/mon-job-avec-l-ia"
helper="$root/build/podcast/podcast.mjs"
rate=22050
max_bytes=512000

missing=()
for tool in espeak-ng ffmpeg ffprobe node; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
if ((${#missing[@]} > 0)); then
  echo "make-podcast: missing: ${missing[*]}" >&2
  echo "  Install them (Debian/Ubuntu): sudo apt-get install -y espeak-ng ffmpeg   (and Node ≥ 20, as for the rest of the repository)" >&2
  exit 1
fi
# (Read whole outputs first: with pipefail, `grep -q` closing the pipe early would fail the check.)
encoders=$(ffmpeg -hide_banner -encoders 2>/dev/null || true)
if [[ $encoders != *libmp3lame* ]]; then
  echo "make-podcast: this ffmpeg has no MP3 encoder (libmp3lame)." >&2
  echo "  Install Debian's ffmpeg: sudo apt-get install -y ffmpeg" >&2
  exit 1
fi
french=$(espeak-ng --voices=fr 2>/dev/null || true)
if [[ $french != *" roa/fr "* ]]; then
  echo "make-podcast: espeak-ng has no French voice: sudo apt-get install -y espeak-ng espeak-ng-data" >&2
  exit 1
fi

if (($# > 0)); then
  sources=()
  for name in "$@"; do
    file="$module/transcripts/${name%.txt}.txt"
    [[ -f $file ]] || { echo "make-podcast: no transcript $file" >&2; exit 1; }
    sources+=("$file")
  done
else
  sources=("$module"/transcripts/episode-*.txt)
  [[ -f ${sources[0]} ]] || { echo "make-podcast: no transcript in $module/transcripts/" >&2; exit 1; }
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

for source in "${sources[@]}"; do
  id=$(basename "$source" .txt)
  work="$tmp/$id"
  mkdir -p "$work"
  node "$helper" plan "$source" >"$work/plan.tsv"
  title=$(head -n 1 "$work/plan.tsv")
  : >"$work/list.txt"
  : >"$work/samples.txt"
  # One WAV per line: speech, then a silence (pause in ms), at 22.05 kHz mono 16-bit.
  while IFS=$'\t' read -r index variant pitch speed pause text; do
    piece="$work/$(printf '%03d' "$index")"
    printf '%s' "$text" | espeak-ng -b 1 -v "fr+$variant" -p "$pitch" -s "$speed" --stdin -w "$piece-voice.wav"
    ffmpeg -nostdin -loglevel error -y -i "$piece-voice.wav" -af "apad=pad_len=$((pause * rate / 1000))" \
      -ac 1 -ar "$rate" -c:a pcm_s16le -map_metadata -1 -fflags +bitexact -flags:a +bitexact "$piece.wav"
    ffprobe -v error -select_streams a:0 -show_entries stream=duration_ts -of csv=p=0 "$piece.wav" </dev/null >>"$work/samples.txt"
    echo "file '$piece.wav'" >>"$work/list.txt"
  done < <(tail -n +2 "$work/plan.tsv")

  ffmpeg -nostdin -loglevel error -y -f concat -safe 0 -i "$work/list.txt" \
    -ac 1 -ar "$rate" -c:a libmp3lame -b:a 32k -map_metadata -1 \
    -metadata title="$title" -metadata artist="Les Cafés de l'IA responsable (voix de synthèse provisoire)" \
    -fflags +bitexact -flags:a +bitexact "$work/$id.mp3"
  bytes=$(wc -c <"$work/$id.mp3")
  if ((bytes > max_bytes)); then
    echo "make-podcast: $id.mp3 is $bytes bytes, over $max_bytes: shorten the transcript" >&2
    exit 1
  fi
  target="$module/assets/$id.mp3"
  if ! cmp -s "$work/$id.mp3" "$target"; then
    cp "$work/$id.mp3" "$target"
    echo "$id: assets/$id.mp3 written ($((bytes / 1024)) KB)"
  fi
  node "$helper" write "$source" "$work/samples.txt" "$rate"
done
