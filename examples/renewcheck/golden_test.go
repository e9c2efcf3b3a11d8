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
		{Name: "RN-3 a zero wait opens at issue", Args: []string{"-at", "2026-09-01", "-wait", "0", "-csr", csr, crt}},
		{Name: "error negative wait", Args: []string{"-at", "2026-09-01", "-wait", "-1"}},
		{Name: "error CSR is a certificate", Args: []string{"-at", "2026-09-01", "-csr", crt}},
		{Name: "error CSR block holding a certificate", Args: []string{"-at", "2026-09-01", "-csr", td + "wrong.csr"}},
		{Name: "error CSR block cut short", Args: []string{"-at", "2026-09-01", "-csr", td + "truncated.csr"}},
		{Name: "error missing file", Args: []string{"-at", "2026-09-01", "testdata/nonexistent.pem"}},
		{Name: "error nothing in file", Args: []string{"-at", "2026-09-01", "golden_test.go"}},
		{Name: "error encrypted key named without keys", Args: []string{"-at", "2026-09-01", "testdata/encrypted/server.key"}},
		{Name: "error bad remaining", Args: []string{"-at", "2026-09-01", "-remaining", "1.5", crt}},
		{Name: "error bad remaining fraction", Args: []string{"-at", "2026-09-01", "-remaining", "3/2", crt}},
		{Name: "error NUL bytes as from dev zero", Args: []string{"-at", "2026-09-01", "-"}, Stdin: "\x00\x00\x00"},

		// Renewal policies, plans and windows (issue 10).
		{Name: "RN-11 preset JPRS", Args: []string{"-preset", "jprs", "-at", "2026-09-01", crt}},
		{Name: "RN-11 preset JPRS too early before the window opens", Args: []string{"-preset", "JPRS", "-at", "2026-09-01", "-csr", csr, crt}},
		{Name: "RN-11 preset GlobalSign json", Args: []string{"-json", "-preset", "GlobalSign", "-at", "2026-11-01", crt}},
		{Name: "RN-11 preset SECOM carries the rest over", Args: []string{"-preset", "secom", "-at", "2026-11-01", crt}},
		{Name: "RN-12 160-hour certificate under the seed CA has no schedule exit 1", Args: []string{"-at", "2026-09-02", "testdata/shortlived.pem"}},
		{Name: "RN-12 no schedule json", Args: []string{"-json", "-at", "2026-09-02", "testdata/shortlived.pem"}},
		{Name: "RN-12 160-hour certificate under ACME is short-lived and due at half", Args: []string{"-preset", "ACME", "-at", "2026-09-02", "testdata/shortlived.pem"}},
		{Name: "RN-12 explicit remaining and margin apply to a short lifetime", Args: []string{"-preset", "ACME", "-remaining", "1/3", "-margin", "1d", "-at", "2026-09-02", "testdata/shortlived.pem"}},
		{Name: "RN-13 ARI window sets the due instant", Args: []string{"-preset", "acme", "-ari", "testdata/ari.json", "-at", "2026-09-01", crt}},
		{Name: "RN-13 ARI json", Args: []string{"-json", "-ari", "testdata/ari.json", "-at", "2026-09-01", crt}},
		{Name: "RN-13 ARI window past renew now", Args: []string{"-ari", "testdata/ari.json", "-at", "2026-12-05", crt}},
		{Name: "RN-13 ARI from stdin", Args: []string{"-ari", "-", "-at", "2026-09-01", crt}, Stdin: readFile(t, "testdata/ari.json")},
		{Name: "error ARI window ends before it starts", Args: []string{"-ari", "testdata/ari-backwards.json", "-at", "2026-09-01", crt}},
		{Name: "error ARI for several certificates", Args: []string{"-ari", "testdata/ari.json", "-at", "2026-06-01", "testdata/two.pem"}},
		{Name: "error ARI file missing", Args: []string{"-ari", "testdata/nonexistent.json", "-at", "2026-09-01", crt}},
		{Name: "RN-10 business hours and year-end closing move the due instant", Args: []string{"-remaining", "0.03", "-margin", "3d",
			"-business-hours", "10:00-17:00", "-year-end-closing", "-at", "2026-12-01", crt}},
		{Name: "RN-10 maintenance window moves the due instant", Args: []string{"-maintenance", "2026-09-01T00:00:00+09:00/2026-09-01T08:00:00+09:00",
			"-maintenance", "2026-09-01T08:00:00+09:00/2026-09-01T09:30:00+09:00", "-at", "2026-08-01", crt}},
		{Name: "RN-10 windows json", Args: []string{"-json", "-business-hours", "10:00-17:00", "-at", "2026-08-01", crt}},
		{Name: "RN-10 windows that allow no instant exit 1", Args: []string{"-maintenance", "2026-01-01/2027-02-01", "-at", "2026-08-01", crt}},
		{Name: "error unknown preset", Args: []string{"-preset", "letsencrypt", "-at", "2026-09-01", crt}},
		{Name: "error business hours backwards", Args: []string{"-business-hours", "17:00-10:00", "-at", "2026-09-01", crt}},
		{Name: "error business hours not a time", Args: []string{"-business-hours", "10-17", "-at", "2026-09-01", crt}},
		{Name: "error maintenance without an end", Args: []string{"-maintenance", "2026-09-01", "-at", "2026-09-01", crt}},
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
