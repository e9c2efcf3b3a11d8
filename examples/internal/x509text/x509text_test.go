package x509text

import (
	"bytes"
	"crypto/ed25519"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"math/big"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/certlife/certlife/examples/internal/clitest"
	"github.com/google/go-cmp/cmp"
	"golang.org/x/crypto/cryptobyte"
	cbasn1 "golang.org/x/crypto/cryptobyte/asn1"
)

// av is one attribute of a name: its OID's DER content, the value's tag
// and the value.
type av struct {
	oid []byte
	tag cbasn1.Tag
	val string
}

// rdnSequence encodes a name: RDNs in order, attributes in order.
func rdnSequence(rdns ...[]av) []byte {
	var b cryptobyte.Builder
	b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
		for _, r := range rdns {
			b.AddASN1(cbasn1.SET, func(b *cryptobyte.Builder) {
				for _, a := range r {
					b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
						b.AddASN1(cbasn1.OBJECT_IDENTIFIER, func(b *cryptobyte.Builder) { b.AddBytes(a.oid) })
						b.AddASN1(a.tag, func(b *cryptobyte.Builder) { b.AddBytes([]byte(a.val)) })
					})
				}
			})
		}
	})
	return b.BytesOrPanic()
}

var (
	cn = []byte{0x55, 4, 3}
	o  = []byte{0x55, 4, 10}
	ou = []byte{0x55, 4, 11}
)

// names are the names checked against openssl: escaping, a multi-valued
// RDN, every attribute type with a short name, text outside ASCII in
// UTF8String, BMPString, UniversalString and T61String, and an attribute
// type openssl does not know.
func names() map[string][]byte {
	every := make([][]av, 0, len(attrNames))
	for oid := range attrNames {
		every = append(every, []av{{[]byte(oid), cbasn1.PrintableString, "v"}})
	}
	// Map order: sort for a stable name.
	sortRDNs(every)
	return map[string][]byte{
		"escaping":                            rdnSequence([]av{{cn, cbasn1.UTF8String, ` a,b=c+d"e\f<g>h;i#j `}}),
		"leading hash and control characters": rdnSequence([]av{{cn, cbasn1.UTF8String, "#x\x01y\x7f"}}),
		"multi-valued RDN reversed as openssl does": rdnSequence([]av{{o, cbasn1.PrintableString, "O"}, {ou, cbasn1.PrintableString, "OU"}},
			[]av{{cn, cbasn1.PrintableString, "www.example.jp"}}),
		"every short name": rdnSequence(every...),
		"Japanese and other string types": rdnSequence([]av{{cn, cbasn1.UTF8String, "日本語"}}, []av{{o, 30, "\x65\xe5\x67\x2c"}},
			[]av{{o, cbasn1.T61String, "caf\xe9"}}, []av{{ou, 28, "\x00\x00\x65\xe5"}}),
		"unknown attribute type": rdnSequence([]av{{[]byte{0x2a, 3, 4}, cbasn1.PrintableString, "xyz"}}, []av{{cn, cbasn1.PrintableString, "a"}}),
		"empty value":            rdnSequence([]av{{cn, cbasn1.UTF8String, ""}}),
		"empty name":             rdnSequence(),
	}
}

func sortRDNs(r [][]av) {
	for i := 1; i < len(r); i++ {
		for j := i; j > 0 && bytes.Compare(r[j][0].oid, r[j-1][0].oid) < 0; j-- {
			r[j], r[j-1] = r[j-1], r[j]
		}
	}
}

// certWith returns a self-signed certificate whose subject is raw.
func certWith(tb testing.TB, raw []byte, serial *big.Int) []byte {
	tb.Helper()
	key := ed25519.NewKeyFromSeed(bytes.Repeat([]byte{1}, 32))
	tmpl := &x509.Certificate{SerialNumber: serial, RawSubject: raw,
		NotBefore: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), NotAfter: time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC)}
	der, err := x509.CreateCertificate(nil, tmpl, tmpl, key.Public(), key)
	if err != nil {
		tb.Fatal(err)
	}
	return der
}

// TestNameAgreesWithOpenSSL prints each name as openssl x509 -nameopt
// RFC2253 does: exactly so for ASCII names, and as with -nameopt
// RFC2253,-esc_msb (UTF-8 unescaped) for the others.
func TestNameAgreesWithOpenSSL(t *testing.T) {
	openssl := clitest.NeedTool(t, "openssl")
	dir := t.TempDir()
	for name, raw := range names() {
		t.Run(name, func(t *testing.T) {
			der := certWith(t, raw, big.NewInt(1))
			file := filepath.Join(dir, strings.ReplaceAll(name, " ", "_")+".pem")
			if err := os.WriteFile(file, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o644); err != nil {
				t.Fatal(err)
			}
			got, ok := AppendName(nil, raw)
			if !ok {
				t.Fatal("AppendName refused the name")
			}
			opt := "RFC2253"
			if !isASCII(string(got)) {
				opt = "RFC2253,-esc_msb"
			}
			out, err := exec.Command(openssl, "x509", "-noout", "-subject", "-nameopt", opt, "-in", file).Output()
			if err != nil {
				t.Fatalf("openssl: %v", err)
			}
			want := strings.TrimSuffix(strings.TrimPrefix(string(out), "subject="), "\n")
			if d := cmp.Diff(want, string(got)); d != "" {
				t.Errorf("-nameopt %s (-openssl +got):\n%s", opt, d)
			}
		})
	}
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// TestSerialAgreesWithOpenSSL prints serials as openssl x509 -text prints
// those longer than eight bytes (it prints shorter ones in decimal; the
// commands use one form for all), compared on a 9-byte serial with the
// high bit set.
func TestSerialAgreesWithOpenSSL(t *testing.T) {
	openssl := clitest.NeedTool(t, "openssl")
	serial := new(big.Int).SetBytes([]byte{0x8c, 0x20, 0x26, 0x01, 0x01, 0x00, 0x00, 0x00, 0x01})
	der := certWith(t, rdnSequence([]av{{cn, cbasn1.PrintableString, "x"}}), serial)
	file := filepath.Join(t.TempDir(), "c.pem")
	os.WriteFile(file, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o644)
	out, err := exec.Command(openssl, "x509", "-noout", "-text", "-fingerprint", "-sha256", "-in", file).Output()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(out), "Serial Number:\n            "+Serial(serial)+"\n") {
		t.Errorf("openssl -text does not show serial %s:\n%s", Serial(serial), out)
	}
	if !strings.Contains(string(out), "sha256 Fingerprint="+Fingerprint(der)+"\n") {
		t.Errorf("openssl does not show fingerprint %s:\n%s", Fingerprint(der), out)
	}
}

// TestSerial checks the serial form at its edges.
func TestSerial(t *testing.T) {
	for _, c := range []struct {
		n    *big.Int
		want string
	}{
		{big.NewInt(0), "00"},
		{big.NewInt(0x0c2026), "0c:20:26"},
		{big.NewInt(-1), "-01"},
		{new(big.Int).SetBytes([]byte{0xff, 0, 1}), "ff:00:01"},
		{nil, ""},
	} {
		if got := Serial(c.n); got != c.want {
			t.Errorf("Serial(%v) = %q, want %q", c.n, got, c.want)
		}
	}
}

// TestNameFallsBack prints the parsed name when the raw one is not an
// RDNSequence, and refuses names that are malformed or too long.
func TestNameFallsBack(t *testing.T) {
	parsed := &pkix.Name{CommonName: "x"}
	if got := Name([]byte{0x30, 0x03, 0x31}, parsed); got != "CN=x" {
		t.Errorf("Name(malformed) = %q, want the parsed name", got)
	}
	long := make([][]av, maxAttrs+1)
	for i := range long {
		long[i] = []av{{cn, cbasn1.PrintableString, "x"}}
	}
	if _, ok := AppendName(nil, rdnSequence(long...)); ok {
		t.Error("AppendName accepted more than maxAttrs attributes")
	}
	if _, ok := AppendName(nil, rdnSequence([]av{})); ok {
		t.Error("AppendName accepted an empty RDN")
	}
}

// FuzzName checks the name printer: no panic, and valid UTF-8 whenever it
// accepts the input.
func FuzzName(f *testing.F) {
	for _, raw := range names() {
		f.Add(raw)
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		if out, ok := AppendName(nil, raw); ok && !utf8.Valid(out) {
			t.Fatalf("invalid UTF-8: %q", out)
		}
	})
}

// TestFuzzCorpus checks that the seed corpus in testdata/fuzz is there.
func TestFuzzCorpus(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "fuzz", "FuzzName", "*"))
	if len(files) == 0 {
		t.Error("no seed corpus in testdata/fuzz/FuzzName")
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil || !bytes.HasPrefix(b, []byte("go test fuzz v1\n")) {
			t.Errorf("%s: not a go test fuzz v1 file (%v)", f, err)
		}
	}
}
