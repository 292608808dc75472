#!/usr/bin/env bash
# The whole service on one machine: installs what is missing, builds, then runs PostgreSQL, Temporal, the API and the worker.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
# The local stack runs in development mode (published secrets, demo accounts) unless told otherwise: docs/configuration.md
export SAFEGUARDING_DEV="${SAFEGUARDING_DEV-1}"
exec node dist/scripts/stack/start.js
