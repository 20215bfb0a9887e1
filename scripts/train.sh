#!/usr/bin/env bash
# Train the assistant unless a model for this exact config, domain and data already exists.
set -euo pipefail
cd "$(dirname "$0")/.."
export RASA_TELEMETRY_ENABLED=false
fingerprint=$(find config.yml domain.yml data -type f -print0 | sort -z | xargs -0 sha256sum | sha256sum | cut -c1-16)
model="models/restock-$fingerprint.tar.gz"
if [ -f "$model" ]; then
    echo "model up to date: $model"
else
    .venv/bin/rasa train --fixed-model-name "restock-$fingerprint" --out models --num-threads 2
fi
ln -sf "$(basename "$model")" models/current.tar.gz
