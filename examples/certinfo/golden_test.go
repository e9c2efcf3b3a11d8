package main

import (
	"os"
	"strings"
	"testing"

	"github.com/certlife/certlife/examples/internal/clitest"
	"github.com/google/go-cmp/cmp"
)

// TestGolden builds certinfo once and runs it on each case, comparing its
// standard output, standard error and exit code with
// testdata/golden/NAME.txt (go test -update rewrites them). Every case
// passes a fixed -at.
func TestGolden(t *testing.T) {
	bin := clitest.Build(t, "certinfo")
	der := string(derOf(t, sample))
	cases := []clitest.Case{
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
	}
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			clitest.Check(t, bin, "certinfo", c)
		})
	}
}

// TestRunInProcess checks that run, called in-process, gives what the
// binary gives for the sample.
func TestRunInProcess(t *testing.T) {
	want, err := os.ReadFile("testdata/golden/TV-2_sample_midway.txt")
	if err != nil {
		t.Skip("no golden file yet")
	}
	var stdout, stderr strings.Builder
	code := run([]string{"-at", "2012-06-01T00:00:00Z"}, strings.NewReader(""), &stdout, &stderr)
	got := clitest.Format("certinfo", clitest.Case{Args: []string{"-at", "2012-06-01T00:00:00Z"}},
		clitest.Result{Exit: code, Stdout: stdout.String(), Stderr: stderr.String()})
	if d := cmp.Diff(string(want), got); d != "" {
		t.Errorf("run differs from the binary (-want +got):\n%s", d)
	}
}
