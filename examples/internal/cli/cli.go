// Package cli holds what the example binaries share: flag parsing with
// one-line errors, the -at instant and opening inputs.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/certlife/certlife/tz"
)

// Exit codes shared by the binaries.
const (
	ExitOK       = 0 // the check passed
	ExitNegative = 1 // the check ran and its answer is "no"
	ExitError    = 2 // usage or input error
)

// Parse parses args into fs. With -h it prints usage on stdout and returns
// ExitOK, false; with a bad flag it prints one line on stderr and returns
// ExitError, false.
func Parse(fs *flag.FlagSet, args []string, usage string, stdout, stderr io.Writer) (code int, ok bool) {
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			io.WriteString(stdout, usage)
			return ExitOK, false
		}
		return Fail(stderr, fs.Name(), "%v (see %s -h)", err, fs.Name()), false
	}
	return ExitOK, true
}

// Fail prints "name: message" on one line of stderr and returns ExitError.
func Fail(stderr io.Writer, name, format string, a ...any) int {
	fmt.Fprintf(stderr, name+": "+format+"\n", a...)
	return ExitError
}

// At returns the instant of -at: text parsed by tz.Parse, or now when text
// is empty. The example binaries are the only place in the module that
// read the clock, and only here.
func At(text string) (time.Time, error) {
	if text == "" {
		return time.Now().UTC(), nil
	}
	return tz.Parse(text)
}

// ReadInput reads a whole input: a file, or standard input for "-".
// Errors name no file (the caller prefixes it).
func ReadInput(name string, stdin io.Reader) ([]byte, error) {
	if name == "-" {
		return io.ReadAll(stdin)
	}
	data, err := os.ReadFile(name)
	var pe *os.PathError
	if errors.As(err, &pe) {
		return nil, pe.Err
	}
	return data, err
}

// ParseDuration reads a duration flag: a Go duration ("72h") or days
// with an optional duration after them ("7d", "1d12h"); a day is 24 hours.
// Negative durations are refused.
func ParseDuration(s string) (time.Duration, error) {
	bad := fmt.Errorf("bad duration %q: want e.g. 30d or 720h", s)
	var d time.Duration
	rest := s
	if i := strings.IndexByte(s, 'd'); i >= 0 {
		n, err := strconv.ParseUint(s[:i], 10, 16)
		if err != nil {
			return 0, bad
		}
		d, rest = time.Duration(n)*24*time.Hour, s[i+1:]
	}
	if rest != "" {
		r, err := time.ParseDuration(rest)
		if err != nil || r < 0 {
			return 0, bad
		}
		d += r
	}
	return d, nil
}
