# Everything runs in a private virtual environment built from pyproject.toml.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
SAMPLES := data/samples

.PHONY: run test bench lint type samples clean

RUNTIME := $(VENV)/.runtime

# `make run` needs the runtime dependencies only; `make test` adds the development ones.
$(RUNTIME): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	touch $(RUNTIME)

$(STAMP): $(RUNTIME)
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(RUNTIME)
	$(BIN)/mutasi plan $(SAMPLES)/pegawai.xlsx $(SAMPLES)/jabatan.xlsx \
		--effective-date 2026-12-01 -o out/rencana_mutasi.xlsx

test: $(STAMP)
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python -m mutasi_cli.bench

lint: $(STAMP)
	$(BIN)/ruff check src tests

type: $(STAMP)
	$(BIN)/mypy src/mutasi_cli

# Regenerate the committed sample round (deterministic).
samples: $(STAMP)
	$(BIN)/mutasi sample --size 1200 --seed 2026 --effective-date 2026-12-01 -o $(SAMPLES)

clean:
	rm -rf $(VENV) out .pytest_cache
