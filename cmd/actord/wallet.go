package main

import (
	"fmt"
	"io"

	"github.com/actord/actord/internal/wallet"
)

func cmdWallet(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("wallet", "actord wallet generate PATH", stderr)
	pos, err := parseArgs(fs, args)
	if err != nil {
		return flagExit(err)
	}
	if len(pos) != 2 || pos[0] != "generate" {
		fs.Usage()
		return exitUsage
	}
	w, err := wallet.Generate(pos[1])
	if err != nil {
		fmt.Fprintf(stderr, "actord: %v\n", err)
		return exitFailure
	}
	fmt.Fprintf(stderr, "actord: wrote an RSA-4096 wallet to %s (mode 0600)\n", pos[1])
	fmt.Fprintln(stdout, w.Address())
	return exitOK
}
