package main

import (
	"testing"

	"github.com/certlife/certlife/examples/internal/clitest"
)

// TestEndlessInput feeds contractcheck endless inputs (as /dev/zero, yes(1), or a
// block that never ends): each stops with one error line and exit 2,
// having read little more than a limit.
func TestEndlessInput(t *testing.T) {
	clitest.CheckEndless(t, run, []clitest.EndlessCase{
		{Name: "zeros, as /dev/zero", Args: []string{"-at", "2026-06-01", "-"}, Pattern: "\x00", Max: 1<<20 + 64<<10,
			Stderr: "contractcheck: -: larger than 1 MiB (want a contract file, a JSON object)\n"},
		{Name: "a JSON object that never ends", Args: []string{"-at", "2026-06-01", "-"}, Pattern: `{"id":"`, Max: 1<<20 + 64<<10,
			Stderr: "contractcheck: -: larger than 1 MiB (want a contract file, a JSON object)\n"},
		{Name: "a certificate that never ends", Args: []string{"-at", "2026-06-01", "-cert", "-", "testdata/contract.json"}, Pattern: "-----BEGIN CERTIFICATE-----\nAAAA", Max: 9 << 20,
			Stderr: "contractcheck: -cert: -: line 270602: the CERTIFICATE block begun on line 1 is larger than 8 MiB\n"},
	})
}
