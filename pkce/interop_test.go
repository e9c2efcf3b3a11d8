package pkce

// Interop with the real peers (house style: "real peers, not mocks"):
// OpenSSL's and Java's command-line tools. Passwords reach them through
// files (file:, -storepass:file), never on the command line.
//
// Locally a missing tool skips with the reason; under CI=true it fails.

import (
	"bytes"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	pkcs12 "software.sslmate.com/src/go-pkcs12"
)

// needTool returns the path of a command-line tool, skipping the test
// when it is missing, or failing it under CI=true.
func needTool(t *testing.T, name string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s not found under CI=true: %v", name, err)
		}
		t.Skipf("%s not found: %v", name, err)
	}
	return path
}

// run runs a tool with its output captured; the arguments never hold a
// password.
func run(t *testing.T, dir, tool string, args ...string) (string, error) {
	t.Helper()
	cmd := exec.Command(tool, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "LC_ALL=C")
	out, err := cmd.CombinedOutput()
	return string(out), err
}

// writePassword writes the password file the tools read.
func writePassword(t *testing.T, dir string) string {
	t.Helper()
	f := filepath.Join(dir, "pw.txt")
	if err := os.WriteFile(f, []byte(fixturePassword+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	return f
}

func writeFile(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	f := filepath.Join(dir, name)
	if err := os.WriteFile(f, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return f
}

// TestInteropEncodeReadByTools: PK-2 against the real readers. For every
// go-pkcs12 encoder and every Encode target, OpenSSL 3.0 (without
// -legacy) and keytool 17 must read the file exactly when ReadableBy says
// they can.
func TestInteropEncodeReadByTools(t *testing.T) {
	openssl := needTool(t, "openssl")
	keytool := needTool(t, "keytool")
	dir := t.TempDir()
	pwFile := writePassword(t, dir)
	p := newPKI(t, rsaKey(t))
	b := &Bundle{Key: p.leafKey, Leaf: p.leaf, Chain: []*x509.Certificate{p.inter, p.root}}

	files := map[string][]byte{}
	for _, tg := range []Target{OpenSSL30, Java17, OpenSSL102, OpenSSL34} {
		data, err := b.Encode(fixturePassword, tg)
		if err != nil {
			t.Fatal(err)
		}
		files["Encode "+tg.String()] = data
	}
	for name, enc := range map[string]*pkcs12.Encoder{"go-pkcs12 LegacyRC2": pkcs12.LegacyRC2} {
		data, err := enc.Encode(p.leafKey, p.leaf, b.Chain, fixturePassword)
		if err != nil {
			t.Fatal(err)
		}
		files[name] = data
	}
	for name, data := range files {
		info, err := Inspect(data)
		if err != nil {
			t.Fatal(err)
		}
		f := writeFile(t, dir, strings.ReplaceAll(name, " ", "_")+".p12", data)
		t.Run("PK-2 OpenSSL 3.0 reads "+name, func(t *testing.T) {
			out := filepath.Join(dir, strings.ReplaceAll(name, " ", "_")+".pem")
			msg, err := run(t, dir, openssl, "pkcs12", "-in", f, "-passin", "file:"+pwFile, "-nodes", "-out", out)
			want := info.ReadableBy(OpenSSL30)
			if (err == nil) != (want == nil) {
				t.Fatalf("openssl pkcs12: err=%v, ReadableBy(OpenSSL30)=%v\n%s", err, want, msg)
			}
			if err != nil {
				return
			}
			pemData, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			got, err := Load(pemData, "")
			if err != nil {
				t.Fatalf("Load(openssl output): %v", err)
			}
			if !got.Leaf.Equal(p.leaf) || len(got.Chain) != 2 || CheckKeyPair(got.Leaf, got.Key) != nil {
				t.Errorf("openssl output: wrong leaf, chain or key")
			}
		})
		t.Run("PK-2 keytool 17 reads "+name, func(t *testing.T) {
			t.Parallel() // JVM start-up dominates; overlap them
			msg, err := run(t, dir, keytool, "-list", "-keystore", f, "-storetype", "PKCS12", "-storepass:file", pwFile)
			want := info.ReadableBy(Java17)
			readable := err == nil && strings.Contains(msg, "PrivateKeyEntry")
			if readable != (want == nil) {
				t.Fatalf("keytool -list: err=%v, ReadableBy(Java17)=%v\n%s", err, want, msg)
			}
		})
	}
}

// TestInteropToolsDecoded: files written by openssl pkcs12 -export and by
// keytool are decoded with the right leaf and chain.
func TestInteropToolsDecoded(t *testing.T) {
	openssl := needTool(t, "openssl")
	dir := t.TempDir()
	pwFile := writePassword(t, dir)
	p := newPKI(t, rsaKey(t))
	keyDER, err := x509.MarshalPKCS8PrivateKey(p.leafKey)
	if err != nil {
		t.Fatal(err)
	}
	keyFile := writeFile(t, dir, "key.pem", pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: keyDER}))
	leafFile := writeFile(t, dir, "leaf.pem", pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: p.leaf.Raw}))
	// The chain file lists the root first: the leaf must still be found.
	chainFile := writeFile(t, dir, "chain.pem", append(
		pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: p.root.Raw}),
		pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: p.inter.Raw})...))

	tests := []struct {
		name      string
		args      []string
		certSafe  Encryption
		keyScheme Encryption
		mac       MACAlgorithm
	}{
		{"PK-2 openssl pkcs12 -export (default)", nil, PBES2, PBES2, MACSHA256},
		{"PK-2 openssl pkcs12 -export -legacy", []string{"-legacy"}, PBEWithSHA1And40BitRC2, PBEWithSHA1And3DES, MACSHA1},
		// OpenSSL 3's -descert changes the certificates only: the key stays
		// PBES2/AES and the MAC SHA-256, so the file is still not for
		// CentOS 7 (use -legacy, or Encode(pw, OpenSSL102)).
		{"PK-2 openssl pkcs12 -export -descert", []string{"-descert"}, PBEWithSHA1And3DES, PBES2, MACSHA256},
		{"PK-2 openssl pkcs12 -export -certpbe NONE", []string{"-certpbe", "NONE"}, NoEncryption, PBES2, MACSHA256},
	}
	var defaultFile string
	for i, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out := filepath.Join(dir, "openssl"+itoa(i)+".p12")
			args := append([]string{"pkcs12", "-export", "-in", leafFile, "-inkey", keyFile, "-certfile", chainFile,
				"-passout", "file:" + pwFile, "-out", out}, tc.args...)
			if msg, err := run(t, dir, openssl, args...); err != nil {
				t.Fatalf("openssl: %v\n%s", err, msg)
			}
			data, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			if i == 0 {
				defaultFile = out
			}
			checkDecoded(t, data, p)
			info, err := Inspect(data)
			if err != nil {
				t.Fatal(err)
			}
			if info.MAC.Algorithm != tc.mac || len(info.Safes) != 2 || info.Safes[0].Scheme.Encryption != tc.certSafe ||
				len(info.KeyBags) != 1 || info.KeyBags[0].Scheme.Encryption != tc.keyScheme {
				t.Errorf("Inspect:\n%s", info)
			}
			if _, err := Decode(data, "Wr0ngPassw0rd"); !errors.Is(err, ErrIncorrectPassword) {
				t.Errorf("wrong password: %v", err)
			}
		})
	}

	for _, name := range []string{"ber.p12", "ber-inner.p12"} {
		t.Run("PK-4 BER fixture "+name+" is valid PKCS#12 for OpenSSL", func(t *testing.T) {
			// The BER fixtures must be real BER, so that ErrBER is the right
			// diagnosis rather than "garbage".
			f, err := filepath.Abs(filepath.Join(hostileDir, name))
			if err != nil {
				t.Fatal(err)
			}
			if msg, err := run(t, dir, openssl, "pkcs12", "-in", f, "-passin", "file:"+pwFile, "-nodes", "-out", filepath.Join(dir, name+".pem")); err != nil {
				t.Fatalf("openssl cannot read %s: %v\n%s", name, err, msg)
			}
		})
	}

	keytool := needTool(t, "keytool")
	t.Run("PK-3 keytool -importkeystore from OpenSSL", func(t *testing.T) {
		if defaultFile == "" {
			t.Skip("openssl default case failed")
		}
		out := filepath.Join(dir, "keytool.p12")
		msg, err := run(t, dir, keytool, "-importkeystore", "-noprompt",
			"-srckeystore", defaultFile, "-srcstoretype", "PKCS12", "-srcstorepass:file", pwFile,
			"-destkeystore", out, "-deststoretype", "PKCS12", "-deststorepass:file", pwFile)
		if err != nil {
			t.Fatalf("keytool: %v\n%s", err, msg)
		}
		data, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		checkDecoded(t, data, p)
	})
	t.Run("PK-3 keytool -genkeypair", func(t *testing.T) {
		out := filepath.Join(dir, "genkey.p12")
		msg, err := run(t, dir, keytool, "-genkeypair", "-alias", "client", "-keyalg", "EC", "-groupname", "secp256r1",
			"-dname", "CN=keytool client", "-validity", "30", "-keystore", out, "-storetype", "PKCS12", "-storepass:file", pwFile)
		if err != nil {
			t.Fatalf("keytool: %v\n%s", err, msg)
		}
		data, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		b, err := Decode(data, fixturePassword)
		if err != nil {
			t.Fatal(err)
		}
		if b.Leaf.Subject.CommonName != "keytool client" || CheckKeyPair(b.Leaf, b.Key) != nil {
			t.Errorf("leaf = %v", b.Leaf.Subject)
		}
		info, err := Inspect(data)
		if err != nil {
			t.Fatal(err)
		}
		if err := info.ReadableBy(Java17); err != nil {
			t.Errorf("keytool's own file judged unreadable by Java 17: %v", err)
		}
	})
}

func checkDecoded(t *testing.T, data []byte, p *pki) {
	t.Helper()
	b, err := Decode(data, fixturePassword)
	if err != nil {
		t.Fatalf("Decode: %v", err)
	}
	if !b.Leaf.Equal(p.leaf) {
		t.Errorf("leaf = %v", b.Leaf.Subject)
	}
	if err := CheckKeyPair(b.Leaf, b.Key); err != nil {
		t.Error(err)
	}
	var chain [][]byte
	for _, c := range b.Chain {
		chain = append(chain, c.Raw)
	}
	if len(chain) != 2 || !bytes.Equal(chain[0], p.inter.Raw) || !bytes.Equal(chain[1], p.root.Raw) {
		t.Errorf("chain has %d certificates, want intermediate then root", len(chain))
	}
}
