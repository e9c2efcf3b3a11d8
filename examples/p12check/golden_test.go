package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/certlife/certlife/examples/internal/clitest"
)

const (
	td = "../testdata/"
	// interop holds package pkce's PKCS#12 vectors from real producers
	// (pkce/testdata/interop/README.md says where each comes from); their
	// password is in password.txt.
	interop = "../../pkce/testdata/interop/"
)

// TestGolden runs p12check in-process on each case, under two host zones,
// comparing standard output, standard error and the exit code with
// testdata/golden/NAME.txt (go test -update rewrites them).
func TestGolden(t *testing.T) {
	// A directory for the -out and -yum cases, holding a copy of the
	// sample and of the keytool keystore, so that the file names printed
	// are the same on every run.
	work := t.TempDir()
	for _, f := range []string{"testdata/sample.p12", "testdata/sample.password", td + "keystore.p12", td + "password.txt"} {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(work, filepath.Base(f)), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	const pw = "testdata/sample.password"
	cases := []clitest.Case{
		{Name: "PK-2 sample"},
		{Name: "PK-2 CentOS 7 cannot read the sample", Args: []string{"-target", "centos7"}},
		{Name: "PK-2 Java 17 reads the sample", Args: []string{"-target", "java17"}},
		{Name: "PK-2 re-encode for CentOS 7", Args: []string{"-password-file", "sample.password", "-target", "centos7", "-out", "centos7.p12", "sample.p12"}, Dir: work},
		{Name: "PK-2 the re-encoded file reads on CentOS 7", Args: []string{"-password-file", "sample.password", "-target", "centos7", "centos7.p12"}, Dir: work},
		{Name: "PK-2 legacy 3DES file", Args: []string{"-password-file", pw, "testdata/legacy.p12"}},
		{Name: "PK-1 password with a symbol", Args: []string{"-password-file", "testdata/symbol.password", "testdata/symbol.p12"}},
		{Name: "PK-3 key matches no certificate", Args: []string{"-password-file", pw, "testdata/mismatch.p12"}},
		{Name: "PK-4 iterations over the cap", Args: []string{"-max-iterations", "1000"}},
		{Name: "password from stdin", Args: []string{"testdata/sample.p12"}, Stdin: "Sample2026\n"},
		{Name: "bundle from stdin", Args: []string{"-password-file", pw, "-"}, Stdin: readFile(t, "testdata/legacy.p12")},
		{Name: "json", Args: []string{"-json", "-target", "centos7"}},
		{Name: "help", Args: []string{"-h"}},
		{Name: "error incorrect password", Args: []string{"-password-file", "testdata/wrong.password", "testdata/sample.p12"}},
		{Name: "error not a bundle", Args: []string{"-password-file", pw, "golden_test.go"}},
		{Name: "error bundle and password both on stdin", Args: []string{"-"}, Stdin: "x"},
		{Name: "error out without target", Args: []string{"-out", "x.p12"}},
		{Name: "error unknown target", Args: []string{"-target", "centos6"}},
		{Name: "error two files", Args: []string{"a.p12", "b.p12"}},
		{Name: "error unknown flag", Args: []string{"-password", "secret"}},
		{Name: "error missing file", Args: []string{"-password-file", pw, "testdata/nonexistent.p12"}},
		{Name: "error missing password file", Args: []string{"-password-file", "testdata/nonexistent.password", "testdata/sample.p12"}},

		// The reproductions of issue 13 that concern p12check.
		{Name: "PK-3 a bundle of the shared fixtures", Args: []string{"-json", "-password-file", td + "password.txt", td + "leaf.p12"}},
		{Name: "PK-3 truststore has no key exit 1", Args: []string{"-password-file", td + "password.txt", td + "truststore.p12"}},
		{Name: "PK-3 truststore json", Args: []string{"-json", "-password-file", td + "password.txt", td + "truststore.p12"}},
		{Name: "PK-3 keystore with two keys", Args: []string{"-password-file", td + "password.txt", td + "keystore.p12"}},
		{Name: "error PEM file is not a bundle", Args: []string{"-password-file", pw, td + "fullchain.pem"}},
		{Name: "error DER certificate is not a bundle", Args: []string{"-password-file", pw, td + "leaf.der"}},
		{Name: "error Java keystore is not PKCS12", Args: []string{"-password-file", pw, td + "keystore.jks"}},
		{Name: "error password file argument is never echoed", Args: []string{"-password-file", "Sample2026!", "testdata/sample.p12"}},
		{Name: "error one-line password file", Args: []string{"-password-file", "-", "testdata/sample.p12"}, Stdin: strings.Repeat("x", 4096)},
		{Name: "error one-line password on stdin", Args: []string{"testdata/sample.p12"}, Stdin: strings.Repeat("x", 4096)},
		{Name: "error NUL bytes as from dev zero", Args: []string{"-password-file", pw, "-"}, Stdin: "\x00\x00\x00"},
		{Name: "flags after the file", Args: []string{"testdata/legacy.p12", "-password-file", pw, "-target", "centos7"}},
		{Name: "error unknown flag after the file", Args: []string{"testdata/legacy.p12", "-password", "Sample2026"}},

		// pkce's new readers: BER, keystores, limits, yum (issue 12).
		{Name: "PK-2 BER bundle as NSS writes it", Args: []string{"-password-file", interop + "password.txt", interop + "pkce-ber.p12"}},
		{Name: "PK-3 keystore json lists entries and the alias ignores case as keytool does", Args: []string{"-json", "-password-file", td + "password.txt", "-alias", "SHOP", td + "keystore.p12"}},
		{Name: "error alias no entry has", Args: []string{"-password-file", td + "password.txt", "-alias", "mail", td + "keystore.p12"}},
		{Name: "PK-4 MAC salt over the limit exit 1", Args: []string{"-password-file", pw, "testdata/bigsalt.p12"}},
		{Name: "PK-4 limit json", Args: []string{"-json", "-password-file", pw, "testdata/bigsalt.p12"}},
		{Name: "PK-5 yum files for the sample", Args: []string{"-yum", "yum", "-repo-id", "el7-extended", "-repo-url", "https://updates.example.jp/el7/",
			"-password-file", "sample.password", "sample.p12"}, Dir: work},
		{Name: "PK-5 yum target is served by the yum files", Args: []string{"-target", "yumcentos7", "-yum", "yum-target", "-repo-id", "el7",
			"-repo-url", "https://updates.example.jp/el7/", "-install-dir", "/etc/pki/vendor", "-password-file", "sample.password", "sample.p12"}, Dir: work},
		{Name: "PK-5 yum json", Args: []string{"-json", "-yum", "yum-json", "-repo-id", "el7", "-repo-url", "https://updates.example.jp/el7/",
			"-password-file", "sample.password", "sample.p12"}, Dir: work},
		{Name: "PK-5 yum refuses an ECDSA key exit 1", Args: []string{"-yum", "yum-ec", "-repo-id", "el7", "-repo-url", "https://updates.example.jp/el7/",
			"-password-file", "password.txt", "-alias", "www", "keystore.p12"}, Dir: work},
		{Name: "error yum without repository", Args: []string{"-yum", "yum"}},
		{Name: "error repository flags without yum", Args: []string{"-repo-id", "el7"}},
		{Name: "error yum repository id yum refuses", Args: []string{"-yum", "yum", "-repo-id", "el 7", "-repo-url", "https://updates.example.jp/el7/"}},
		{Name: "error yum repository url not https", Args: []string{"-yum", "yum", "-repo-id", "el7", "-repo-url", "http://updates.example.jp/el7/"}},
		{Name: "error yum keystore without alias", Args: []string{"-yum", "yum", "-repo-id", "el7", "-repo-url", "https://updates.example.jp/el7/",
			"-password-file", td + "password.txt", td + "keystore.p12"}},
	}
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) { clitest.Check(t, name, run, c) })
	}
	t.Run("binary", func(t *testing.T) {
		clitest.CheckBinary(t, name, cases[0], cases[9])
	})
}

// TestREADME reruns the README blocks that show p12check.
func TestREADME(t *testing.T) { clitest.CheckREADME(t, name, run) }

func readFile(tb testing.TB, name string) string {
	tb.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		tb.Fatal(err)
	}
	return string(b)
}
