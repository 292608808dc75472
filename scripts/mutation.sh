#!/usr/bin/env bash
# Stryker on each module named (all three by default), one after the other, at low priority. See docs/mutation.md.
set -euo pipefail
cd "$(dirname "$0")/.."
modules=("$@")
[ "${#modules[@]}" -gt 0 ] || modules=(policy case-log case-lifecycle)
for module in "${modules[@]}"; do
  echo "== mutation: $module"
  MUTATION_MODULE="$module" nice -n 15 npx stryker run
done
