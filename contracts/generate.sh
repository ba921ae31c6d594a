#!/usr/bin/env bash
# Regenerates the committed contract outputs: compiles contracts/alarm with
# the pinned npm solc, then writes abigen v2 bindings into
# internal/contracts/alarm. Run by `make generate`.
set -euo pipefail
cd "$(dirname "$0")"
if [ ! -d node_modules/solc ]; then
	npm ci --silent
fi
node build.mjs
cd ..
for c in Scheduler FutureBlockCall TestTarget; do
	lower=$(echo "$c" | sed -E 's/([a-z])([A-Z])/\1_\2/g' | tr 'A-Z' 'a-z')
	go tool abigen --v2 --abi "contracts/build/$c.abi.json" --bin "contracts/build/$c.bin" \
		--pkg alarm --type "$c" --out "internal/contracts/alarm/$lower.go"
done
