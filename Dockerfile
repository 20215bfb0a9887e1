# One image for every process of the system; the first argument picks the process:
#   gateway | rasa | actions | backend
FROM python:3.10-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    RASA_TELEMETRY_ENABLED=false \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app
RUN useradd --create-home --uid 10001 restock

COPY requirements.txt constraints.txt ./
RUN pip install -r requirements.txt -c constraints.txt

COPY backend ./backend
COPY nlu ./nlu
COPY actions ./actions
COPY bot ./bot
COPY rasa_server ./rasa_server
COPY i18n ./i18n
COPY demo ./demo
COPY data ./data
COPY config.yml domain.yml endpoints.yml credentials.yml ./

# The order reader's hot modules compiled to C (nlu/compiled.py); the C compiler is not kept in the image.
COPY pyproject.toml ./
COPY scripts/compile_reader.py ./scripts/
RUN apt-get update && apt-get install -y --no-install-recommends gcc libc6-dev \
    && python scripts/compile_reader.py \
    && apt-get purge -y --auto-remove gcc libc6-dev && rm -rf /var/lib/apt/lists/*

# The message catalogs, compiled (.mo files are build output).
RUN pybabel compile -d i18n/locales -D messages

# The model is part of the image, so every replica of Rasa serves exactly the same assistant.
RUN rasa train --fixed-model-name current --out models --num-threads 2 \
    && mkdir -p /app/var /app/.rasa \
    && chown -R restock /app/var /app/.rasa

RUN printf '%s\n' \
    '#!/bin/sh' \
    'set -e' \
    'case "$1" in' \
    '  gateway) shift; exec python -m bot "$@" ;;' \
    '  rasa) shift; exec python -m rasa_server -m models/current.tar.gz --enable-api -i 0.0.0.0 -p 5005 --endpoints endpoints.yml --credentials credentials.yml "$@" ;;' \
    '  actions) shift; exec rasa run actions --actions actions -p 5055 "$@" ;;' \
    '  backend) shift' \
    '    if [ "${BACKEND_SEED_DEMO:-false}" = "true" ] && [ ! -f "${BACKEND_DB:-var/platform.sqlite3}" ]; then' \
    '      python -m backend import-catalog demo/catalog.csv && python -m backend import-stores demo/stores.csv' \
    '    fi' \
    '    exec python -m backend serve "$@" ;;' \
    '  *) exec "$@" ;;' \
    'esac' > /usr/local/bin/restock && chmod +x /usr/local/bin/restock

USER restock
ENTRYPOINT ["restock"]
CMD ["gateway"]
