#!/usr/bin/env bash
# Unit and end-to-end tests. The end-to-end tests start their own PostgreSQL and Temporal on free ports.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
exec npx jest "$@"
