#!/usr/bin/env bash
# Rebuilds resources/models/ from ../shared/data, bit for bit (fixed seeds; single-threaded training).
# Takes about 25 minutes on one core. Usage: tools/build-models.sh [SHARED_DATA_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
data="${1:-../shared/data}"
ewt="$data/ud-english-ewt"
gum="$data/ud-english-gum"
dyad=(dotnet run -c Release --project src/Dyad.Cli --)

train=("$ewt/en_ewt-ud-train.conllu" "$gum/en_gum-ud-train.conllu")
licences="$gum/gum-documents-by-licence.tsv"

"${dyad[@]}" train tagger --train "${train[@]}" --licences "$licences" --lexicon "$data/lexicon" \
  --dev "$ewt/en_ewt-ud-dev.conllu" --out resources/models/tagger.bin
"${dyad[@]}" train parser --train "${train[@]}" --licences "$licences" \
  --dev "$ewt/en_ewt-ud-dev.conllu" --out resources/models/parser.bin
sha256sum resources/models/*.bin
