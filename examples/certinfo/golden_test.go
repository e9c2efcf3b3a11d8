package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/certlife/certlife/examples/internal/cli"
	"github.com/certlife/certlife/examples/internal/clitest"
)

// td is the directory of the fixtures the commands share.
const td = "../testdata/"

// cases are certinfo's golden cases; every case passes a fixed -at.
func cases(t testing.TB) []clitest.Case {
	der := string(derOf(t, sample))
	return []clitest.Case{
		{Name: "TV-2 sample midway", Args: []string{"-at", "2012-06-01T00:00:00Z"}},
		{Name: "TV-2 last second in JST is valid", Args: []string{"-at", "2012/12/11 08:59:59 JST"}},
		{Name: "TV-2 one second later has expired", Args: []string{"-at", "2012/12/11 09:00:00 JST"}},
		{Name: "TV-2 before notBefore", Args: []string{"-at", "12/09/2011 23:59:59 GMT"}},
		{Name: "TV-1 third zone America New_York", Args: []string{"-at", "2012-06-01T00:00:00Z", "-tz", "America/New_York"}},
		{Name: "TV-1 third zone fixed CET", Args: []string{"-at", "2012-06-01T00:00:00Z", "-tz", "CET"}},
		{Name: "TV-2 json", Args: []string{"-json", "-at", "2012-06-01T00:00:00Z"}},
		{Name: "TV-2 json with zone and window", Args: []string{"-json", "-tz", "EST", "-expires-within", "30d", "-at", "2012-06-01T00:00:00Z"}},
		{Name: "TV-3 expires within 30d exit 1", Args: []string{"-expires-within", "30d", "-at", "2012-11-11T00:00:00Z"}},
		{Name: "TV-3 not within 30d exit 0", Args: []string{"-expires-within", "30d", "-at", "2012-11-10T23:59:59Z"}},
		{Name: "TV-3 expired counts as expiring", Args: []string{"-expires-within", "0d", "-at", "2013-01-01"}},
		{Name: "TV-6 limits and TV-5 encoding", Args: []string{"-at", "2026-01-01", "testdata/tv6.pem"}},
		{Name: "TV-6 a 2019 certificate of 825 days is ok though TV-3 counts 826", Args: []string{"-at", "2026-01-01", "testdata/tv6-2019.pem"}},
		{Name: "TV-6 measured length json", Args: []string{"-json", "-at", "2026-01-01", "testdata/tv6-2019.pem"}},
		{Name: "TV-6 scope self-signed leaf client certificate and clientAuth successors", Args: []string{"-at", "2026-06-01", "testdata/scope.pem"}},
		{Name: "TV-6 clientAuth of an expired certificate judged at -at", Args: []string{"-at", "2027-06-01", "testdata/scope.pem"}},
		{Name: "TV-6 clientAuth json", Args: []string{"-json", "-at", "2026-06-01", "testdata/scope.pem"}},
		{Name: "PEM from stdin", Args: []string{"-at", "2012-06-01T00:00:00Z", "-"}, Stdin: "leading text\n" + string(sample) + "trailing text\n"},
		{Name: "DER from stdin", Args: []string{"-at", "2012-06-01T00:00:00Z", "-"}, Stdin: der},
		{Name: "PKCS12 bundle with password file", Args: []string{"-at", "2026-06-01", "-password-file", "../p12check/testdata/sample.password", "../p12check/testdata/sample.p12"}},
		{Name: "PKCS12 bundle with password on stdin", Args: []string{"-json", "-at", "2026-06-01", "-password-file", "-", "../p12check/testdata/legacy.p12"}, Stdin: "Sample2026\n"},
		{Name: "error PKCS12 without password", Args: []string{"-at", "2026-06-01", "../p12check/testdata/sample.p12"}},
		{Name: "error PKCS12 wrong password", Args: []string{"-at", "2026-06-01", "-password-file", "../p12check/testdata/wrong.password", "../p12check/testdata/sample.p12"}},
		{Name: "error password and input both on stdin", Args: []string{"-at", "2026-06-01", "-password-file", "-", "-"}},
		{Name: "help", Args: []string{"-h"}},
		{Name: "error unknown flag", Args: []string{"-bogus"}},
		{Name: "error TV-4 unknown zone in at", Args: []string{"-at", "12/10/2011 00:00:00 XST"}},
		{Name: "error zone Local refused", Args: []string{"-at", "2012-06-01T00:00:00Z", "-tz", "Local"}},
		{Name: "error bad window", Args: []string{"-at", "2012-06-01T00:00:00Z", "-expires-within", "soon"}},
		{Name: "error missing file", Args: []string{"-at", "2012-06-01T00:00:00Z", "testdata/nonexistent.pem"}},
		{Name: "error no certificate", Args: []string{"-at", "2012-06-01T00:00:00Z", "-"}, Stdin: "no pem here\n"},
		{Name: "error empty input", Args: []string{"-at", "2012-06-01T00:00:00Z", "-"}},
		{Name: "error bad certificate continues", Args: []string{"-at", "2012-06-01T00:00:00Z", "-"},
			Stdin: "-----BEGIN CERTIFICATE-----\nMAMCAQA=\n-----END CERTIFICATE-----\n" + string(sample)},
		{Name: "error unterminated block", Args: []string{"-at", "2012-06-01T00:00:00Z", "-"}, Stdin: string(sample[:100])},
		{Name: "error PEM END does not match BEGIN", Args: []string{"-at", "2012-06-01T00:00:00Z", "-"},
			Stdin: "-----BEGIN CERTIFICATE-----\nMAMCAQA=\n-----END PRIVATE KEY-----\n"},
		{Name: "error bad base64", Args: []string{"-at", "2012-06-01T00:00:00Z", "-"},
			Stdin: "-----BEGIN CERTIFICATE-----\nMA!!\n-----END CERTIFICATE-----\n"},
		{Name: "PEM skips other blocks", Args: []string{"-at", "2012-06-01T00:00:00Z", "-"},
			Stdin: "-----BEGIN PRIVATE KEY-----\nMAMCAQA=\n-----END PRIVATE KEY-----\n" + string(sample)},
		{Name: "error 2 wins over 1", Args: []string{"-expires-within", "30d", "-at", "2013-01-01", "-", "testdata/nonexistent.pem"}, Stdin: string(sample)},

		// The reproductions of issue 13 that concern certinfo.
		{Name: "PKCS7 DER bag is read", Args: []string{"-at", "2026-03-01", td + "bundle.p7b"}},
		{Name: "PKCS7 PEM bag is read", Args: []string{"-json", "-at", "2026-03-01", td + "bundle-p7b.pem"}},
		{Name: "TRUSTED CERTIFICATE is read", Args: []string{"-at", "2026-03-01", td + "trusted.pem"}},
		{Name: "UTF-8 BOM and CRLF are read", Args: []string{"-at", "2026-03-01", td + "bom.pem", td + "crlf.pem"}},
		{Name: "concatenated DER certificates", Args: []string{"-json", "-at", "2026-03-01", td + "chain.der"}},
		{Name: "PKCS12 shows the key and certificate pairing", Args: []string{"-at", "2026-03-01", "-password-file", td + "password.txt", td + "leaf.p12"}},
		{Name: "PKCS12 truststore has no key", Args: []string{"-json", "-at", "2026-03-01", "-password-file", td + "password.txt", td + "truststore.p12"}},
		{Name: "PK-3 keystore with two keys lists both entries", Args: []string{"-at", "2026-03-01", "-password-file", td + "password.txt", td + "keystore.p12"}},
		{Name: "PK-3 BER bundle as NSS writes it is read", Args: []string{"-at", "2027-01-01", "-password-file", "../../pkce/testdata/interop/password.txt", "../../pkce/testdata/interop/pkce-ber.p12"}},
		{Name: "PK-3 keystore json names entries and aliases", Args: []string{"-json", "-at", "2026-03-01", "-password-file", td + "password.txt", td + "keystore.p12"}},
		{Name: "error encrypted key is named", Args: []string{"-at", "2026-03-01", td + "encrypted.key", td + "encrypted-traditional.key"}},
		{Name: "error Java keystore is named", Args: []string{"-at", "2026-03-01", td + "keystore.jks"}},
		{Name: "error CSR where a certificate is expected", Args: []string{"-at", "2026-03-01", td + "wrong.csr"}},
		{Name: "error password file not echoed", Args: []string{"-at", "2026-03-01", "-password-file", "Secret2026", td + "leaf.p12"}},
		{Name: "flags after file names", Args: []string{td + "leaf.pem", "-json", "-at", "2026-03-01"}},
		{Name: "error unknown flag after file name", Args: []string{td + "leaf.pem", "-bogus"}},
		{Name: "double dash ends the flags", Args: []string{"-at", "2026-03-01", "--", "-json"}},
		{Name: "directory read with links followed", Args: []string{"-at", "2026-03-01", "../renewcheck/testdata/letsencrypt/live"}},
		{Name: "directory json counts skipped entries", Args: []string{"-json", "-at", "2026-03-01", "../renewcheck/testdata/letsencrypt"}},
		{Name: "verify chain to roots file", Args: []string{"-verify", "-roots", td + "root.pem", "-at", "2026-03-01", td + "fullchain.pem"}},
		{Name: "verify json", Args: []string{"-json", "-verify", "-roots", td + "root.pem", "-at", "2026-03-01", td + "fullchain.pem"}},
		{Name: "verify fails without the intermediate exit 1", Args: []string{"-verify", "-roots", td + "root.pem", "-at", "2026-03-01", td + "leaf.pem"}},
		{Name: "verify fails after notAfter exit 1", Args: []string{"-verify", "-roots", td + "root.pem", "-at", "2026-07-21", td + "fullchain.pem"}},
		{Name: "verify sample through its issuer", Args: []string{"-verify", "-roots", td + "ca.pem", "-at", "2012-06-01T00:00:00Z"}},
		{Name: "error roots without verify", Args: []string{"-roots", td + "root.pem", td + "leaf.pem"}},
		{Name: "error no newline ever", Args: []string{"-at", "2026-03-01", "-"}, Stdin: longLine(70 << 10)},
		{Name: "error NUL bytes as from dev zero", Args: []string{"-at", "2026-03-01", "-"}, Stdin: "\x00\x00\x00\x00"},
		{Name: "error BER indefinite length", Args: []string{"-at", "2026-03-01", "-"}, Stdin: "\x30\x80\x02\x01\x00\x00\x00"},
		{Name: "error DER element over the block limit", Args: []string{"-at", "2026-03-01", "-"}, Stdin: "\x30\x84\x40\x00\x00\x00"},
		{Name: "error input over max-input", Args: []string{"-max-input", "1K", "-at", "2012-06-01T00:00:00Z", "-"}, Stdin: string(sample) + string(sample)},
		{Name: "error bad max-input", Args: []string{"-max-input", "lots"}},
	}
}

// longLine is n bytes of text without a newline.
func longLine(n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = 'A'
	}
	return string(b)
}

// TestGolden runs certinfo in-process on each case, under two host zones,
// comparing its standard output, standard error and exit code with
// testdata/golden/NAME.txt (go test -update rewrites them).
func TestGolden(t *testing.T) {
	for _, c := range cases(t) {
		t.Run(c.Name, func(t *testing.T) { clitest.Check(t, name, run, c) })
	}
}

// TestBinary builds the real certinfo and runs a few cases under
// TZ=America/Los_Angeles and TZ=Asia/Tokyo: main is wired to run, and the
// process does not depend on the host's zone.
func TestBinary(t *testing.T) {
	all := map[string]clitest.Case{}
	for _, c := range cases(t) {
		all[c.Name] = c
	}
	bin := clitest.CheckBinary(t, name, all["TV-2 last second in JST is valid"], all["PEM from stdin"], all["error 2 wins over 1"])
	t.Run("verify with the system's roots", func(t *testing.T) {
		// Without -roots, -verify trusts the system's roots, which
		// crypto/x509 reads from SSL_CERT_FILE when it is set.
		c := clitest.Case{Args: []string{"-verify", "-at", "2026-03-01", td + "fullchain.pem"}}
		t.Setenv("SSL_CERT_FILE", td+"root.pem")
		t.Setenv("SSL_CERT_DIR", t.TempDir())
		r := clitest.Exec(t, bin, c, "Asia/Tokyo")
		if r.Exit != cli.ExitOK || strings.Count(r.Stdout, "verify       ok at -at: a chain to a root of the system's roots\n") != 2 {
			t.Errorf("exit %d, stdout:\n%s\nstderr: %s", r.Exit, r.Stdout, r.Stderr)
		}
		t.Setenv("SSL_CERT_FILE", "../contractcheck/testdata/client.pem") // trusts nothing here
		r = clitest.Exec(t, bin, c, "Asia/Tokyo")
		if r.Exit != cli.ExitNegative {
			t.Errorf("with another root: exit %d, want 1; stdout:\n%s", r.Exit, r.Stdout)
		}
	})
	t.Run("write error on /dev/full", func(t *testing.T) {
		// Every write to /dev/full fails with ENOSPC: certinfo stops at
		// the first, with one error line and exit 2.
		full, err := os.OpenFile("/dev/full", os.O_WRONLY, 0)
		if err != nil {
			t.Skipf("no /dev/full: %v", err)
		}
		defer full.Close()
		cmd := exec.Command(bin, "-at", "2025-06-01T00:00:00Z", "-")
		cmd.Stdin = bytes.NewReader(bundlePEM(t, 500))
		cmd.Stdout = full
		var stderr strings.Builder
		cmd.Stderr = &stderr
		err = cmd.Run()
		var ee *exec.ExitError
		if !errors.As(err, &ee) || ee.ExitCode() != cli.ExitError || strings.Count(stderr.String(), "\n") != 1 ||
			!strings.Contains(stderr.String(), "no space left on device") {
			t.Errorf("exit %v, stderr %q; want exit 2 and one line about the full device", err, stderr.String())
		}
	})
}

// TestREADME reruns the README blocks that show certinfo.
func TestREADME(t *testing.T) { clitest.CheckREADME(t, name, run) }
