#!/usr/bin/env bash
# action.yml's lint step: `posting lint` with the action's inputs (from the environment, never
# pasted into a script), in the format given ($1: github, sarif). Paths are split on spaces.
set -euo pipefail
format="$1"
args=(lint --format "$format")
if [ "${POSTING_CHANGED:-}" = merge-base ]; then
  args+=(--changed)
elif [ -n "${POSTING_CHANGED:-}" ]; then
  args+=("--changed=$POSTING_CHANGED")
fi
if [ -n "${POSTING_MAX_WARNINGS:-}" ]; then args+=(--max-warnings "$POSTING_MAX_WARNINGS"); fi
read -r -a paths <<< "${POSTING_PATHS:-}"
exec node "$POSTING_BIN" "${args[@]}" -- "${paths[@]}"
