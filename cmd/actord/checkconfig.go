package main

import (
	"fmt"
	"io"
	"os"
	"text/tabwriter"

	"github.com/actord/actord/internal/config"
)

func cmdCheckConfig(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("check-config", "actord check-config [flags]", stderr)
	flags := config.Register(fs)
	if code, ok := parseNoArgs(fs, args); !ok {
		return code
	}
	r, err := config.Resolve(flags, os.Environ())
	tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "SETTING\tVALUE\tSOURCE")
	for _, v := range r.Values {
		val := v.Value
		if val == "" {
			val = "(empty)"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\n", v.Env, val, v.Source)
	}
	tw.Flush()
	if r.EnvFile != "" {
		fmt.Fprintf(stdout, "env file: %s\n", r.EnvFile)
	}
	for _, w := range r.Warnings {
		fmt.Fprintf(stderr, "warning: %s\n", w)
	}
	if printProblems(stderr, err) {
		return exitFailure
	}
	fmt.Fprintln(stdout, "configuration OK")
	return exitOK
}

// printProblems lists every configuration problem in err and reports
// whether there were any.
func printProblems(w io.Writer, err error) bool {
	problems := config.Problems(err)
	if len(problems) == 0 {
		return false
	}
	fmt.Fprintf(w, "actord: %d configuration problem(s):\n", len(problems))
	for _, p := range problems {
		fmt.Fprintf(w, "  - %s\n", p)
	}
	return true
}
