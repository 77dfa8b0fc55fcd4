# Every target sets up what is missing first (see scripts/run).
.PHONY: setup demo test check typecheck plunit asp-tests declarations docs fuzz clean serve web

setup:
	bash scripts/run setup

demo:
	bash scripts/run demo

test:
	bash scripts/run test

check: setup
	.venv/bin/aigc-kb check

typecheck: setup
	.venv/bin/mypy

plunit:
	swipl -g "load_test_files([]), run_tests" -t halt aigc_kb/prolog/test_all.pl

asp-tests: setup
	PATH="$(CURDIR)/.venv/bin:$$PATH" bash kb/asp_tests/run.sh

declarations: setup
	.venv/bin/aigc-kb declarations --write

# A long fuzzing run of the command line on hostile case files (structured and raw; see
# tests/fuzz_cases.py): at least 10,000 inputs, seeded; prints the counts, fails on any traceback.
fuzz: setup
	.venv/bin/python -m tests.fuzz_cases --count $${FUZZ_COUNT:-10000} --seed $${FUZZ_SEED:-18}

docs: setup
	.venv/bin/aigc-kb vocab --format markdown > docs/vocabulary.md
	.venv/bin/aigc-kb vocab --format schema > docs/case.schema.json

serve: setup
	.venv/bin/aigc-kb serve

# Rebuild the workbench page's script from web/ (needs Node.js and npm; the built bundle is
# committed, so installing the package needs neither).
web:
	cd web && npm ci --no-audit --no-fund && npm run build
	cd web && node licenses.mjs > ../aigc_kb/server/static/THIRD-PARTY-LICENSES.txt

clean:
	rm -rf .venv build dist *.egg-info .pytest_cache .mypy_cache
