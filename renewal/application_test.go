package renewal

import (
	"crypto/ed25519"
	"crypto/x509"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite the fuzz seed corpus in testdata/fuzz")

func mustApplication(t testing.TB, der []byte, at time.Time) Application {
	t.Helper()
	csr, err := x509.ParseCertificateRequest(der)
	if err != nil {
		t.Fatal(err)
	}
	app, err := ApplicationFrom(csr, at)
	if err != nil {
		t.Fatal(err)
	}
	return app
}

// seedCSRs returns deterministic CSRs (Ed25519 signatures are
// deterministic): a good one and one with its signature altered.
func seedCSRs(t testing.TB) (good, bad []byte) {
	good = newCSR(t, subject("www.example.jp"), edKey(7))
	bad = append([]byte(nil), good...)
	bad[len(bad)-1] ^= 0x01 // last byte of the Ed25519 signature
	return good, bad
}

func TestApplicationFrom(t *testing.T) {
	at := jst(2024, 3, 1, 0, 0, 0, 0)
	good, bad := seedCSRs(t)
	parse := func(der []byte) *x509.CertificateRequest {
		csr, err := x509.ParseCertificateRequest(der)
		if err != nil {
			t.Fatal(err)
		}
		return csr
	}
	tests := []struct {
		name string
		csr  *x509.CertificateRequest
		at   time.Time
		want Reason // 0: no error
	}{
		{name: "RN-2 a well-signed CSR is an application", csr: parse(good), at: at},
		{name: "RN-1 a CSR with a bad signature is refused", csr: parse(bad), at: at, want: ReasonBadSignature},
		{name: "RN-3 a zero instant is refused, not taken as now", csr: parse(good), want: ReasonZeroTime},
		{name: "RN-1 a nil CSR is refused", at: at, want: ReasonNoRequest},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			app, err := ApplicationFrom(tt.csr, tt.at)
			if tt.want == 0 {
				if err != nil {
					t.Fatalf("ApplicationFrom() error = %v", err)
				}
				if app.Subject.CommonName != "www.example.jp" || !app.At.Equal(at) || app.Additional ||
					!edKey(7).Public().(ed25519.PublicKey).Equal(app.PublicKey) {
					t.Errorf("ApplicationFrom() = %+v", app)
				}
				return
			}
			var e *Error
			if !errors.As(err, &e) || e.Reason != tt.want {
				t.Fatalf("ApplicationFrom() error = %v, want reason %v", err, tt.want)
			}
			if tt.want == ReasonBadSignature && errors.Unwrap(err) == nil {
				t.Errorf("bad signature error does not wrap the x509 error")
			}
		})
	}
}

// TestUpdateFuzzCorpus rewrites testdata/fuzz/FuzzApplicationFrom with
// -update.
func TestUpdateFuzzCorpus(t *testing.T) {
	if !*update {
		t.Skip("run with -update to rewrite the seed corpus")
	}
	good, bad := seedCSRs(t)
	dir := filepath.Join("testdata", "fuzz", "FuzzApplicationFrom")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, der := range map[string][]byte{"good-ed25519": good, "bad-signature": bad, "truncated": good[:len(good)/2]} {
		data := "go test fuzz v1\n[]byte(" + strconv.Quote(string(der)) + ")\n"
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestFuzzCorpusPresent(t *testing.T) {
	for target, least := range map[string]int{"FuzzApplicationFrom": 3, "FuzzParseRenewalInfo": 6, "FuzzParseRetryAfter": 9} {
		files, err := filepath.Glob(filepath.Join("testdata", "fuzz", target, "*"))
		if err != nil || len(files) < least {
			t.Errorf("%s seed corpus has %d files (%v); regenerate with go test -run 'TestUpdate.*FuzzCorpus' -update", target, len(files), err)
		}
	}
}

func FuzzApplicationFrom(f *testing.F) {
	good, bad := seedCSRs(f)
	f.Add(good)
	f.Add(bad)
	f.Add([]byte{})
	f.Add([]byte{0x30, 0x00})
	at := jst(2024, 3, 1, 0, 0, 0, 0)
	f.Fuzz(func(t *testing.T, der []byte) {
		csr, err := x509.ParseCertificateRequest(der)
		if err != nil {
			return
		}
		app, err := ApplicationFrom(csr, at)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("error %v (%T) is not a *renewal.Error", err, err)
			}
			return
		}
		if app.Subject.CommonName != csr.Subject.CommonName || !app.At.Equal(at) {
			t.Fatalf("application does not carry the CSR's subject and instant: %+v", app)
		}
		// Whatever the CSR, classifying it must not panic.
		_, err = Classify(app, []Held{held("www.example.jp", jst(2024, 1, 10, 9, 0, 0, 0), edKey(7).Public(), 1)}, DefaultPolicy())
		var e *Error
		var early *TooEarlyError
		if err != nil && !errors.As(err, &e) && !errors.As(err, &early) {
			t.Fatalf("Classify error %v (%T) is not the package's", err, err)
		}
	})
}

func TestHeldFrom(t *testing.T) {
	k := edKey(5)
	nb := utc(2011, 12, 10, 0, 0, 0)
	na := utc(2012, 12, 10, 23, 59, 59)
	c := newCert(t, "www.example.jp", k, 0x1001, nb, na)
	tests := []struct {
		name string
		cert *x509.Certificate
		want Held
	}{
		{name: "RN-2 TV-3 a certificate gives its subject, validity, key and serial", cert: c,
			want: Held{Subject: c.Subject, DNSNames: []string{"www.example.jp"}, NotBefore: nb, NotAfter: na, PublicKey: k.Public(), SerialNumber: c.SerialNumber}},
		{name: "RN-1 a nil certificate gives the zero Held", want: Held{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, HeldFrom(tt.cert), cmpHeld); diff != "" {
				t.Errorf("HeldFrom() mismatch (-want +got):\n%s", diff)
			}
		})
	}
}
