package main

import (
	"testing"

	"github.com/certlife/certlife/examples/internal/clitest"
)

// TestEndlessInput feeds renewcheck endless inputs (as /dev/zero or
// yes(1)): each stops with one error line and exit 2, having read little
// more than a limit.
func TestEndlessInput(t *testing.T) {
	clitest.CheckEndless(t, run, []clitest.EndlessCase{
		{Name: "zeros, as /dev/zero", Args: []string{"-at", "2026-06-01", "-"}, Pattern: "\x00", Max: 64 << 10,
			Stderr: "renewcheck: -: line 1: binary data that is not DER (a NUL byte in the text) (want certificates (PEM, DER or PKCS#7))\n"},
		{Name: "no newline", Args: []string{"-at", "2026-06-01", "-"}, Pattern: "A", Max: 64 << 10,
			Stderr: "renewcheck: -: line 1: a line longer than 64 KiB (want PEM text)\n"},
		{Name: "yes", Args: []string{"-max-input", "64K", "-at", "2026-06-01", "-"}, Pattern: "y\n", Max: 64<<10 + 1,
			Stderr: "renewcheck: -: line 32769: more input than the 64 KiB one run reads (want at most 64 KiB in all, or a larger -max-input)\n"},
		{Name: "a CSR of zeros", Args: []string{"-at", "2026-06-01", "-csr", "-"}, Pattern: "\x00", Max: 64 << 10,
			Stderr: "renewcheck: -csr: -: line 1: binary data that is not DER (a NUL byte in the text) (want a certificate signing request (PKCS #10), PEM or DER)\n"},
	})
}
