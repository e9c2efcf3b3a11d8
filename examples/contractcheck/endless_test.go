package main

import (
	"testing"

	"github.com/certlife/certlife/examples/internal/clitest"
)

// TestEndlessInput feeds contractcheck endless inputs (as /dev/zero, or a
// JSON object that never ends): each stops with one error line and exit 2,
// having read little more than the 1 MiB a contract file may have.
func TestEndlessInput(t *testing.T) {
	clitest.CheckEndless(t, run, []clitest.EndlessCase{
		{Name: "zeros, as /dev/zero", Args: []string{"-at", "2026-06-01", "-"}, Pattern: "\x00", Max: 1<<20 + 64<<10,
			Stderr: "contractcheck: -: larger than 1 MiB (want a contract file, a JSON object)\n"},
		{Name: "a JSON object that never ends", Args: []string{"-at", "2026-06-01", "-"}, Pattern: `{"id":"`, Max: 1<<20 + 64<<10,
			Stderr: "contractcheck: -: larger than 1 MiB (want a contract file, a JSON object)\n"},
		{Name: "a certificate with no newline", Args: []string{"-at", "2026-06-01", "-cert", "-", "testdata/contract.json"}, Pattern: "A", Max: 64 << 10,
			Stderr: "contractcheck: -cert: -: line 1: a line longer than 64 KiB (want PEM text)\n"},
	})
}
