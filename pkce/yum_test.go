package pkce

import (
	"bufio"
	"context"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"errors"
	"math/big"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

var yumRepo = YumRepo{ID: "certlife", BaseURL: "https://repo.example.jp/el7/", Dir: "/etc/pki/certlife"}

func TestYum(t *testing.T) {
	key := testRSA(t, "leaf")
	leaf, inter, root := interopCert(t, "leaf"), interopCert(t, "inter1"), interopCert(t, "root")
	b := &Bundle{Key: key, Leaf: leaf, Chain: []*x509.Certificate{inter, root}}
	f, err := b.Yum(yumRepo)
	if err != nil {
		t.Fatal(err)
	}
	t.Run("PK-5 distinct basenames carrying the certificate", func(t *testing.T) {
		names := map[string]bool{f.CertName: true, f.KeyName: true, f.CAName: true}
		if len(names) != 3 || !strings.HasPrefix(f.CertName, "certlife-") {
			t.Errorf("names %q %q %q", f.CertName, f.KeyName, f.CAName)
		}
		renewed := &Bundle{Key: key, Leaf: interopCert(t, "leaf-deep"), Chain: b.Chain}
		g, err := renewed.Yum(yumRepo)
		if err != nil {
			t.Fatal(err)
		}
		if g.CertName == f.CertName || g.KeyName == f.KeyName {
			t.Errorf("a renewed certificate reuses the basename %s, which nss-pem takes for the same file", g.CertName)
		}
	})
	t.Run("PK-5 unencrypted RSA key, leaf alone, CA chain", func(t *testing.T) {
		blk, rest := pem.Decode(f.Key)
		if blk == nil || blk.Type != "RSA PRIVATE KEY" || len(blk.Headers) != 0 || len(rest) != 0 {
			t.Fatalf("key PEM: %q", f.Key)
		}
		if _, rest := pem.Decode(f.Cert); len(rest) != 0 {
			t.Error("certificate file holds more than the leaf")
		}
		got, err := Load(append(append([]byte{}, f.Cert...), f.Key...), "")
		if err != nil || CheckKeyPair(got.Leaf, got.Key) != nil || !got.Leaf.Equal(leaf) {
			t.Errorf("PEM pair: %v", err)
		}
		if n := strings.Count(string(f.CA), "BEGIN CERTIFICATE"); n != 2 {
			t.Errorf("CA file has %d certificates, want 2", n)
		}
	})
	t.Run("PK-5 .repo stanza", func(t *testing.T) {
		for _, line := range []string{"[certlife]", "sslclientcert=/etc/pki/certlife/" + f.CertName,
			"sslclientkey=/etc/pki/certlife/" + f.KeyName, "sslcacert=/etc/pki/certlife/" + f.CAName, "sslverify=1"} {
			if !strings.Contains(string(f.Repo), line+"\n") {
				t.Errorf(".repo lacks %q:\n%s", line, f.Repo)
			}
		}
	})
	tests := []struct {
		name, want string
		b          *Bundle
		repo       YumRepo
	}{
		{"PK-5 no key", "no private key", &Bundle{Leaf: leaf}, yumRepo},
		{"PK-5 mismatched key", "matches no certificate", &Bundle{Key: testRSA(t, "root"), Leaf: leaf}, yumRepo},
		{"PK-5 bad repo id", "YumRepo.ID", b, YumRepo{ID: "cert life", BaseURL: yumRepo.BaseURL, Dir: yumRepo.Dir}},
		{"PK-5 plain http", "YumRepo.BaseURL", b, YumRepo{ID: "x", BaseURL: "http://repo/", Dir: yumRepo.Dir}},
		{"PK-5 relative dir", "YumRepo.Dir", b, YumRepo{ID: "x", BaseURL: yumRepo.BaseURL, Dir: "pki"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := tc.b.Yum(tc.repo)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("Yum = %v, want an error about %s", err, tc.want)
			}
		})
	}
	t.Run("PK-5 an EC key is refused, saying why", func(t *testing.T) {
		ec := newPKI(t, nil)
		_, err := (&Bundle{Key: ec.leafKey, Leaf: ec.leaf}).Yum(yumRepo)
		var te *TargetError
		if !errors.As(err, &te) || te.Target != YumCentOS7 || te.Reason != ReasonKeyAlgorithm || !errors.Is(err, ErrUnreadable) ||
			!strings.Contains(err.Error(), "ECDSA P-256") || !strings.Contains(err.Error(), "only RSA") {
			t.Fatalf("Yum = %v", err)
		}
		if _, err := (&Bundle{Key: ec.leafKey, Leaf: ec.leaf}).Encode(fixturePassword, YumCentOS7); !errors.Is(err, ErrUnreadable) {
			t.Errorf("Encode for yum = %v", err)
		}
	})
	t.Run("PK-5 Write: modes and no leftovers", func(t *testing.T) {
		dir := t.TempDir()
		// A key file left world-readable by someone else stays 0600 after.
		if err := os.WriteFile(filepath.Join(dir, f.KeyName), []byte("old"), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := f.Write(context.Background(), dir); err != nil {
			t.Fatal(err)
		}
		want := map[string]os.FileMode{f.CertName: 0o644, f.KeyName: 0o600, f.CAName: 0o644, f.RepoName: 0o644}
		entries, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		if len(entries) != len(want) {
			t.Errorf("%d files in dir, want %d", len(entries), len(want))
		}
		for name, mode := range want {
			st, err := os.Stat(filepath.Join(dir, name))
			if err != nil || st.Mode().Perm() != mode {
				t.Errorf("%s: %v %v, want %v", name, st.Mode(), err, mode)
			}
		}
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		if err := f.Write(ctx, dir); !errors.Is(err, context.Canceled) {
			t.Errorf("Write with a cancelled context = %v", err)
		}
	})
}

// TestYumWithRealTools: PK-5 checked by real tools. openssl reads the PEM
// pair Yum writes and finds it matching; libcurl built on NSS, reading
// the pair through nss-pem as yum's curl does on CentOS 7 (Debian's
// libcurl3-nss and nss-plugin-pem, driven by testdata/yum/nsscurl.py),
// gets a page from "openssl s_server -Verify", which requires a client
// certificate from the bundle's CA, and gets none without the pair or
// with an ECDSA pair, which nss-pem refuses (SEC_ERROR_INVALID_KEY); the
// OpenSSL-based curl gets the page too.
//
// The server speaks TLS 1.2 to the NSS client: with TLS 1.3 NSS sends no
// certificate from an nss-pem key (measured with libcurl 7.88.1, NSS
// 3.87.1), so a repository for yum's client certificates must offer TLS
// 1.2.
func TestYumWithRealTools(t *testing.T) {
	openssl := needTool(t, "openssl")
	dir := t.TempDir()
	data := vector{file: "openssl-default.p12"}.data(t)
	b, err := Decode(data, fixturePassword)
	if err != nil {
		t.Fatal(err)
	}
	f, err := b.Yum(yumRepo)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Write(context.Background(), dir); err != nil {
		t.Fatal(err)
	}
	cert, key, ca := filepath.Join(dir, f.CertName), filepath.Join(dir, f.KeyName), filepath.Join(dir, f.CAName)

	t.Run("PK-5 openssl reads the PEM pair and it matches", func(t *testing.T) {
		pub1, err := run(t, dir, openssl, "x509", "-in", cert, "-noout", "-pubkey")
		if err != nil {
			t.Fatalf("openssl x509: %v\n%s", err, pub1)
		}
		pub2, err := run(t, dir, openssl, "pkey", "-in", key, "-pubout")
		if err != nil {
			t.Fatalf("openssl pkey: %v\n%s", err, pub2)
		}
		if pub1 != pub2 || !strings.Contains(pub1, "BEGIN PUBLIC KEY") {
			t.Errorf("public keys differ:\n%s\n%s", pub1, pub2)
		}
		if msg, err := run(t, dir, openssl, "verify", "-CAfile", ca, cert); err != nil {
			t.Errorf("openssl verify: %v\n%s", err, msg)
		}
	})

	srvCert, srvKey, srvCA := serverCert(t, dir)
	// server starts "openssl s_server" for n connections and returns its URL.
	server := func(t *testing.T, n int, tls ...string) string {
		args := append([]string{"s_server", "-accept", "127.0.0.1:0", "-naccept", strconv.Itoa(n), "-www",
			"-cert", srvCert, "-key", srvKey, "-CAfile", ca, "-Verify", "3", "-verify_return_error"}, tls...)
		cmd := exec.Command(openssl, args...)
		cmd.Dir = dir
		stdout, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		cmd.Stderr = cmd.Stdout
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
		port := ""
		sc := bufio.NewScanner(stdout)
		guard := time.AfterFunc(20*time.Second, func() { cmd.Process.Kill() })
		for sc.Scan() {
			if addr, ok := strings.CutPrefix(sc.Text(), "ACCEPT "); ok {
				_, port, _ = net.SplitHostPort(addr)
				break
			}
		}
		guard.Stop()
		go func() {
			for sc.Scan() {
			}
		}()
		if port == "" {
			t.Fatal("s_server did not say where it listens")
		}
		return "https://localhost:" + port + "/"
	}

	t.Run("PK-5 NSS through nss-pem reads the pair, as yum does", func(t *testing.T) {
		python := needTool(t, "python3")
		script, err := filepath.Abs("testdata/yum/nsscurl.py")
		if err != nil {
			t.Fatal(err)
		}
		if msg, err := run(t, dir, python, script, "--version"); err != nil || !strings.Contains(msg, "NSS/") {
			if os.Getenv("CI") == "true" {
				t.Fatalf("libcurl-nss (libcurl3-nss) not usable under CI=true: %v\n%s", err, msg)
			}
			t.Skipf("libcurl-nss (libcurl3-nss) not usable: %v\n%s", err, msg)
		}
		if m, _ := filepath.Glob("/usr/lib*/*/nss/libnsspem.so"); len(m) == 0 {
			if os.Getenv("CI") == "true" {
				t.Fatal("nss-pem (nss-plugin-pem) missing under CI=true")
			}
			t.Skip("nss-pem (nss-plugin-pem) missing")
		}
		ecDir := t.TempDir()
		ec, err := Decode(vector{file: "openssl-ec.p12"}.data(t), fixturePassword)
		if err != nil {
			t.Fatal(err)
		}
		ecCert := writeFile(t, ecDir, "ec-cert.pem", pemBlock("CERTIFICATE", ec.Leaf.Raw, nil))
		ecKey := writeFile(t, ecDir, "ec-key.pem", pemBlock("PRIVATE KEY", mustPKCS8(t, ec.Key), nil))
		url := server(t, 3, "-tls1_2")
		out, err := run(t, dir, python, script, url, srvCA, cert, key)
		if err != nil || !strings.Contains(out, "Client certificate") || !strings.Contains(out, "NSS: client certificate from file") {
			t.Errorf("NSS curl with the yum files: %v\n%s", err, out)
		}
		if out, err := run(t, dir, python, script, url, srvCA); err == nil {
			t.Errorf("NSS curl without a client certificate got a page: the server does not check, so the test proves nothing\n%s", out)
		}
		out, err = run(t, dir, python, script, url, srvCA, ecCert, ecKey)
		if err == nil || !strings.Contains(out, "SEC_ERROR_INVALID_KEY") {
			t.Errorf("PK-5 nss-pem took an ECDSA key, which yum on CentOS 7 cannot use: %v\n%s", err, out)
		}
	})

	t.Run("PK-5 curl (OpenSSL) with the pair", func(t *testing.T) {
		curl := needTool(t, "curl")
		url := server(t, 2)
		out, err := run(t, dir, curl, "-sS", "--max-time", "20", "--cacert", srvCA, "--cert", cert, "--key", key, url)
		if err != nil || !strings.Contains(out, "Client certificate") {
			t.Fatalf("curl with the yum files: %v\n%s", err, out)
		}
		if out, err := run(t, dir, curl, "-sS", "--max-time", "20", "--cacert", srvCA, url); err == nil {
			t.Errorf("curl without a client certificate got a page\n%s", out)
		}
	})
}

// serverCert makes a CA and a localhost server certificate for s_server,
// valid from 2020 to 2099 so that the test reads no clock while curl
// checks them against its own.
func serverCert(t *testing.T, dir string) (cert, key, ca string) {
	caKey, srvKey := ecKey(t), ecKey(t)
	from, to := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2099, 12, 31, 0, 0, 0, 0, time.UTC)
	caT := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "yum test server CA"},
		NotBefore: from, NotAfter: to, IsCA: true, BasicConstraintsValid: true, KeyUsage: x509.KeyUsageCertSign}
	caCert := mustCert(t, caT, caT, caKey.Public(), caKey)
	srvT := &x509.Certificate{SerialNumber: big.NewInt(2), Subject: pkix.Name{CommonName: "localhost"}, DNSNames: []string{"localhost"},
		NotBefore: from, NotAfter: to, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}, KeyUsage: x509.KeyUsageDigitalSignature}
	srv := mustCert(t, srvT, caCert, srvKey.Public(), caKey)
	return writeFile(t, dir, "server.pem", pemBlock("CERTIFICATE", srv.Raw, nil)),
		writeFile(t, dir, "server.key", pemBlock("PRIVATE KEY", mustPKCS8(t, srvKey), nil)),
		writeFile(t, dir, "server-ca.pem", pemBlock("CERTIFICATE", caCert.Raw, nil))
}
