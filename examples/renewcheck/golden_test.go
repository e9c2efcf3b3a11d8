package main

import (
	"testing"

	"github.com/certlife/certlife/examples/internal/clitest"
)

const (
	crt        = "testdata/sample/server.crt"
	newKeyFile = "testdata/sample/server.key"
	csr        = "testdata/sample/request.csr"
	le         = "testdata/letsencrypt/live/www.example.jp"
	td         = "../testdata/"
)

// cases are renewcheck's golden cases; every case passes a fixed -at.
func cases(t testing.TB) []clitest.Case {
	return []clitest.Case{
		{Name: "RN-2 sample renewal", Args: []string{"-at", "2026-09-01"}},
		{Name: "RN-3 last instant before the wait is over", Args: []string{"-at", "2026-01-09T23:59:59.999999999+09:00"}},
		{Name: "RN-3 renewal opens at 00-00 JST of day D+31", Args: []string{"-at", "2026-01-10T00:00:00+09:00"}},
		{Name: "RN-3 elapsed counting too early", Args: []string{"-elapsed", "-at", "2026-01-09T08:59:59+09:00"}},
		{Name: "RN-3 elapsed counting opens at issue plus 720h", Args: []string{"-elapsed", "-at", "2026-01-09T09:00:00+09:00"}},
		{Name: "RN-8 a key overwritten", Args: []string{"-keys", "-at", "2026-09-01"}},
		{Name: "RN-8 b configuration points at the new key", Args: []string{"-keys", "-at", "2026-09-01", crt, "testdata/old.key", newKeyFile}},
		{Name: "RN-8 keys match", Args: []string{"-keys", "-at", "2026-09-01", crt, "testdata/old.key"}},
		{Name: "RN-7 key reused", Args: []string{"-at", "2026-09-01", "-csr", "testdata/reused-key.csr", crt}},
		{Name: "RN-1 first certificate", Args: []string{"-at", "2026-09-01", "-csr", csr}},
		{Name: "RN-1 common name changed", Args: []string{"-at", "2026-09-01", "-csr", "testdata/other-name.csr", crt}},
		{Name: "RN-1 additional certificate", Args: []string{"-additional", "-at", "2026-09-01", "-csr", csr, crt}},
		{Name: "RN-4 locality changed", Args: []string{"-at", "2026-09-01", "-csr", "testdata/moved.csr", crt}},
		{Name: "RN-2 renews the latest of two", Args: []string{"-at", "2026-09-01", "-csr", csr, "testdata/two.pem"}},
		{Name: "RN-10 plans only", Args: []string{"-at", "2026-06-01", "testdata/two.pem"}},
		{Name: "RN-10 half left and spread", Args: []string{"-at", "2026-06-01", "-remaining", "0.5", "-spread", "72h", "-margin", "14d", crt}},
		{Name: "RN-10 remaining 1/3 as -h shows it", Args: []string{"-at", "2026-06-01", "-remaining", "1/3", crt}},
		{Name: "RN-10 remaining as a percentage", Args: []string{"-json", "-at", "2026-06-01", "-remaining", "25%", crt}},
		{Name: "RN-10 due exit 1", Args: []string{"-at", "2026-09-01T01:00:00+09:00", crt}},
		{Name: "RN-10 expired and past the deadline exit 1", Args: []string{"-at", "2027-02-01", crt}},
		{Name: "RN-10 past the deadline json exit 1", Args: []string{"-json", "-at", "2027-01-05", crt}},
		{Name: "directory input with keys", Args: []string{"-keys", "-at", "2026-09-01", "-csr", csr, "testdata/sample"}},
		{Name: "RN-2 Let's Encrypt live directory of links is a renewal", Args: []string{"-at", "2026-09-01", "-csr", csr, le}},
		{Name: "RN-2 the same certificate named directly is a renewal", Args: []string{"-at", "2026-09-01", "-csr", csr, le + "/cert.pem"}},
		{Name: "RN-8 Let's Encrypt keys match through links", Args: []string{"-keys", "-at", "2026-06-01", le}},
		{Name: "RN-8 Let's Encrypt json", Args: []string{"-json", "-keys", "-at", "2026-06-01", "testdata/letsencrypt"}},
		{Name: "RN-8 encrypted key cannot tell exit 2", Args: []string{"-keys", "-at", "2026-06-01", "testdata/encrypted"}},
		{Name: "RN-8 encrypted key beside its decrypted copy", Args: []string{"-keys", "-at", "2026-06-01", "testdata/encrypted", "testdata/old.key"}},
		{Name: "flags after the held files", Args: []string{le, "-keys", "-at", "2026-06-01"}},
		{Name: "held from stdin", Args: []string{"-at", "2026-09-01", "-csr", csr, "-"}, Stdin: readFile(t, crt)},
		{Name: "held as PKCS7", Args: []string{"-at", "2026-03-01", td + "bundle.p7b"}},
		{Name: "json", Args: []string{"-json", "-keys", "-at", "2026-09-01"}},
		{Name: "json too early", Args: []string{"-json", "-at", "2026-01-01", "-csr", csr, crt}},
		{Name: "help", Args: []string{"-h"}},
		{Name: "error unknown flag", Args: []string{"-bogus"}},
		{Name: "error unknown flag after a file", Args: []string{crt, "-bogus"}},
		{Name: "error bad at", Args: []string{"-at", "yesterday"}},
		{Name: "error bad margin", Args: []string{"-at", "2026-09-01", "-margin", "-7d"}},
		{Name: "error bad wait", Args: []string{"-at", "2026-09-01", "-wait", "0"}},
		{Name: "error CSR is a certificate", Args: []string{"-at", "2026-09-01", "-csr", crt}},
		{Name: "error CSR block holding a certificate", Args: []string{"-at", "2026-09-01", "-csr", td + "wrong.csr"}},
		{Name: "error CSR block cut short", Args: []string{"-at", "2026-09-01", "-csr", td + "truncated.csr"}},
		{Name: "error missing file", Args: []string{"-at", "2026-09-01", "testdata/nonexistent.pem"}},
		{Name: "error nothing in file", Args: []string{"-at", "2026-09-01", "golden_test.go"}},
		{Name: "error encrypted key named without keys", Args: []string{"-at", "2026-09-01", "testdata/encrypted/server.key"}},
		{Name: "error bad remaining", Args: []string{"-at", "2026-09-01", "-remaining", "1.5", crt}},
		{Name: "error bad remaining fraction", Args: []string{"-at", "2026-09-01", "-remaining", "3/2", crt}},
		{Name: "error NUL bytes as from dev zero", Args: []string{"-at", "2026-09-01", "-"}, Stdin: "\x00\x00\x00"},
	}
}

// TestGolden runs renewcheck in-process on each case, under two host
// zones, comparing standard output, standard error and the exit code with
// testdata/golden/NAME.txt (go test -update rewrites them).
func TestGolden(t *testing.T) {
	for _, c := range cases(t) {
		t.Run(c.Name, func(t *testing.T) { clitest.Check(t, name, run, c) })
	}
}

// TestBinary builds the real renewcheck and runs a few cases under
// TZ=America/Los_Angeles and TZ=Asia/Tokyo.
func TestBinary(t *testing.T) {
	all := map[string]clitest.Case{}
	for _, c := range cases(t) {
		all[c.Name] = c
	}
	clitest.CheckBinary(t, name, all["RN-3 last instant before the wait is over"], all["held from stdin"], all["RN-8 Let's Encrypt keys match through links"])
}

// TestREADME reruns the README blocks that show renewcheck.
func TestREADME(t *testing.T) { clitest.CheckREADME(t, name, run) }
