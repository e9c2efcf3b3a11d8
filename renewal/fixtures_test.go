package renewal

import (
	"crypto/x509"
	"encoding/pem"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// The fixtures in testdata/fixtures are real CSRs and certificates made by
// OpenSSL 3.0 (openssl req, openssl x509) and Java 17's keytool
// (-certreq, -gencert); testdata/mkfixtures.sh regenerates them.

func readPEM(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "fixtures", name))
	if err != nil {
		t.Fatal(err)
	}
	b, _ := pem.Decode(data)
	if b == nil {
		t.Fatalf("%s: no PEM block", name)
	}
	return b.Bytes
}

func fixtureCSR(t testing.TB, name string) *x509.CertificateRequest {
	t.Helper()
	csr, err := x509.ParseCertificateRequest(readPEM(t, name))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return csr
}

func fixtureCert(t testing.TB, name string) *x509.Certificate {
	t.Helper()
	c, err := x509.ParseCertificate(readPEM(t, name))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return c
}

// TestRN4Fixtures classifies real CSRs against real certificates: the CA
// dropped OU and emailAddress, re-encoded strings, reordered attributes,
// added EV fields; keytool's CSR; a CSR with SANs only.
func TestRN4Fixtures(t *testing.T) {
	lastCSR := fixtureCSR(t, "openssl-2025.csr").Subject
	tests := []struct {
		name    string
		why     string
		csr     string
		cert    string
		request bool // the held certificate carries last year's CSR subject
		kind    Kind
		changed []string
		reason  Reason // an *Error expected instead
	}{
		{name: "RN-4 OpenSSL CSR unchanged since last year: the CA dropped OU and emailAddress", why: "only the attributes the certificate carries are compared",
			csr: "openssl-2026.csr", cert: "openssl-2025-ou-dropped.crt", kind: KindRenewal},
		{name: "RN-4 OpenSSL CSR unchanged since last year, compared with last year's CSR", why: "CSR with CSR",
			csr: "openssl-2026.csr", cert: "openssl-2025-ou-dropped.crt", request: true, kind: KindRenewal},
		{name: "RN-4 a changed locality is new against the certificate",
			csr: "openssl-2026-moved.csr", cert: "openssl-2025-ou-dropped.crt", kind: KindNew, changed: []string{"L"}},
		{name: "RN-4 a changed locality is new against last year's CSR",
			csr: "openssl-2026-moved.csr", cert: "openssl-2025-ou-dropped.crt", request: true, kind: KindNew, changed: []string{"L"}},
		{name: "RN-4 case and spacing of values do not count", why: "ST=tokyo, O=EXAMPLE  Co.,  Ltd.",
			csr: "openssl-2026-spaced.csr", cert: "openssl-2025-ou-dropped.crt", kind: KindRenewal},
		{name: "RN-4 dropping OU and emailAddress from the CSR is a change from last year's CSR",
			csr: "openssl-2026-spaced.csr", cert: "openssl-2025-ou-dropped.crt", request: true, kind: KindNew, changed: []string{"OU", "emailAddress"}},
		{name: "RN-4 BMPString values equal UTF8String and PrintableString ones",
			csr: "openssl-2026-bmp.csr", cert: "openssl-2025-ou-dropped.crt", kind: KindRenewal},
		{name: "RN-4 BMPString CSR against last year's UTF8String CSR",
			csr: "openssl-2026-bmp.csr", cert: "openssl-2025-ou-dropped.crt", request: true, kind: KindRenewal},
		{name: "RN-4 multi-valued RDNs compare as their attributes",
			csr: "openssl-2026-multivalued.csr", cert: "openssl-2025-ou-dropped.crt", kind: KindRenewal},
		{name: "RN-4 T61String (Latin-1) equals UTF8String", why: "O=Société Exemple in both",
			csr: "openssl-2026-t61.csr", cert: "openssl-2025-t61-utf8.crt", kind: KindRenewal},
		{name: "RN-4 EV fields the CA added do not make a renewal new", why: "jurisdictionC, businessCategory, serialNumber only in the certificate",
			csr: "openssl-ev.csr", cert: "openssl-ev.crt", kind: KindRenewal},
		{name: "RN-4 keytool CSR against the certificate keytool -gencert issued",
			csr: "keytool.csr", cert: "keytool.crt", kind: KindRenewal},
		{name: "RN-4 keytool CSR (PrintableString, reversed order) against OpenSSL's certificate without OU",
			csr: "keytool.csr", cert: "openssl-2025-ou-dropped.crt", kind: KindRenewal},
		{name: "RN-1 RN-2 a CSR with SANs only is named by its DNS names", why: "no subject at all; www.example.jp is among its SANs",
			csr: "openssl-sans-only.csr", cert: "openssl-2025-ou-dropped.crt", kind: KindRenewal},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cert := fixtureCert(t, tt.cert)
			h := HeldFrom(cert)
			if tt.request {
				h.RequestSubject = &lastCSR
			}
			app, err := ApplicationFrom(fixtureCSR(t, tt.csr), cert.NotBefore.Add(45*24*time.Hour))
			if err != nil {
				t.Fatal(err)
			}
			d, err := Classify(app, []Held{h}, DefaultPolicy())
			if err != nil {
				t.Fatalf("Classify() error = %v", err)
			}
			if d.Kind != tt.kind || !cmp.Equal(d.Changed, tt.changed) {
				t.Errorf("Classify() = %v %v %v, want %v %v (%s)", d.Kind, d.Clause, d.Changed, tt.kind, tt.changed, tt.why)
			}
		})
	}
}

// TestRN4OpenSSLLive makes a CSR and a certificate with the openssl on the
// machine, in the string types and order a CA might choose, and checks
// that the unchanged subject is a renewal (RN-4). Locally it is skipped
// without openssl; under CI=true it fails instead.
func TestRN4OpenSSLLive(t *testing.T) {
	if _, err := exec.LookPath("openssl"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("openssl is required under CI")
		}
		t.Skip("openssl not installed:", err)
	}
	dir := t.TempDir()
	cnf := filepath.Join(dir, "req.cnf")
	if err := os.WriteFile(cnf, []byte("[req]\ndistinguished_name = dn\nstring_mask = MASK:0x800\nutf8 = yes\n[dn]\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	run := func(args ...string) {
		t.Helper()
		if out, err := exec.Command("openssl", args...).CombinedOutput(); err != nil {
			t.Fatalf("openssl %v: %v\n%s", args, err, out)
		}
	}
	key, csr, crt := filepath.Join(dir, "k.pem"), filepath.Join(dir, "r.csr"), filepath.Join(dir, "c.crt")
	run("req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", key, "-config", cnf,
		"-subj", "/C=JP/ST=Tokyo/L=Minato-ku/O=Example Co., Ltd./OU=IT/CN=www.example.jp/emailAddress=admin@example.jp", "-out", csr)
	run("x509", "-req", "-in", csr, "-key", key, "-days", "90", "-subj", "/CN=WWW.EXAMPLE.JP/O=example co., ltd./L=Minato-ku/ST=Tokyo/C=JP", "-out", crt)
	read := func(name string) []byte {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := pem.Decode(data)
		if b == nil {
			t.Fatalf("%s: no PEM", name)
		}
		return b.Bytes
	}
	c, err := x509.ParseCertificate(read(crt))
	if err != nil {
		t.Fatal(err)
	}
	app := mustApplication(t, read(csr), c.NotBefore.Add(40*24*time.Hour))
	d, err := Classify(app, []Held{HeldFrom(c)}, DefaultPolicy())
	if err != nil || d.Kind != KindRenewal {
		t.Errorf("RN-4 openssl BMPString CSR against a re-encoded certificate: %v %v %v, %v", d.Kind, d.Clause, d.Changed, err)
	}
}

// TestRN4EmptySubject: a CSR with neither a common name nor a DNS name
// cannot be classified.
func TestRN4EmptySubject(t *testing.T) {
	app := Application{At: utc(2026, 1, 1, 0, 0, 0)}
	_, err := Classify(app, nil, DefaultPolicy())
	var e *Error
	if !errors.As(err, &e) || e.Reason != ReasonNoCommonName {
		t.Errorf("RN-1 empty subject: err = %v, want ReasonNoCommonName", err)
	}
}

// TestARICertIDRFC9773 checks ARICertID against RFC 9773's own example
// certificate (section 4.1, Appendix A): keyIdentifier
// 69:88:5B:6B:87:46:40:41:E1:B3:7B:84:7B:A0:AE:2C:DE:01:C8:D4, serial
// 00:87:65:43:21, identifier "aYhba4dGQEHhs3uEe6CuLN4ByNQ.AIdlQyE". The PEM
// is in testdata/rfc9773-example.pem, copied from the RFC (IETF Trust, code
// component under the Revised BSD License).
func TestARICertIDRFC9773(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "rfc9773-example.pem"))
	if err != nil {
		t.Fatal(err)
	}
	b, _ := pem.Decode(data)
	cert, err := x509.ParseCertificate(b.Bytes)
	if err != nil {
		t.Fatalf("RFC 9773 example certificate: %v", err)
	}
	got, err := ARICertID(cert)
	if want := "aYhba4dGQEHhs3uEe6CuLN4ByNQ.AIdlQyE"; got != want || err != nil {
		t.Errorf("RN-13 ARICertID = %q, %v; want %q", got, err, want)
	}
	// The fixtures' certificates have an AKI; the CA certificate made by
	// openssl req -x509 has one too (its own key), keytool's as well.
	for _, name := range []string{"openssl-2025-ou-dropped.crt", "keytool.crt"} {
		if id, err := ARICertID(fixtureCert(t, name)); err != nil || len(id) < 3 {
			t.Errorf("RN-13 ARICertID(%s) = %q, %v", name, id, err)
		}
	}
}
