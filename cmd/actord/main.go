// Command actord is one daemon with two jobs: an ao Scheduler Unit (SU)
// and an Ethereum Alarm Clock execution client, both built on the
// protoactor runtime. See README.md for the subcommands.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
)

// version is set by the Makefile with -ldflags "-X main.version=...".
var version = "dev"

// Exit codes.
const (
	exitOK      = 0
	exitFailure = 1 // the command ran and failed (bad config, invalid item, runtime error)
	exitUsage   = 2 // bad usage
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

type command struct {
	name    string
	usage   string
	summary string
	run     func(args []string, stdout, stderr io.Writer) int
}

func commands() []command {
	return []command{
		{"", "actord [flags]", "run a single node: every role that is configured", cmdNode},
		{"su", "actord su PORT [flags]", "run the ao Scheduler Unit on PORT", cmdSU},
		{"router", "actord router PORT [flags]", "run an SU router on PORT", cmdRouter},
		{"scheduler", "actord scheduler [flags]", "run the Ethereum Alarm Clock execution client", cmdScheduler},
		{"mig", "actord mig RANGE", "move data item bytes from PostgreSQL into the USE_DISK byte store", cmdMig},
		{"devnet", "actord devnet [flags]", "run a local Ethereum dev chain with the Alarm contracts", cmdDevnet},
		{"bench", "actord bench su|router [flags]", "load-test the SU over loopback HTTP, or what a router adds in front of it", cmdBench},
		{"dataitem", "actord dataitem inspect [--unbundle] FILE...", "print ANS-104 data items as JSON and verify them", cmdDataItem},
		{"wallet", "actord wallet generate PATH", "create an Arweave RSA-4096 wallet (JWK, mode 0600)", cmdWallet},
		{"check-config", "actord check-config [flags]", "report every configuration problem and the effective settings", cmdCheckConfig},
		{"version", "actord version", "print the version", cmdVersion},
		{"help", "actord help", "print this help", func(_ []string, stdout, _ io.Writer) int { usage(stdout); return exitOK }},
	}
}

func run(args []string, stdout, stderr io.Writer) int {
	name := ""
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		name, args = args[0], args[1:]
	}
	for _, c := range commands() {
		if c.name == name {
			return c.run(args, stdout, stderr)
		}
	}
	fmt.Fprintf(stderr, "actord: unknown command %q\n\n", name)
	usage(stderr)
	return exitUsage
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "Usage:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-48s %s\n", c.usage, c.summary)
	}
	fmt.Fprintln(w, "\nRun 'actord COMMAND -h' for a command's flags. Settings come from flags, then the")
	fmt.Fprintln(w, "environment, then a .env file, then defaults; 'actord check-config' shows them.")
}

// parseArgs parses flags that may appear before, between or after the
// positional arguments, and returns the positional ones.
func parseArgs(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		if args[0] == "--" {
			return append(pos, args[1:]...), nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// parseNoArgs parses a command line that takes flags only. When it
// returns false the command exits with code (usage printed for stray
// arguments).
func parseNoArgs(fs *flag.FlagSet, args []string) (code int, ok bool) {
	pos, err := parseArgs(fs, args)
	if err != nil {
		return flagExit(err), false
	}
	if len(pos) != 0 {
		fs.Usage()
		return exitUsage, false
	}
	return exitOK, true
}

// newFlagSet returns a FlagSet that reports errors instead of exiting.
func newFlagSet(name, usageLine string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: %s\n\nFlags:\n", usageLine)
		fs.PrintDefaults()
	}
	return fs
}

// flagExit maps a flag parse error to an exit code (-h is not a failure).
func flagExit(err error) int {
	if errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	return exitUsage
}
