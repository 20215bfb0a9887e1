#!/usr/bin/env bash
# Train the assistant unless a model for this exact config, domain and data already exists.
set -euo pipefail
cd "$(dirname "$0")/.."
export RASA_TELEMETRY_ENABLED=false
# The same config, domain and data train the same model on any machine: TensorFlow's thread pools have a fixed
# size instead of the machine's core count, its ops run their deterministic kernels, and oneDNN (behind its
# matrix products) keeps to AVX2 instructions instead of the CPU's newest, whose sums round differently.
export TF_INTRA_OP_PARALLELISM_THREADS=2 TF_INTER_OP_PARALLELISM_THREADS=2 TF_DETERMINISTIC_OPS=1
export ONEDNN_MAX_CPU_ISA=AVX2
# Rasa's own training cache keys a component by its config and raw data, not by the tokenizer's code: it would
# restore a classifier trained on words the tokenizer no longer reads. The fingerprint below decides when to train.
export RASA_MAX_CACHE_SIZE=0
fingerprint=$(.venv/bin/python scripts/model_fingerprint.py)
model="models/restock-$fingerprint.tar.gz"
if [ -f "$model" ]; then
    echo "model up to date: $model"
else
    # A link left to a model since removed stops Rasa's command line before it trains.
    [ -e models/current.tar.gz ] || rm -f models/current.tar.gz
    .venv/bin/rasa train --fixed-model-name "restock-$fingerprint" --out models
fi
ln -sf "$(basename "$model")" models/current.tar.gz
