#!/bin/sh
# Regenerates forward.pb.go with protoc (Debian protobuf-compiler) and the
# protoc-gen-go pinned as a tool in go.mod. protoc runs from the module
# root so the file registers as "messages/forward.proto": a bare
# "cluster.proto" would clash with protoactor's own in the registry.
set -eu
bin=$(mktemp -d)
trap 'rm -rf "$bin"' EXIT
GOBIN="$bin" go install google.golang.org/protobuf/cmd/protoc-gen-go
cd ..
protoc --plugin=protoc-gen-go="$bin/protoc-gen-go" --go_out=. --go_opt=paths=source_relative messages/forward.proto
