package validity_test

import (
	"crypto/x509"
	"testing"

	"github.com/certlife/certlife/validity"
)

func BenchmarkPeriod(b *testing.B) {
	cert := newCert(b, certOpts{notBefore: utc(2026, 3, 15, 0, 0, 0), notAfter: utc(2026, 9, 29, 23, 59, 59)})
	at := utc(2026, 6, 1, 0, 0, 0)
	b.ReportAllocs()
	var sink int
	for b.Loop() {
		p := validity.Of(cert)
		sink += int(p.Status(at)) + int(p.Length()) + p.Days()
	}
	_ = sink
}

func BenchmarkTLSServerLimit(b *testing.B) {
	at := utc(2027, 6, 1, 0, 0, 0)
	b.ReportAllocs()
	var sink int
	for b.Loop() {
		sink += validity.TLSServerLimit(at).MaxDays
	}
	_ = sink
}

func BenchmarkCheckTLSServer(b *testing.B) {
	cert := newCert(b, certOpts{notBefore: utc(2026, 3, 15, 0, 0, 0), notAfter: utc(2026, 9, 29, 23, 59, 59),
		eku: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}})
	b.ReportAllocs()
	for b.Loop() {
		if v, err := validity.CheckTLSServer(cert); err != nil || v.Outcome != validity.OutcomePass {
			b.Fatal(v, err)
		}
	}
}

func BenchmarkCheckEncoding(b *testing.B) {
	cert := newCert(b, certOpts{notBefore: utc(2026, 3, 15, 0, 0, 0), notAfter: utc(2050, 1, 1, 0, 0, 0)})
	b.ReportAllocs()
	for b.Loop() {
		if err := validity.CheckEncoding(cert); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCheckEncodingFindings(b *testing.B) {
	raw := tbsWith(utcTime("1212100000Z"), generalizedTime("20121210235959.5Z"))
	b.ReportAllocs()
	for b.Loop() {
		if err := validity.CheckEncoding(&x509.Certificate{RawTBSCertificate: raw}); err == nil {
			b.Fatal("no error")
		}
	}
}

// BenchmarkCheckTLSServerSelfSigned measures the signature verification
// that tells a self-signed leaf, which TLSServerApplies skips, from a
// certificate that merely names itself as issuer.
func BenchmarkCheckTLSServerSelfSigned(b *testing.B) {
	cert := newCert(b, certOpts{notBefore: utc(2026, 3, 15, 0, 0, 0), notAfter: utc(2026, 9, 29, 23, 59, 59), selfSigned: true})
	b.ReportAllocs()
	for b.Loop() {
		if v, _ := validity.CheckTLSServer(cert); v.Reason != validity.ReasonSelfSigned {
			b.Fatal(v)
		}
	}
}
