package main

import (
	"testing"

	"github.com/certlife/certlife/examples/internal/clitest"
)

// TestEndlessInput feeds renewcheck endless inputs (as /dev/zero, yes(1), or a
// block that never ends): each stops with one error line and exit 2,
// having read little more than a limit.
func TestEndlessInput(t *testing.T) {
	clitest.CheckEndless(t, run, []clitest.EndlessCase{
		{Name: "zeros, as /dev/zero", Args: []string{"-at", "2026-06-01", "-"}, Pattern: "\x00", Max: 64 << 10,
			Stderr: "renewcheck: -: line 1: binary data that is not DER (a NUL byte in the text) (want certificates (PEM, DER or PKCS#7))\n"},
		{Name: "no newline", Args: []string{"-at", "2026-06-01", "-"}, Pattern: "A", Max: 64 << 10,
			Stderr: "renewcheck: -: line 1: a line longer than 64 KiB (want PEM text)\n"},
		{Name: "yes", Args: []string{"-max-input", "1M", "-at", "2026-06-01", "-"}, Pattern: "y\n", Max: 1<<20 + 1,
			Stderr: "renewcheck: -: line 524289: more input than the 1 MiB one run reads (want at most 1 MiB in all, or a larger -max-input)\n"},
		{Name: "a CSR that never ends", Args: []string{"-at", "2026-06-01", "-csr", "-"}, Pattern: "-----BEGIN CERTIFICATE REQUEST-----\nAAAA", Max: 9 << 20,
			Stderr: "renewcheck: -csr: -: line 215094: the CERTIFICATE REQUEST block begun on line 1 is larger than 8 MiB\n"},
	})
}
