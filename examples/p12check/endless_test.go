package main

import (
	"testing"

	"github.com/certlife/certlife/examples/internal/clitest"
)

// TestEndlessInput feeds p12check endless inputs (as /dev/zero, yes(1), or a
// block that never ends): each stops with one error line and exit 2,
// having read little more than a limit.
func TestEndlessInput(t *testing.T) {
	clitest.CheckEndless(t, run, []clitest.EndlessCase{
		{Name: "zeros as the bundle", Args: []string{"-password-file", "testdata/sample.password", "-"}, Pattern: "\x00", Max: 64 << 10,
			Stderr: "p12check: -: line 1: binary data that is not DER (a NUL byte in the text) (want a PKCS#12 bundle (.p12, .pfx) in DER)\n"},
		{Name: "a bundle that never ends", Args: []string{"-password-file", "testdata/sample.password", "-"}, Pattern: "\x30\x84\x00\x80\x00\x00", Max: 64 << 10,
			Stderr: "p12check: -: byte 0: a DER element of 8388614 bytes, larger than 8 MiB\n"},
		{Name: "a password without a newline", Args: []string{"testdata/sample.p12"}, Pattern: "x", Max: 1026,
			Stderr: "p12check: reading the password from standard input: the first line is longer than 1024 bytes: a password file holds the password on its first line\n"},
		{Name: "a password file without a newline", Args: []string{"-password-file", "-", "testdata/sample.p12"}, Pattern: "\x00", Max: 1026,
			Stderr: "p12check: -password-file: the first line is longer than 1024 bytes: a password file holds the password on its first line\n"},
	})
}
