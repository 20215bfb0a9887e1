# The two commands a newcomer needs are `make run` and `make test`; the rest are their parts.
SHELL := /bin/bash
export RASA_TELEMETRY_ENABLED := false
export PYTHONDONTWRITEBYTECODE := 1
PY := .venv/bin/python
SHARED ?= ../shared
# `make run REPLICAS=2`: two gateways, Rasa servers and action servers behind HAProxy.
REPLICAS ?= 1

.PHONY: install train run test lint eval bench bench-nlu bench-promotions bench-gateway bench-scale messages

install:
	@scripts/install.sh

# Message catalogs (i18n/locales): extract every text marked for translation into i18n/messages.pot and merge
# it into each language's .po; a translator then fills in the new and changed (fuzzy) entries. `make install`
# compiles them.
messages: install
	@.venv/bin/pybabel --quiet extract -F i18n/babel.cfg -o i18n/messages.pot --project "Restock by text" \
		--copyright-holder "Restock by text" --msgid-bugs-address "" --add-comments "Translators:" \
		--header-comment "# Texts a store owner reads, in English; every language's catalog starts from these." \
		--width 120 .
	@.venv/bin/pybabel --quiet update -i i18n/messages.pot -d i18n/locales -D messages --width 120

train: install
	@scripts/train.sh

run: train
	@$(PY) scripts/run.py --replicas $(REPLICAS)

test: train
	@$(PY) -m pytest

# Markets whose failing cases are never printed: only their figures count as unseen.
HELD_OUT := kenya_fresh,philippines_market,china_market

eval: install
	@$(PY) -m nlu.evaluate --catalog $(SHARED)/catalog/sample_catalog.csv --cases $(SHARED)/eval/dev_cases.jsonl --split all
	@$(PY) -m nlu.evaluate --markets tests/nlu/data --held-out $(HELD_OUT) --failures hide
	@$(PY) scripts/eval_intents.py --cases $(SHARED)/eval/dev_cases.jsonl --markets tests/nlu/data

bench-nlu: install
	@$(PY) -m nlu.bench

bench-gateway: train
	@$(PY) scripts/run.py --then $(PY) -m bot.bench --messages 200 --concurrency 8

# A campaign to 100,000 stores through a fake Twilio, killed and restarted halfway, on a redis of its own.
bench-promotions: install
	@$(PY) -m bot.promotions.bench

# 300 stores' whole conversations on one and on two of each process, then two with one of each killed mid-load.
# Long and CPU-bound: it runs niced, so other work on the machine keeps its share.
bench-scale: train
	@nice -n 10 $(PY) -m bot.scale_bench --stores 300

bench: bench-nlu bench-gateway bench-promotions bench-scale

lint: install
	@.venv/bin/ruff check backend bot nlu actions i18n rasa_server scripts tests
	@.venv/bin/mypy backend bot nlu actions i18n rasa_server scripts/run.py
	@$(PY) scripts/check_lengths.py
