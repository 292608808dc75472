#!/usr/bin/env bash
# The whole service on one machine: installs what is missing, builds, then runs PostgreSQL, Temporal, the API and the worker.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
exec node dist/scripts/stack/start.js
