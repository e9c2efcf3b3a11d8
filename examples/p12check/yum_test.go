package main

import (
	"crypto/x509"
	"encoding/pem"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/certlife/certlife/examples/internal/cli"
	"github.com/certlife/certlife/pkce"
)

// TestYumFiles checks what -yum writes (PK-5): the leaf alone, its RSA key
// unencrypted as an RSA PRIVATE KEY with mode 0600, the CA, and a .repo
// file naming them in -install-dir; package pkce's tests run yum's real
// readers (NSS with nss-pem) on such files.
func TestYumFiles(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	code := run([]string{"-yum", dir, "-repo-id", "el7", "-repo-url", "https://updates.example.jp/el7/", "-install-dir", "/etc/pki/vendor"},
		strings.NewReader(""), io.Discard, io.Discard, cli.Env{})
	if code != cli.ExitOK {
		t.Fatalf("exit %d, want 0", code)
	}
	names, _ := filepath.Glob(filepath.Join(dir, "*"))
	if len(names) != 4 {
		t.Fatalf("wrote %q, want 4 files", names)
	}
	var cert *x509.Certificate
	var key any
	var repo string
	for _, n := range names {
		fi, err := os.Stat(n)
		if err != nil {
			t.Fatal(err)
		}
		data, _ := os.ReadFile(n)
		want := os.FileMode(0o644)
		switch {
		case strings.HasSuffix(n, "-key.pem"):
			want = 0o600
			b, _ := pem.Decode(data)
			if b == nil || b.Type != "RSA PRIVATE KEY" {
				t.Fatalf("%s: not an RSA PRIVATE KEY block", n)
			}
			if key, err = x509.ParsePKCS1PrivateKey(b.Bytes); err != nil {
				t.Fatal(err)
			}
		case strings.HasSuffix(n, "-cert.pem"):
			b, rest := pem.Decode(data)
			if b == nil || len(strings.TrimSpace(string(rest))) != 0 {
				t.Fatalf("%s: want the leaf alone", n)
			}
			if cert, err = x509.ParseCertificate(b.Bytes); err != nil {
				t.Fatal(err)
			}
		case strings.HasSuffix(n, ".repo"):
			repo = string(data)
		}
		if fi.Mode().Perm() != want {
			t.Errorf("%s: mode %v, want %v", n, fi.Mode().Perm(), want)
		}
	}
	if cert == nil || key == nil {
		t.Fatal("no certificate or no key written")
	}
	if err := pkce.CheckKeyPair(cert, key); err != nil {
		t.Errorf("PK-5 the key written is not the certificate's: %v", err)
	}
	base := strings.TrimSuffix(filepath.Base(names[0]), "-ca.pem")
	for _, line := range []string{"[el7]", "sslclientcert=/etc/pki/vendor/" + base + "-cert.pem", "sslclientkey=/etc/pki/vendor/" + base + "-key.pem"} {
		if !strings.Contains(repo, line+"\n") {
			t.Errorf(".repo lacks %q:\n%s", line, repo)
		}
	}
}
