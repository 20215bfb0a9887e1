#!/usr/bin/env bash
# Create .venv with Python 3.10 and install every pinned package in one pip run; install redis-server.
# Quick when nothing changed: a stamp records what the venv was built from.
set -euo pipefail
cd "$(dirname "$0")/.."

find_python() {
    local candidate
    for candidate in "${PYTHON:-}" python3.10 "$(command -v pyenv >/dev/null && pyenv root 2>/dev/null)/versions/"3.10*/bin/python3.10 /usr/bin/python3.10 /usr/local/bin/python3.10; do
        [ -n "$candidate" ] || continue
        if "$candidate" -c 'import sys, venv; sys.exit(sys.version_info[:2] != (3, 10))' >/dev/null 2>&1; then
            echo "$candidate"
            return 0
        fi
    done
    return 1
}

if [ ! -x .venv/bin/python ]; then
    if ! python=$(find_python); then
        echo "Python 3.10 is required (Rasa Open Source 3.6 runs on it only) and was not found." >&2
        echo "Install it, e.g. 'apt-get install python3.10 python3.10-venv', 'pyenv install 3.10', or set PYTHON=/path/to/python3.10." >&2
        exit 1
    fi
    "$python" -m venv .venv
fi

stamp=.venv/.installed
want=$(cat requirements.txt constraints.txt | sha256sum | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    echo "installing Python packages into .venv (a few minutes the first time) ..."
    .venv/bin/python -m pip install --quiet --disable-pip-version-check --progress-bar off -r requirements.txt -c constraints.txt
    .venv/bin/python -m pip check
    echo "$want" > "$stamp"
fi

# The order reader's hot modules compiled to C (build/reader; quick when the sources have not changed).
.venv/bin/python scripts/compile_reader.py

# Message catalogs: each .po compiled to its .mo (build output, not in git) when the .po is newer.
for po in i18n/locales/*/LC_MESSAGES/messages.po; do
    [ -f "$po" ] || continue
    mo="${po%.po}.mo"
    if [ ! -f "$mo" ] || [ "$po" -nt "$mo" ]; then
        .venv/bin/pybabel --quiet compile -i "$po" -o "$mo"
    fi
done

# Debian packages: redis-server (the project starts its own servers), haproxy (in front of replicas:
# `scripts/run.py --replicas N`) and chromium (browser tests).
missing=()
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
command -v haproxy >/dev/null 2>&1 || [ -x /usr/sbin/haproxy ] || missing+=(haproxy)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
if [ ${#missing[@]} -gt 0 ]; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    # The packages start system-wide servers; this project starts its own on the ports it chooses.
    $sudo service redis-server stop >/dev/null 2>&1 || true
    $sudo service haproxy stop >/dev/null 2>&1 || true
fi
