#!/usr/bin/env bash
# Unit, end-to-end and fault tests. Each starts its own PostgreSQL and Temporal on free ports.
# With arguments, runs only Jest's unit and end-to-end projects with them (e.g. `npm test -- test/lifecycle`).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
if [ "$#" -gt 0 ]; then exec npx jest "$@"; fi
# Lint first: a floating promise or a layer violation fails in seconds, before the long suites.
npm run --silent lint
npx jest
# Fault tests break their own stacks (kill -9 the worker, restart Temporal and PostgreSQL): about 5 minutes.
exec npx jest -c jest.faults.config.js
