package zlintdiff_test

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/sha256"
	"crypto/x509"
	"crypto/x509/pkix"
	"math/big"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/certlife/certlife/validity"
	zx "github.com/zmap/zcrypto/x509"
	"github.com/zmap/zlint/v3"
	"github.com/zmap/zlint/v3/lint"
	"golang.org/x/crypto/cryptobyte"
	cbasn1 "golang.org/x/crypto/cryptobyte/asn1"
)

// The zlint lints each family of validity's checks is compared with.
var (
	// lifetimeLints are zlint's TV-6 lints: BR 6.3.2 (39 months, 825 days;
	// source CABFBaselineRequirements), Apple's 398/397 days (source
	// AppleRootStorePolicy, effective 2020-09-01, never ineffective) and
	// ballot SC-081's steps.
	lifetimeLints = []string{
		"e_sub_cert_valid_time_longer_than_39_months",
		"e_sub_cert_valid_time_longer_than_825_days",
		"e_tls_server_cert_valid_time_longer_than_398_days",
		"w_tls_server_cert_valid_time_longer_than_397_days",
		"e_server_cert_valid_time_longer_than_200_days",
		"w_server_cert_valid_time_longer_than_199_days",
		"e_server_cert_valid_time_longer_than_100_days",
		"w_server_cert_valid_time_longer_than_99_days",
		"e_server_cert_valid_time_longer_than_47_days",
		"w_server_cert_valid_time_longer_than_46_days",
	}
	clientAuthLint = "e_client_auth_not_allowed"
	// encodingLints maps zlint's RFC 5280 4.1.2.5 lints to the Finding of
	// validity.EncodingFindings that says the same.
	encodingLints = map[string]encodingKey{
		"e_utc_time_does_not_include_seconds":          {"UTCTime", validity.CodeMissingSeconds},
		"e_utc_time_not_in_zulu":                       {"UTCTime", validity.CodeNotZulu},
		"e_generalized_time_does_not_include_seconds":  {"GeneralizedTime", validity.CodeMissingSeconds},
		"e_generalized_time_includes_fraction_seconds": {"GeneralizedTime", validity.CodeFractionalSeconds},
		"e_generalized_time_not_in_zulu":               {"GeneralizedTime", validity.CodeNotZulu},
		"e_wrong_time_format_pre2050":                  {"GeneralizedTime", validity.CodeGeneralizedTimeBefore2050},
	}
)

// An encodingKey is the ASN.1 type and Code of an encoding Finding.
type encodingKey struct {
	typ  string
	code validity.Code
}

// registry returns zlint's registry filtered to the lints above, once.
var registry = sync.OnceValues(func() (lint.Registry, error) {
	names := slices.Clone(lifetimeLints)
	names = append(names, clientAuthLint)
	for n := range encodingLints {
		names = append(names, n)
	}
	return lint.GlobalRegistry().Filter(lint.FilterOptions{IncludeNames: names})
})

// zlintResults runs the lints on der, as zlint's command does: parse with
// zcrypto, then lint. It returns nil when zcrypto cannot parse der.
func zlintResults(t testing.TB, der []byte) map[string]lint.LintStatus {
	t.Helper()
	reg, err := registry()
	if err != nil {
		t.Fatal(err)
	}
	if n := len(reg.Names()); n != len(lifetimeLints)+1+len(encodingLints) {
		t.Fatalf("zlint registry has %d of the lints named here: %v", n, reg.Names())
	}
	zc, err := zx.ParseCertificate(der)
	if err != nil {
		return nil
	}
	rs := zlint.LintCertificateEx(zc, reg)
	out := make(map[string]lint.LintStatus, len(rs.Results))
	for name, r := range rs.Results {
		out[name] = r.Status
	}
	return out
}

// combine grades a family of zlint results as a validity Outcome: the
// worst status of the lints that ran, NotApplicable when none ran (NA and
// NE both mean "not judged").
func combine(res map[string]lint.LintStatus, names []string) validity.Outcome {
	worst := validity.OutcomeNotApplicable
	for _, n := range names {
		o := validity.OutcomeNotApplicable
		switch res[n] {
		case lint.Pass, lint.Notice:
			o = validity.OutcomePass
		case lint.Warn:
			o = validity.OutcomeWarning
		case lint.Error, lint.Fatal:
			o = validity.OutcomeError
		}
		worst = max(worst, o)
	}
	return worst
}

// keys are the throwaway keys of the test CA and of every leaf.
var keys = sync.OnceValues(func() ([2]*ecdsa.PrivateKey, error) {
	var k [2]*ecdsa.PrivateKey
	for i := range k {
		var err error
		if k[i], err = ecdsa.GenerateKey(elliptic.P256(), rand.Reader); err != nil {
			return k, err
		}
	}
	return k, nil
})

// A shape is what decides whether the TV-6 limits and the clientAuth ban
// apply to a certificate.
type shape struct {
	name       string
	isCA       bool
	selfSigned bool
	eku        []x509.ExtKeyUsage
	policies   []x509.OID
}

func mustOID(ints ...uint64) x509.OID {
	oid, err := x509.OIDFromInts(ints)
	if err != nil {
		panic(err)
	}
	return oid
}

var (
	oidDV = mustOID(2, 23, 140, 1, 2, 1)
	oidEV = mustOID(2, 23, 140, 1, 1)

	serverAuth = []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}
	clientAuth = []x509.ExtKeyUsage{x509.ExtKeyUsageClientAuth}
	bothAuth   = []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth, x509.ExtKeyUsageClientAuth}

	plain = shape{name: "serverAuth leaf", eku: serverAuth}
	// scopeShapes are the shapes of TLSServerApplies, for every step.
	scopeShapes = []shape{
		plain,
		{name: "leaf without EKU"},
		{name: "clientAuth leaf with the DV policy", eku: clientAuth, policies: []x509.OID{oidDV}},
		{name: "codeSigning leaf with the EV policy", eku: []x509.ExtKeyUsage{x509.ExtKeyUsageCodeSigning}, policies: []x509.OID{oidEV}},
		{name: "clientAuth leaf", eku: clientAuth},
		{name: "CA certificate", isCA: true},
		{name: "self-signed leaf", selfSigned: true, eku: serverAuth},
	}
)

// issue returns the DER of a certificate of shape s from nb to na, issued
// by the test CA unless s is self-signed, as crypto/x509 encodes it.
func issue(t testing.TB, s shape, nb, na time.Time) []byte {
	t.Helper()
	k, err := keys()
	if err != nil {
		t.Fatal(err)
	}
	ca, leaf := k[0], k[1]
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(0x2026), Subject: pkix.Name{CommonName: "www.example.jp"},
		DNSNames: []string{"www.example.jp"}, NotBefore: nb, NotAfter: na,
		IsCA: s.isCA, BasicConstraintsValid: true, ExtKeyUsage: s.eku, Policies: s.policies,
		KeyUsage: x509.KeyUsageDigitalSignature,
	}
	parent, signer := tmpl, leaf
	if s.isCA {
		tmpl.KeyUsage |= x509.KeyUsageCertSign
	}
	if !s.selfSigned {
		parent = &x509.Certificate{Subject: pkix.Name{CommonName: "certlife zlintdiff CA"}, SubjectKeyId: []byte{9, 9, 9}}
		signer = ca
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, parent, &leaf.PublicKey, signer)
	if err != nil {
		t.Fatal(err)
	}
	return der
}

// A rawTime is a validity time written verbatim: an ASN.1 tag and content.
type rawTime struct {
	tag cbasn1.Tag
	raw string
}

func utcTime(s string) rawTime         { return rawTime{cbasn1.UTCTime, s} }
func generalizedTime(s string) rawTime { return rawTime{cbasn1.GeneralizedTime, s} }

// withValidity returns der, a certificate issued by the test CA, with its
// validity replaced by nb and na written verbatim, signed again.
func withValidity(t testing.TB, der []byte, nb, na rawTime) []byte {
	t.Helper()
	k, err := keys()
	if err != nil {
		t.Fatal(err)
	}
	in := cryptobyte.String(der)
	var cert, tbs, sigAlg cryptobyte.String
	var version, serial, alg, issuer, rest cryptobyte.String
	if !in.ReadASN1(&cert, cbasn1.SEQUENCE) ||
		!cert.ReadASN1(&tbs, cbasn1.SEQUENCE) ||
		!cert.ReadASN1Element(&sigAlg, cbasn1.SEQUENCE) ||
		!tbs.ReadASN1Element(&version, cbasn1.Tag(0).Constructed().ContextSpecific()) ||
		!tbs.ReadASN1Element(&serial, cbasn1.INTEGER) ||
		!tbs.ReadASN1Element(&alg, cbasn1.SEQUENCE) ||
		!tbs.ReadASN1Element(&issuer, cbasn1.SEQUENCE) ||
		!tbs.SkipASN1(cbasn1.SEQUENCE) {
		t.Fatal("withValidity: cannot read the certificate")
	}
	rest = tbs
	var b cryptobyte.Builder
	b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
		b.AddBytes(version)
		b.AddBytes(serial)
		b.AddBytes(alg)
		b.AddBytes(issuer)
		b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
			for _, tm := range [2]rawTime{nb, na} {
				b.AddASN1(tm.tag, func(b *cryptobyte.Builder) { b.AddBytes([]byte(tm.raw)) })
			}
		})
		b.AddBytes(rest)
	})
	newTBS := b.BytesOrPanic()
	h := sha256.Sum256(newTBS)
	sig, err := ecdsa.SignASN1(rand.Reader, k[0], h[:])
	if err != nil {
		t.Fatal(err)
	}
	var c cryptobyte.Builder
	c.AddASN1(cbasn1.SEQUENCE, func(c *cryptobyte.Builder) {
		c.AddBytes(newTBS)
		c.AddBytes(sigAlg)
		c.AddASN1BitString(sig)
	})
	return c.BytesOrPanic()
}

// tbsOf returns the DER of der's TBSCertificate, read without crypto/x509,
// which refuses some of the encodings TV-5 is about.
func tbsOf(t testing.TB, der []byte) []byte {
	t.Helper()
	in := cryptobyte.String(der)
	var cert, tbs cryptobyte.String
	if !in.ReadASN1(&cert, cbasn1.SEQUENCE) || !cert.ReadASN1Element(&tbs, cbasn1.SEQUENCE) {
		t.Fatal("tbsOf: not a certificate")
	}
	return tbs
}

// A difference is a disagreement with zlint that validity keeps on
// purpose. match says whether a case shows it; seen counts the cases that
// did, so that a difference nothing shows any more is noticed.
type difference struct {
	id     string
	reason string
	seen   int
}

// report fails t if a listed difference was never seen or is missing from
// the validity package documentation, and logs how many cases agreed and
// differed.
func report(t *testing.T, family string, agreed int, diffs []*difference) {
	t.Helper()
	t.Logf("%s: %d cases agree with zlint", family, agreed)
	doc, err := os.ReadFile(filepath.Join("..", "..", "validity", "doc.go"))
	if err != nil {
		t.Fatal(err)
	}
	// The doc wraps its lines: compare with runs of white space as one.
	text := strings.Join(strings.Fields(strings.ReplaceAll(string(doc), "//", "")), " ")
	for _, d := range diffs {
		if !strings.Contains(text, d.id) {
			t.Errorf("%s: the validity package documentation does not list the difference %q", family, d.id)
		}
		t.Logf("%s: %d cases show the deliberate difference %q", family, d.seen, d.id)
		if d.seen == 0 {
			t.Errorf("%s: no case shows the listed difference %q any more; update the table and the validity package doc", family, d.id)
		}
	}
}
