package validity_test

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"math/big"
	"sync"
	"testing"
	"time"

	"github.com/certlife/certlife/tz"
	"golang.org/x/crypto/cryptobyte"
	cbasn1 "golang.org/x/crypto/cryptobyte/asn1"
)

// utc returns the UTC instant y-m-d h:mi:s.
// The first instants of the TV-6 steps, shared by the tables that test
// them: "after 2016-07-01" and "after 2018-03-01" start the next day (UTC).
var (
	s39  = utc(2016, 7, 2, 0, 0, 0)
	s825 = utc(2018, 3, 2, 0, 0, 0)
	s398 = utc(2020, 9, 1, 0, 0, 0)
	s200 = utc(2026, 3, 15, 0, 0, 0)
	s100 = utc(2027, 3, 15, 0, 0, 0)
	s47  = utc(2029, 3, 15, 0, 0, 0)
)

func utc(y int, m time.Month, d, h, mi, s int) time.Time {
	return time.Date(y, m, d, h, mi, s, 0, time.UTC)
}

// jst returns the JST instant y-m-d h:mi:s.
func jst(y int, m time.Month, d, h, mi, s int) time.Time {
	return time.Date(y, m, d, h, mi, s, 0, tz.JST)
}

// mustParse reads a timestamp with tz.Parse.
func mustParse(t testing.TB, s string) time.Time {
	t.Helper()
	v, err := tz.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

var (
	testKey   = sync.OnceValues(newKey)
	testCAKey = sync.OnceValues(newKey)
)

func newKey() (*ecdsa.PrivateKey, error) { return ecdsa.GenerateKey(elliptic.P256(), rand.Reader) }

// certOpts describes a test certificate. It is issued by a test CA
// ("certlife test CA"), unless selfSigned.
type certOpts struct {
	notBefore, notAfter time.Time
	isCA                bool
	selfSigned          bool // a self-signed leaf (or root, with isCA)
	eku                 []x509.ExtKeyUsage
	unknownEKU          bool // add an EKU crypto/x509 does not know
	policies            []asn1OID
}

type asn1OID = asn1.ObjectIdentifier

// Policy OIDs for the scope tests.
var (
	oidDV    = asn1.ObjectIdentifier{2, 23, 140, 1, 2, 1}
	oidOV    = asn1.ObjectIdentifier{2, 23, 140, 1, 2, 2}
	oidEV    = asn1.ObjectIdentifier{2, 23, 140, 1, 1}
	oidSMIME = asn1.ObjectIdentifier{2, 23, 140, 1, 5, 1, 1} // S/MIME mailbox-validated legacy
	oidAny   = asn1.ObjectIdentifier{2, 5, 29, 32, 0}        // anyPolicy
)

// newCert creates and parses a test certificate with crypto/x509, which
// encodes times as RFC 5280 requires.
func newCert(t testing.TB, o certOpts) *x509.Certificate {
	t.Helper()
	key, err := testKey()
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber:          big.NewInt(1),
		Subject:               pkix.Name{CommonName: "www.example.jp"},
		NotBefore:             o.notBefore,
		NotAfter:              o.notAfter,
		IsCA:                  o.isCA,
		BasicConstraintsValid: o.isCA,
		ExtKeyUsage:           o.eku,
	}
	for _, id := range o.policies {
		ints := make([]uint64, len(id))
		for i, n := range id {
			ints[i] = uint64(n)
		}
		oid, err := x509.OIDFromInts(ints)
		if err != nil {
			t.Fatal(err)
		}
		tmpl.Policies = append(tmpl.Policies, oid)
	}
	if o.unknownEKU {
		tmpl.UnknownExtKeyUsage = append(tmpl.UnknownExtKeyUsage, []int{1, 2, 3, 4})
	}
	parent, signer := tmpl, key
	if !o.selfSigned {
		if signer, err = testCAKey(); err != nil {
			t.Fatal(err)
		}
		parent = &x509.Certificate{
			Subject: pkix.Name{CommonName: "certlife test CA"}, SubjectKeyId: []byte{1, 2, 3, 4},
			IsCA: true, BasicConstraintsValid: true, KeyUsage: x509.KeyUsageCertSign,
		}
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, parent, &key.PublicKey, signer)
	if err != nil {
		t.Fatal(err)
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	return cert
}

// asn1Time is one validity time for tbsWith: an ASN.1 tag and its content.
type asn1Time struct {
	tag cbasn1.Tag
	raw string
}

func utcTime(raw string) asn1Time         { return asn1Time{cbasn1.UTCTime, raw} }
func generalizedTime(raw string) asn1Time { return asn1Time{cbasn1.GeneralizedTime, raw} }

// tbsWith hand-builds the DER of a TBSCertificate whose validity holds the
// given times verbatim, however wrong, up to and including the fields
// EncodingFindings reads, followed by an empty subject.
func tbsWith(times ...asn1Time) []byte {
	var b cryptobyte.Builder
	b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
		b.AddASN1(cbasn1.Tag(0).Constructed().ContextSpecific(), func(b *cryptobyte.Builder) {
			b.AddASN1Int64(2)
		})
		b.AddASN1Int64(1)
		b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
			b.AddASN1ObjectIdentifier([]int{1, 2, 840, 10045, 4, 3, 2}) // ecdsa-with-SHA256
		})
		b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {}) // issuer
		b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
			for _, t := range times {
				b.AddASN1(t.tag, func(b *cryptobyte.Builder) { b.AddBytes([]byte(t.raw)) })
			}
		})
		b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {}) // subject
	})
	return b.BytesOrPanic()
}
