package main

import (
	"testing"

	"github.com/certlife/certlife/examples/internal/clitest"
)

// TestGolden builds renewcheck once and runs it on each case, comparing
// standard output, standard error and the exit code with
// testdata/golden/NAME.txt (go test -update rewrites them). Every case
// passes a fixed -at.
func TestGolden(t *testing.T) {
	bin := clitest.Build(t, name)
	const (
		crt    = "testdata/sample/server.crt"
		newKey = "testdata/sample/server.key"
		csr    = "testdata/sample/request.csr"
	)
	cases := []clitest.Case{
		{Name: "RN-2 sample renewal", Args: []string{"-at", "2026-09-01"}},
		{Name: "RN-3 last instant before the wait is over", Args: []string{"-at", "2026-01-09T23:59:59.999999999+09:00"}},
		{Name: "RN-3 renewal opens at 00-00 JST of day D+31", Args: []string{"-at", "2026-01-10T00:00:00+09:00"}},
		{Name: "RN-3 elapsed counting too early", Args: []string{"-elapsed", "-at", "2026-01-09T08:59:59+09:00"}},
		{Name: "RN-3 elapsed counting opens at issue plus 720h", Args: []string{"-elapsed", "-at", "2026-01-09T09:00:00+09:00"}},
		{Name: "RN-8 a key overwritten", Args: []string{"-keys", "-at", "2026-09-01"}},
		{Name: "RN-8 b configuration points at the new key", Args: []string{"-keys", "-at", "2026-09-01", crt, "testdata/old.key", newKey}},
		{Name: "RN-8 keys match", Args: []string{"-keys", "-at", "2026-09-01", crt, "testdata/old.key"}},
		{Name: "RN-7 key reused", Args: []string{"-at", "2026-09-01", "-csr", "testdata/reused-key.csr", crt}},
		{Name: "RN-1 first certificate", Args: []string{"-at", "2026-09-01", "-csr", csr}},
		{Name: "RN-1 common name changed", Args: []string{"-at", "2026-09-01", "-csr", "testdata/other-name.csr", crt}},
		{Name: "RN-1 additional certificate", Args: []string{"-additional", "-at", "2026-09-01", "-csr", csr, crt}},
		{Name: "RN-4 locality changed", Args: []string{"-at", "2026-09-01", "-csr", "testdata/moved.csr", crt}},
		{Name: "RN-2 renews the latest of two", Args: []string{"-at", "2026-09-01", "-csr", csr, "testdata/two.pem"}},
		{Name: "RN-10 plans only", Args: []string{"-at", "2026-09-01", "testdata/two.pem"}},
		{Name: "RN-10 half left and spread", Args: []string{"-at", "2026-09-01", "-remaining", "0.5", "-spread", "72h", "-margin", "14d", crt}},
		{Name: "directory input with keys", Args: []string{"-keys", "-at", "2026-09-01", "-csr", csr, "testdata/sample"}},
		{Name: "held from stdin", Args: []string{"-at", "2026-09-01", "-csr", csr, "-"}, Stdin: readFile(t, crt)},
		{Name: "json", Args: []string{"-json", "-keys", "-at", "2026-09-01"}},
		{Name: "json too early", Args: []string{"-json", "-at", "2026-01-01", "-csr", csr, crt}},
		{Name: "help", Args: []string{"-h"}},
		{Name: "error unknown flag", Args: []string{"-bogus"}},
		{Name: "error bad at", Args: []string{"-at", "yesterday"}},
		{Name: "error bad margin", Args: []string{"-at", "2026-09-01", "-margin", "-7d"}},
		{Name: "error bad wait", Args: []string{"-at", "2026-09-01", "-wait", "0"}},
		{Name: "error CSR is a certificate", Args: []string{"-at", "2026-09-01", "-csr", crt}},
		{Name: "error missing file", Args: []string{"-at", "2026-09-01", "testdata/nonexistent.pem"}},
		{Name: "error nothing in file", Args: []string{"-at", "2026-09-01", "golden_test.go"}},
		{Name: "error bad remaining", Args: []string{"-at", "2026-09-01", "-remaining", "1.5", crt}},
	}
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) { clitest.Check(t, bin, name, c) })
	}
}
