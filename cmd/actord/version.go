package main

import (
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
)

func cmdVersion(_ []string, stdout, _ io.Writer) int {
	fmt.Fprintf(stdout, "actord %s (%s, %s/%s)\n", version, runtime.Version(), runtime.GOOS, runtime.GOARCH)
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, dep := range bi.Deps {
			switch dep.Path {
			case "github.com/asynkron/protoactor-go", "github.com/ethereum/go-ethereum", "github.com/cockroachdb/pebble/v2", "github.com/jackc/pgx/v5":
				fmt.Fprintf(stdout, "  %s %s\n", dep.Path, dep.Version)
			}
		}
	}
	return exitOK
}
