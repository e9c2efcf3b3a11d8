package validity_test

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"errors"
	"fmt"
	"math/big"
	"time"

	"github.com/certlife/certlife/tz"
	"github.com/certlife/certlife/validity"
)

// exampleCert returns a certificate for the examples, issued by a
// throwaway CA: the TV-6 limits do not bind self-signed leaves.
func exampleCert(notBefore, notAfter time.Time, eku ...x509.ExtKeyUsage) *x509.Certificate {
	caKey, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		panic(err)
	}
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		panic(err)
	}
	ca := &x509.Certificate{Subject: pkix.Name{CommonName: "Example CA"}, IsCA: true, BasicConstraintsValid: true}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "www.example.jp"},
		NotBefore: notBefore, NotAfter: notAfter, ExtKeyUsage: eku}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, ca, &key.PublicKey, caKey)
	if err != nil {
		panic(err)
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		panic(err)
	}
	return cert
}

// The worked example of the server FAQ, Q9 (TV-2): the CA prints validity
// in GMT, month/day/year; in Japan the certificate is valid from 09:00:00
// JST on the first day to 08:59:59 JST on the day after the printed end
// date, and it is 367 days long (TV-3).
func Example() {
	notBefore, err := tz.Parse("12/10/2011 00:00:00 GMT") // Validity Start Date
	if err != nil {
		panic(err)
	}
	notAfter, err := tz.Parse("12/10/2012 23:59:59 GMT") // Validity End Date
	if err != nil {
		panic(err)
	}
	p := validity.Period{NotBefore: notBefore, NotAfter: notAfter}

	fmt.Println(p.Format(tz.JST))
	fmt.Println(p.Days(), "days")
	fmt.Println(p.Status(time.Date(2012, 12, 11, 8, 59, 59, 0, tz.JST)))
	fmt.Println(p.Status(time.Date(2012, 12, 11, 9, 0, 0, 0, tz.JST)))
	// Output:
	// 2011-12-10 09:00:00 JST – 2012-12-11 08:59:59 JST
	// 367 days
	// valid
	// expired
}

func ExampleOf() {
	cert := exampleCert(
		time.Date(2026, 3, 15, 0, 0, 0, 0, time.UTC),
		time.Date(2026, 9, 29, 23, 59, 59, 0, time.UTC),
	)
	p := validity.Of(cert)
	fmt.Println(p)
	fmt.Println(p.Days(), "days")
	fmt.Println(validity.Of(nil).IsValid())
	// Output:
	// 2026-03-15 00:00:00 UTC – 2026-09-29 23:59:59 UTC
	// 199 days
	// false
}

func ExamplePeriod_IsValid() {
	t := time.Date(2026, 3, 15, 0, 0, 0, 0, time.UTC)
	fmt.Println(validity.Period{NotBefore: t, NotAfter: t}.IsValid())
	fmt.Println(validity.Period{NotBefore: t, NotAfter: t.Add(-time.Second)}.IsValid())
	fmt.Println(validity.Period{}.IsValid())
	// Output:
	// true
	// false
	// false
}

func ExamplePeriod_Equal() {
	p := validity.Period{
		NotBefore: time.Date(2011, 12, 10, 0, 0, 0, 0, time.UTC),
		NotAfter:  time.Date(2012, 12, 10, 23, 59, 59, 0, time.UTC),
	}
	fmt.Println(p.Equal(p.In(tz.JST)), p == p.In(tz.JST))
	// Output: true false
}

func ExamplePeriod_Contains() {
	p := validity.Period{
		NotBefore: time.Date(2011, 12, 10, 0, 0, 0, 0, time.UTC),
		NotAfter:  time.Date(2012, 12, 10, 23, 59, 59, 0, time.UTC),
	}
	last := time.Date(2012, 12, 11, 8, 59, 59, 0, tz.JST)
	fmt.Println(p.Contains(last))
	fmt.Println(p.Contains(last.Add(time.Nanosecond)))
	fmt.Println(p.Contains(time.Time{}))
	// Output:
	// true
	// false
	// false
}

func ExamplePeriod_Length() {
	p := validity.Period{
		NotBefore: time.Date(2011, 12, 10, 0, 0, 0, 0, time.UTC),
		NotAfter:  time.Date(2012, 12, 10, 23, 59, 59, 0, time.UTC),
	}
	fmt.Println(p.Length(), p.Length() == 367*24*time.Hour)
	// Output: 8808h0m0s true
}

func ExamplePeriod_Days() {
	nb := time.Date(2026, 3, 15, 0, 0, 0, 0, time.UTC)
	for _, na := range []time.Time{
		time.Date(2026, 3, 15, 23, 59, 59, 0, time.UTC),
		time.Date(2026, 3, 16, 0, 0, 0, 0, time.UTC), // one second of excess
		time.Date(2026, 9, 30, 23, 59, 59, 0, time.UTC),
	} {
		fmt.Println(validity.Period{NotBefore: nb, NotAfter: na}.Days())
	}
	// Output:
	// 1
	// 2
	// 200
}

func ExamplePeriod_Status() {
	p := validity.Period{
		NotBefore: time.Date(2011, 12, 10, 0, 0, 0, 0, time.UTC),
		NotAfter:  time.Date(2012, 12, 10, 23, 59, 59, 0, time.UTC),
	}
	fmt.Println(p.Status(time.Date(2011, 12, 10, 8, 59, 59, 0, tz.JST)))
	fmt.Println(p.Status(time.Date(2011, 12, 10, 9, 0, 0, 0, tz.JST)))
	fmt.Println(p.Status(time.Date(2012, 12, 11, 9, 0, 0, 0, tz.JST)))
	fmt.Println(p.Status(time.Time{})) // a caller bug, never "now"
	// Output:
	// not yet valid
	// valid
	// expired
	// unknown
}

func ExamplePeriod_Check() {
	p := validity.Period{
		NotBefore: time.Date(2011, 12, 10, 0, 0, 0, 0, time.UTC),
		NotAfter:  time.Date(2012, 12, 10, 23, 59, 59, 0, time.UTC),
	}
	fmt.Println(p.Check(time.Date(2012, 6, 1, 0, 0, 0, 0, time.UTC)))
	err := p.Check(time.Date(2012, 12, 11, 0, 0, 0, 0, time.UTC))
	var pe *validity.PeriodError
	if errors.As(err, &pe) {
		fmt.Println(pe.Reason)
	}
	fmt.Println(err)
	fmt.Println(p.Check(time.Time{}))
	// Output:
	// <nil>
	// expired
	// validity: expired at 2012-12-11T00:00:00Z: period 2011-12-10T00:00:00Z through 2012-12-10T23:59:59Z
	// validity: zero time given: period 2011-12-10T00:00:00Z through 2012-12-10T23:59:59Z
}

func ExamplePeriod_Remaining() {
	p := validity.Period{
		NotBefore: time.Date(2026, 3, 15, 0, 0, 0, 0, time.UTC),
		NotAfter:  time.Date(2026, 9, 29, 23, 59, 59, 0, time.UTC),
	}
	at := time.Date(2026, 8, 1, 0, 0, 0, 0, time.UTC)
	left := p.Remaining(at)
	fmt.Println(left, float64(left)/float64(p.Length()) < 1.0/3)
	fmt.Println(p.Remaining(p.NotAfter), p.Remaining(p.NotAfter.Add(time.Nanosecond)))
	// Output:
	// 1440h0m0s true
	// 1s 0s
}

func ExamplePeriod_In() {
	p := validity.Period{
		NotBefore: time.Date(2011, 12, 10, 0, 0, 0, 0, time.UTC),
		NotAfter:  time.Date(2012, 12, 10, 23, 59, 59, 0, time.UTC),
	}
	j := p.In(nil) // nil means JST
	fmt.Println(j.NotAfter)
	fmt.Println(tz.DateOf(j.NotAfter, tz.JST))
	// Output:
	// 2012-12-11 08:59:59 +0900 JST
	// 2012-12-11
}

func ExamplePeriod_Format() {
	p := validity.Period{
		NotBefore: time.Date(2011, 12, 10, 0, 0, 0, 0, time.UTC),
		NotAfter:  time.Date(2012, 12, 10, 23, 59, 59, 0, time.UTC),
	}
	fmt.Println(p.Format(tz.JST))
	fmt.Println(p.Format(tz.UTC))
	fmt.Println(p.Format(time.FixedZone("", -5*3600)))
	// Output:
	// 2011-12-10 09:00:00 JST – 2012-12-11 08:59:59 JST
	// 2011-12-10 00:00:00 UTC – 2012-12-10 23:59:59 UTC
	// 2011-12-09 19:00:00 -0500 – 2012-12-10 18:59:59 -0500
}

func ExamplePeriod_AppendFormat() {
	p := validity.Period{
		NotBefore: time.Date(2011, 12, 10, 0, 0, 0, 0, time.UTC),
		NotAfter:  time.Date(2012, 12, 10, 23, 59, 59, 0, time.UTC),
	}
	b := []byte("valid ")
	b = p.AppendFormat(b, tz.JST)
	fmt.Println(string(b))
	// Output: valid 2011-12-10 09:00:00 JST – 2012-12-11 08:59:59 JST
}

func ExamplePeriod_String() {
	p := validity.Period{
		NotBefore: time.Date(2011, 12, 10, 9, 0, 0, 0, tz.JST),
		NotAfter:  time.Date(2012, 12, 11, 8, 59, 59, 0, tz.JST),
	}
	fmt.Println(p)
	// Output: 2011-12-10 00:00:00 UTC – 2012-12-10 23:59:59 UTC
}

func ExampleStatus_String() {
	fmt.Println(validity.NotYetValid, validity.Valid, validity.Expired, validity.Unknown)
	// Output: not yet valid valid expired unknown
}

func ExampleTLSServerLimit() {
	for _, issued := range []time.Time{
		time.Date(2026, 3, 14, 23, 59, 59, 999999999, time.UTC),
		time.Date(2026, 3, 15, 0, 0, 0, 0, time.UTC),
		time.Date(2029, 3, 15, 0, 0, 0, 0, time.UTC),
	} {
		l := validity.TLSServerLimit(issued)
		fmt.Printf("%d days (SHOULD %d) from %s\n", l.MaxDays, l.WarnDays, l.From.Format(time.RFC3339))
	}
	l := validity.TLSServerLimit(time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC))
	fmt.Println(l.MaxDays, "until", l.Until.Format(time.RFC3339))
	// Output:
	// 398 days (SHOULD 397) from 2020-09-01T00:00:00Z
	// 200 days (SHOULD 199) from 2026-03-15T00:00:00Z
	// 47 days (SHOULD 46) from 2029-03-15T00:00:00Z
	// 0 until 2016-07-02T00:00:00Z
}

func ExampleTLSServerLimits() {
	for _, l := range validity.TLSServerLimits() {
		bound := fmt.Sprintf("%d days", l.MaxDays)
		if l.MaxMonths != 0 {
			bound = fmt.Sprintf("%d months", l.MaxMonths)
		}
		fmt.Printf("%s  %s\n", l.From.Format("2006-01-02"), bound)
	}
	// Output:
	// 2016-07-02  39 months
	// 2018-03-02  825 days
	// 2020-09-01  398 days
	// 2026-03-15  200 days
	// 2027-03-15  100 days
	// 2029-03-15  47 days
}

func ExampleLimit_LatestNotAfter() {
	nb := time.Date(2026, 3, 15, 0, 0, 0, 0, time.UTC)
	l := validity.TLSServerLimit(nb)
	fmt.Println(l.LatestNotAfter(nb).Format(time.RFC3339))
	fmt.Println(l.LatestNotAfter(nb).In(tz.JST).Format("2006-01-02 15:04:05 MST"))
	// Output:
	// 2026-09-30T23:59:59Z
	// 2026-10-01 08:59:59 JST
}

func ExampleDCVReuse() {
	for _, issued := range []time.Time{
		time.Date(2021, 9, 30, 0, 0, 0, 0, time.UTC),
		time.Date(2026, 3, 14, 0, 0, 0, 0, time.UTC),
		time.Date(2026, 3, 15, 0, 0, 0, 0, time.UTC),
		time.Date(2027, 3, 15, 0, 0, 0, 0, time.UTC),
		time.Date(2029, 3, 15, 0, 0, 0, 0, time.UTC),
	} {
		fmt.Println(issued.Format("2006-01-02"), validity.DCVReuse(issued), "days")
	}
	// Output:
	// 2021-09-30 825 days
	// 2026-03-14 398 days
	// 2026-03-15 200 days
	// 2027-03-15 100 days
	// 2029-03-15 10 days
}

// The subject's identity (an OV or EV organization) may be reused longer
// than the domain validation, but from 2026-03-15 for 398 days only.
func ExampleIdentityReuse() {
	for _, issued := range []time.Time{
		time.Date(2026, 3, 14, 0, 0, 0, 0, time.UTC),
		time.Date(2026, 3, 15, 0, 0, 0, 0, time.UTC),
	} {
		n := validity.IdentityReuse(issued)
		oldest := issued.AddDate(0, 0, -n)
		fmt.Printf("issued %s: identity checked on or after %s (%d days), domain within %d days\n",
			issued.Format("2006-01-02"), oldest.Format("2006-01-02"), n, validity.DCVReuse(issued))
	}
	// Output:
	// issued 2026-03-14: identity checked on or after 2023-12-10 (825 days), domain within 398 days
	// issued 2026-03-15: identity checked on or after 2025-02-10 (398 days), domain within 200 days
}

// A compliant 398-day certificate of 2025 gets a warning, which is not an
// error; one second more is an error.
func ExampleCheckTLSServer() {
	nb := time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)
	for _, na := range []time.Time{
		time.Date(2026, 7, 2, 23, 59, 59, 0, time.UTC), // 397 days
		time.Date(2026, 7, 3, 23, 59, 59, 0, time.UTC), // 398 days
		time.Date(2026, 7, 4, 0, 0, 0, 0, time.UTC),    // 399 days
	} {
		v, err := validity.CheckTLSServer(exampleCert(nb, na, x509.ExtKeyUsageServerAuth))
		fmt.Println(v.Outcome, v.Days, err != nil, errors.Is(err, validity.ErrLifetimeExceeded))
	}
	// Client certificates are not measured.
	v, err := validity.CheckTLSServer(exampleCert(nb, nb.AddDate(5, 0, 0), x509.ExtKeyUsageClientAuth))
	fmt.Println(v, err)
	// Output:
	// pass 397 false false
	// warning 398 false false
	// error 399 true true
	// not applicable: not for server authentication <nil>
}

// A certificate issued in 2019 is measured as the Baseline Requirements of
// the time measured it, notAfter - notBefore: exactly 825 days complies.
func ExampleCheckTLSServerPeriod() {
	nb := time.Date(2019, 1, 1, 0, 0, 0, 0, time.UTC)
	p := validity.Period{NotBefore: nb, NotAfter: nb.Add(825 * 24 * time.Hour)}
	v, err := validity.CheckTLSServerPeriod(p)
	fmt.Println(v.Outcome, v.Days, p.Days(), err)

	p.NotAfter = p.NotAfter.Add(time.Second)
	v, err = validity.CheckTLSServerPeriod(p)
	fmt.Println(v.Outcome, v.Days, err)

	// A yearly renewal cadence stops being possible on 2026-03-15.
	nb = time.Date(2026, 3, 15, 0, 0, 0, 0, time.UTC)
	v, _ = validity.CheckTLSServerPeriod(validity.Period{NotBefore: nb, NotAfter: nb.AddDate(1, 0, 0).Add(-time.Second)})
	fmt.Println(v.Outcome, v.Days, v.Limit.MaxDays)
	// Output:
	// pass 825 826 <nil>
	// error 826 validity: lifetime of 826 days (2019-01-01T00:00:00Z through 2021-04-05T00:00:01Z) exceeds the maximum of 825 days (BR 6.3.2, ballot 193: issued after 1 March 2018, 825 days)
	// error 365 200
}

// A Verdict's Outcome tells apart what a caller must reject (an error),
// what it may accept with a note (a warning) and what the rule does not
// judge; its figures say by how much.
func ExampleVerdict() {
	nb := time.Date(2026, 3, 15, 0, 0, 0, 0, time.UTC)
	v, err := validity.CheckTLSServerPeriod(validity.Period{NotBefore: nb, NotAfter: time.Date(2026, 9, 30, 23, 59, 59, 0, time.UTC)})
	if err != nil {
		fmt.Println("reject:", err)
		return
	}
	switch v.Outcome {
	case validity.OutcomeWarning:
		fmt.Printf("accept with a note: %d days, over the recommended %d\n", v.Days, v.Limit.WarnDays)
	case validity.OutcomePass:
		fmt.Println("accept")
	}
	fmt.Println(v)
	// Output:
	// accept with a note: 200 days, over the recommended 199
	// warning: lifetime of 200 days (2026-03-15T00:00:00Z through 2026-09-30T23:59:59Z) exceeds the recommended maximum of 199 days (BR 6.3.2, ballot SC-081: issued on or after 15 March 2026, 200 days (SHOULD 199))
}

func ExampleOutcome_String() {
	fmt.Println(validity.OutcomeNotApplicable, validity.OutcomePass, validity.OutcomeWarning, validity.OutcomeError)
	// Output: not applicable pass warning error
}

func ExampleLifetimeError() {
	_, err := validity.CheckTLSServerPeriod(validity.Period{
		NotBefore: time.Date(2029, 3, 15, 0, 0, 0, 0, time.UTC),
		NotAfter:  time.Date(2029, 5, 1, 0, 0, 0, 0, time.UTC),
	})
	var le *validity.LifetimeError
	if errors.As(err, &le) {
		fmt.Println(le.Reason, le.Days, le.Limit.MaxDays)
	}
	fmt.Println(errors.Is(err, validity.ErrLifetimeExceeded))
	fmt.Println(err)
	// Output:
	// lifetime exceeded 48 47
	// true
	// validity: lifetime of 48 days (2029-03-15T00:00:00Z through 2029-05-01T00:00:00Z) exceeds the maximum of 47 days (BR 6.3.2, ballot SC-081: issued on or after 15 March 2029, 47 days (SHOULD 46))
}

func ExampleLifetimeError_Is() {
	_, err := validity.CheckTLSServerPeriod(validity.Period{
		NotBefore: time.Date(2026, 3, 15, 0, 0, 0, 0, time.UTC),
		NotAfter:  time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC),
	})
	fmt.Println(errors.Is(err, validity.ErrLifetimeExceeded), errors.Is(err, validity.ErrInvalidPeriod))
	// Output: true false
}

// The Q9 certificate of 2011 predates every TV-6 step; a certificate with
// serverAuth, or with no extended key usage at all, is measured; a client
// certificate is not.
func ExampleTLSServerApplies() {
	q9 := exampleCert(
		time.Date(2011, 12, 10, 0, 0, 0, 0, time.UTC),
		time.Date(2012, 12, 10, 23, 59, 59, 0, time.UTC),
		x509.ExtKeyUsageServerAuth)
	fmt.Println(validity.TLSServerApplies(q9))
	nb := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	fmt.Println(validity.TLSServerApplies(exampleCert(nb, nb.AddDate(0, 6, 0), x509.ExtKeyUsageServerAuth)))
	fmt.Println(validity.TLSServerApplies(exampleCert(nb, nb.AddDate(0, 6, 0))))
	fmt.Println(validity.TLSServerApplies(exampleCert(nb, nb.AddDate(1, 0, 0), x509.ExtKeyUsageClientAuth)))
	// Output:
	// false no limit known
	// true serverAuth extended key usage
	// true no extended key usage
	// false not for server authentication
}

// A server certificate of 2026 that carries clientAuth for mutual TLS: its
// successor may carry clientAuth if issued before 2027-03-15, not after.
func ExampleCheckClientAuth() {
	cert := exampleCert(
		time.Date(2026, 9, 1, 0, 0, 0, 0, time.UTC),
		time.Date(2027, 3, 19, 23, 59, 59, 0, time.UTC), // 200 days
		x509.ExtKeyUsageServerAuth, x509.ExtKeyUsageClientAuth)
	for _, renew := range []time.Time{
		time.Date(2027, 3, 1, 0, 0, 0, 0, time.UTC),
		time.Date(2027, 3, 15, 0, 0, 0, 0, time.UTC),
	} {
		v, err := validity.CheckClientAuth(cert, renew)
		fmt.Println(renew.Format("2006-01-02"), v.Outcome, v.Reason, err)
	}
	// A certificate issued from 2027-03-15 on may not carry clientAuth.
	late := exampleCert(
		time.Date(2027, 3, 15, 0, 0, 0, 0, time.UTC),
		time.Date(2027, 6, 22, 23, 59, 59, 0, time.UTC),
		x509.ExtKeyUsageServerAuth, x509.ExtKeyUsageClientAuth)
	_, err := validity.CheckClientAuth(late, time.Date(2027, 6, 1, 0, 0, 0, 0, time.UTC))
	fmt.Println(errors.Is(err, validity.ErrClientAuthNotAllowed))
	// Output:
	// 2027-03-01 pass compliant <nil>
	// 2027-03-15 warning clientAuth ends for successors <nil>
	// true
}

func ExamplePeriodError() {
	p := validity.Period{
		NotBefore: time.Date(2026, 3, 15, 0, 0, 0, 0, time.UTC),
		NotAfter:  time.Date(2026, 3, 14, 0, 0, 0, 0, time.UTC),
	}
	err := p.Check(time.Date(2026, 3, 14, 12, 0, 0, 0, time.UTC))
	fmt.Println(errors.Is(err, validity.ErrInvalidPeriod))
	fmt.Println(err)
	// Output:
	// true
	// validity: invalid period at 2026-03-14T12:00:00Z: period 2026-03-15T00:00:00Z through 2026-03-14T00:00:00Z
}

func ExampleCheckEncoding() {
	// crypto/x509 encodes as RFC 5280 requires.
	cert := exampleCert(
		time.Date(2026, 3, 15, 0, 0, 0, 0, time.UTC),
		time.Date(9999, 12, 31, 23, 59, 59, 0, time.UTC),
	)
	fmt.Println(validity.CheckEncoding(cert))
	fs, _ := validity.EncodingFindings(cert.RawTBSCertificate)
	fmt.Println(fs)
	// Output:
	// <nil>
	// [notAfter GeneralizedTime "99991231235959Z": info: no well-defined expiration]
}

func ExampleEncodingFindings() {
	// A TBSCertificate whose notAfter is a UTCTime without seconds.
	raw := tbsWith(utcTime("111210000000Z"), utcTime("1212102359Z"))
	fs, err := validity.EncodingFindings(raw)
	if err != nil {
		panic(err)
	}
	for _, f := range fs {
		fmt.Println(f.Field, f.Code, f.Severity, f.Time.Format(time.RFC3339))
	}
	_, err = validity.EncodingFindings([]byte("not DER"))
	fmt.Println(errors.Is(err, validity.ErrMalformed))
	// Output:
	// notAfter time without seconds error 2012-12-10T23:59:00Z
	// true
}

func ExampleEncodingError() {
	raw := tbsWith(generalizedTime("20111210000000Z"), utcTime("121210235959+0900"))
	err := validity.CheckEncoding(&x509.Certificate{RawTBSCertificate: raw})
	var ee *validity.EncodingError
	if errors.As(err, &ee) {
		for _, f := range ee.Findings {
			fmt.Println(f)
		}
	}
	// Output:
	// notBefore GeneralizedTime "20111210000000Z": error: GeneralizedTime before 2050
	// notAfter UTCTime "121210235959+0900": error: time not in UTC with Z
}

func ExampleFinding_String() {
	f := validity.Finding{Field: "notAfter", Type: "GeneralizedTime", Raw: "20121210235959.5Z",
		Code: validity.CodeFractionalSeconds, Severity: validity.SeverityError}
	fmt.Println(f)
	// Output: notAfter GeneralizedTime "20121210235959.5Z": error: fractional seconds
}

func ExampleCode_String() {
	fmt.Println(validity.CodeNoWellDefinedExpiration)
	// Output: no well-defined expiration
}

func ExampleSeverity_String() {
	fmt.Println(validity.SeverityInfo, validity.SeverityWarning, validity.SeverityError)
	// Output: info warning error
}

func ExampleReason_String() {
	fmt.Println(validity.ReasonExpired, validity.ReasonLifetimeExceeded)
	// Output: expired lifetime exceeded
}

func ExamplePeriodError_Error() {
	p := validity.Period{
		NotBefore: time.Date(2026, 3, 15, 0, 0, 0, 0, time.UTC),
		NotAfter:  time.Date(2026, 9, 29, 23, 59, 59, 0, time.UTC),
	}
	fmt.Println(p.Check(time.Date(2026, 3, 15, 8, 59, 59, 0, tz.JST)))
	// Output: validity: not yet valid at 2026-03-15T08:59:59+09:00: period 2026-03-15T00:00:00Z through 2026-09-29T23:59:59Z
}

func ExamplePeriodError_Is() {
	err := validity.Period{}.Check(time.Date(2026, 3, 15, 0, 0, 0, 0, time.UTC))
	fmt.Println(errors.Is(err, validity.ErrInvalidPeriod))
	// Output: true
}

func ExampleLifetimeError_Error() {
	_, err := validity.CheckTLSServerPeriod(validity.Period{
		NotBefore: time.Date(2026, 3, 15, 0, 0, 0, 0, time.UTC),
		NotAfter:  time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC),
	})
	fmt.Println(err)
	// Output: validity: lifetime of 201 days (2026-03-15T00:00:00Z through 2026-10-01T00:00:00Z) exceeds the maximum of 200 days (BR 6.3.2, ballot SC-081: issued on or after 15 March 2026, 200 days (SHOULD 199))
}

func ExampleEncodingError_Error() {
	raw := tbsWith(utcTime("121210000000Z"), generalizedTime("20121210235959.5Z"))
	fmt.Println(validity.CheckEncoding(&x509.Certificate{RawTBSCertificate: raw}))
	// Output: validity: bad time encoding: notAfter GeneralizedTime "20121210235959.5Z": error: fractional seconds; notAfter GeneralizedTime "20121210235959.5Z": error: GeneralizedTime before 2050
}

func ExampleEncodingError_Is() {
	err := validity.CheckEncoding(&x509.Certificate{RawTBSCertificate: []byte{0x30, 0x00}})
	fmt.Println(errors.Is(err, validity.ErrMalformed))
	fmt.Println(err)
	// Output:
	// true
	// validity: malformed: serialNumber is not an INTEGER
}

// A Let's Encrypt short-lived certificate of 160 hours, and a 7-day one that
// is one second over the bound since 2026-03-15 (RN-12).
func ExampleShortLived() {
	nb := time.Date(2026, time.September, 1, 0, 0, 0, 0, time.UTC)
	le := validity.Period{NotBefore: nb, NotAfter: nb.Add(160*time.Hour - time.Second)}
	week := validity.Period{NotBefore: nb, NotAfter: nb.Add(7 * 24 * time.Hour)}
	fmt.Println(validity.ShortLived(le), validity.ShortLived(week))
	// Output:
	// true false
}

func ExampleShortLivedMax() {
	fmt.Println(validity.ShortLivedMax(time.Date(2025, time.June, 1, 0, 0, 0, 0, time.UTC)))
	fmt.Println(validity.ShortLivedMax(time.Date(2026, time.March, 15, 0, 0, 0, 0, time.UTC)))
	// Output:
	// 240h0m0s
	// 168h0m0s
}
