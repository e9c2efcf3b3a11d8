package main

import (
	"io"
	"strings"
	"testing"

	"github.com/certlife/certlife/examples/internal/cli"
)

// TestMaxCerts checks that renewcheck, which holds what it judges of every
// certificate until the end, refuses to read more than maxCerts of them
// (here one certificate repeated), with one error line, in bounded memory.
func TestMaxCerts(t *testing.T) {
	in := strings.Repeat(readFile(t, crt), maxCerts+1)
	var stderr strings.Builder
	code := run([]string{"-at", "2026-06-01", "-"}, strings.NewReader(in), io.Discard, &stderr, cli.Env{})
	want := "renewcheck: -: more than 10000 certificates: renewcheck judges the certificates of a server or a few; name fewer files (certinfo reads any number)\n"
	if code != cli.ExitError || stderr.String() != want {
		t.Errorf("exit %d, stderr %q; want exit 2 and %q", code, stderr.String(), want)
	}
}
