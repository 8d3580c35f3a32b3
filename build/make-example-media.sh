#!/usr/bin/env bash
# Regenerates the small media files of examples/kitchen-sink/assets/ (each well under 100 KB):
# a French podcast excerpt spoken by espeak-ng, and a 3-second 160×90 WebM video.
# Needs Debian's espeak-ng and ffmpeg: apt-get install -y espeak-ng ffmpeg
# The WebVTT transcript and captions beside them are written by hand; keep their timings in step.
set -euo pipefail
cd "$(dirname "$0")/../examples/kitchen-sink/assets"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

espeak-ng -v fr -s 150 -w "$tmp/part1.wav" "Bonjour et bienvenue au Café de l'IA responsable."
espeak-ng -v fr -s 150 -w "$tmp/part2.wav" "Aujourd'hui, Awa nous raconte comment son équipe relit chaque texte produit par une IA."
espeak-ng -v fr -s 150 -w "$tmp/part3.wav" "Son conseil : ne jamais coller de données personnelles dans un outil non validé."
ffmpeg -loglevel error -y -i "$tmp/part1.wav" -i "$tmp/part2.wav" -i "$tmp/part3.wav" \
  -filter_complex '[0:a][1:a][2:a]concat=n=3:v=0:a=1[a]' -map '[a]' \
  -ac 1 -ar 22050 -c:a libmp3lame -b:a 32k -map_metadata -1 -fflags +bitexact -flags:a +bitexact episode-1.mp3
ffmpeg -loglevel error -y -f lavfi -i color=c=0x5b2a86:s=160x90:d=3:r=10 \
  -c:v libvpx-vp9 -b:v 40k -pix_fmt yuv420p -an -map_metadata -1 -fflags +bitexact -flags:v +bitexact video-tasse.webm
ffmpeg -loglevel error -y -f lavfi -i color=c=0x5b2a86:s=160x90:d=1 -frames:v 1 video-tasse-poster.png
for part in 1 2 3; do
  ffprobe -v error -show_entries format=duration -of csv=p=0 "$tmp/part$part.wav"
done
ls -l episode-1.mp3 video-tasse.webm video-tasse-poster.png
