package validity

import (
	"bytes"
	"crypto"
	"crypto/ecdsa"
	"crypto/rsa"
	"crypto/sha1"
	"crypto/x509"
	"encoding/asn1"
	"math"
	"strconv"
	"time"
)

// An Outcome grades a [Verdict], as zlint's LintResult grades a lint
// (NA, Pass, Warn, Error).
type Outcome int

const (
	// OutcomeNotApplicable is the Outcome of a check whose rule does not
	// apply to the certificate: a CA certificate, one not for server
	// authentication, a self-signed leaf, one issued before the first TV-6
	// step.
	OutcomeNotApplicable Outcome = iota + 1
	// OutcomePass is the Outcome of a certificate that breaks no bound of
	// the rule.
	OutcomePass
	// OutcomeWarning is the Outcome of a certificate that crosses only a
	// SHOULD NOT bound, or that the rule warns about. It is not an error:
	// the certificate complies.
	OutcomeWarning
	// OutcomeError is the Outcome of a certificate that breaks a MUST NOT,
	// or of input that cannot be judged. The check then also returns a
	// non-nil error.
	OutcomeError
)

var outcomeText = [...]string{
	OutcomeNotApplicable: "not applicable",
	OutcomePass:          "pass",
	OutcomeWarning:       "warning",
	OutcomeError:         "error",
}

// String returns "not applicable", "pass", "warning" or "error";
// "Outcome(n)" for any other value.
func (o Outcome) String() string {
	if o > 0 && int(o) < len(outcomeText) {
		return outcomeText[o]
	}
	return "Outcome(" + strconv.Itoa(int(o)) + ")"
}

// A Verdict is what [CheckTLSServer], [CheckTLSServerPeriod] and
// [CheckClientAuth] find: an Outcome that a caller cannot misread for an
// error, the Reason for it, and the figures measured.
//
// A warning is a Verdict, never an error: a check returns a non-nil error
// exactly when its Verdict's Outcome is [OutcomeError], so
// "if err != nil { reject }" rejects only what breaks a MUST NOT or cannot
// be judged.
type Verdict struct {
	Outcome Outcome
	// Reason says why: [ReasonCompliant] for a pass; the bound crossed
	// ([ReasonLifetimeExceeded], [ReasonLifetimeWarning]); why the rule
	// does not apply ([ReasonCACertificate], [ReasonSelfSigned],
	// [ReasonNotServerAuth], [ReasonNoLimit]); [ReasonInvalidPeriod] or
	// [ReasonMalformed] for input that cannot be judged; or a clientAuth
	// reason of [CheckClientAuth].
	Reason Reason
	// Period is the validity period judged.
	Period Period
	// Length is the lifetime as Limit measures it: NotAfter - NotBefore +
	// 1 s for the steps from 2020-09-01 and for periods no step covers
	// (TV-3, [Period.Length]), NotAfter - NotBefore for the 39-month and
	// 825-day steps. It saturates at math.MaxInt64 nanoseconds. Zero for
	// a Period that is not valid, and in the Verdicts of CheckClientAuth.
	Length time.Duration
	// Days is the lifetime in days of 86,400 s as Limit measures it, any
	// excess counting as another day. For the 825-day step a certificate
	// of exactly 825×86,400 s is 825 days here, though [Period.Days], which
	// adds TV-3's second, says 826.
	Days int
	// Limit is the TV-6 step in force at Period.NotBefore (MaxDays 0 when
	// none is known); the zero Limit in the Verdicts of CheckClientAuth.
	Limit Limit
}

// String returns the verdict in words, for example
// "pass: lifetime of 199 days (2026-03-15T00:00:00Z through
// 2026-09-29T23:59:59Z) is within the maximum of 200 days (BR 6.3.2,
// ballot SC-081: ...)" or "not applicable: CA certificate".
func (v Verdict) String() string {
	b := append(make([]byte, 0, 160), v.Outcome.String()...)
	b = append(b, ": "...)
	return string(v.appendBody(b))
}

// appendBody appends the text of v after its Outcome.
func (v Verdict) appendBody(b []byte) []byte {
	switch v.Reason {
	case ReasonCompliant, ReasonLifetimeExceeded, ReasonLifetimeWarning:
		if v.Limit.MaxDays == 0 {
			break // a clientAuth verdict
		}
		b = append(b, "lifetime of "...)
		b = strconv.AppendInt(b, int64(v.Days), 10)
		b = append(b, " days ("...)
		b = appendRFC3339(b, v.Period.NotBefore)
		b = append(b, " through "...)
		b = appendRFC3339(b, v.Period.NotAfter)
		switch v.Reason {
		case ReasonCompliant:
			b = append(b, ") is within the "...)
		default:
			b = append(b, ") exceeds the "...)
		}
		switch {
		case v.Reason == ReasonLifetimeWarning:
			b = append(b, "recommended maximum of "...)
			b = strconv.AppendInt(b, int64(v.Limit.WarnDays), 10)
			b = append(b, " days"...)
		case v.Limit.MaxMonths != 0:
			b = append(b, "maximum of "...)
			b = strconv.AppendInt(b, int64(v.Limit.MaxMonths), 10)
			b = append(b, " months"...)
		default:
			b = append(b, "maximum of "...)
			b = strconv.AppendInt(b, int64(v.Limit.MaxDays), 10)
			b = append(b, " days"...)
		}
		b = append(b, " ("...)
		b = append(b, v.Limit.Source...)
		return append(b, ')')
	case ReasonInvalidPeriod:
		b = append(b, "invalid period: notBefore "...)
		b = appendRFC3339(b, v.Period.NotBefore)
		b = append(b, ", notAfter "...)
		return appendRFC3339(b, v.Period.NotAfter)
	case ReasonMalformed:
		return append(b, "malformed: nil certificate"...)
	case ReasonZeroTime:
		return append(b, "zero time given for the renewal instant"...)
	case ReasonNoLimit:
		b = append(b, "no limit known for notBefore "...)
		return appendRFC3339(b, v.Period.NotBefore)
	case ReasonClientAuthEnding:
		b = append(b, "the certificate carries clientAuth, which a TLS server certificate issued on or after "...)
		b = appendRFC3339(b, utc(clientAuthBan))
		return append(b, " may not carry ("+clientAuthSource+")"...)
	case ReasonClientAuthNotAllowed:
		b = append(b, "clientAuth in a TLS server certificate issued at "...)
		b = appendRFC3339(b, v.Period.NotBefore)
		b = append(b, ", on or after "...)
		b = appendRFC3339(b, utc(clientAuthBan))
		return append(b, " ("+clientAuthSource+")"...)
	}
	return append(b, v.Reason.String()...)
}

// CheckTLSServer checks cert's lifetime against the TV-6 step in force at
// its notBefore ([TLSServerLimit]) and returns the [Verdict] with the
// figures measured. The error is non-nil exactly when the Verdict's
// Outcome is [OutcomeError]:
//
//   - a *[LifetimeError] matching [ErrLifetimeExceeded] when the MUST NOT
//     bound is crossed (Reason [ReasonLifetimeExceeded]);
//   - a *LifetimeError matching [ErrInvalidPeriod] for a certificate whose
//     notAfter is before its notBefore, or [ErrMalformed] for a nil cert.
//
// Crossing only the SHOULD NOT bound is [OutcomeWarning] with a nil error
// (Reason [ReasonLifetimeWarning]): such a certificate complies. A
// certificate within both bounds is [OutcomePass] ([ReasonCompliant]).
//
// The limits apply to subscriber certificates for server authentication
// (BR 6.3.2); CheckTLSServer measures exactly those for which
// [TLSServerApplies] is true and gives [OutcomeNotApplicable], with its
// Reason, for the others: CA certificates, self-signed leaves, certificates
// neither for server authentication nor asserting a CA/Browser Forum TLS
// policy, and those issued before 2016-07-02, for which no limit is known.
//
// The length is measured as the step measures it ([Limit].Inclusive), in
// days of 86,400 s with any excess counting as another day: a certificate
// issued at 2026-03-15T00:00:00Z with notAfter 2026-09-29T23:59:59Z (199
// days) passes; through 2026-09-30T23:59:59Z (200 days) it gets the SHOULD
// NOT warning; one nanosecond more is 201 days and an error. A certificate
// issued at 2019-01-01T00:00:00Z with notAfter exactly 825×24 h later
// passes; one second more is an error.
func CheckTLSServer(cert *x509.Certificate) (Verdict, error) {
	if cert == nil {
		v := Verdict{Outcome: OutcomeError, Reason: ReasonMalformed}
		return v, &LifetimeError{Verdict: v}
	}
	if ok, r := TLSServerApplies(cert); !ok {
		return notApplicable(Of(cert), r), nil
	}
	return CheckTLSServerPeriod(Of(cert))
}

// CheckTLSServerPeriod checks a validity period against the TV-6 step in
// force at its NotBefore, as [CheckTLSServer] does for a certificate, for
// callers without one (a planned certificate, a CSR's requested period). It
// cannot tell CA from subscriber certificates: the caller decides that the
// limits apply. It returns [OutcomeNotApplicable] with [ReasonNoLimit] for
// a NotBefore before 2016-07-02, a *[LifetimeError] matching
// [ErrInvalidPeriod] for a Period that is not valid, and otherwise what
// CheckTLSServer describes.
//
// For 2026-03-15 00:00:00 UTC through 2026-09-29 23:59:59 UTC (199 days) it
// returns OutcomePass and a nil error.
func CheckTLSServerPeriod(p Period) (Verdict, error) {
	if !p.IsValid() {
		v := Verdict{Outcome: OutcomeError, Reason: ReasonInvalidPeriod, Period: p}
		return v, &LifetimeError{Verdict: v}
	}
	l := TLSServerLimit(p.NotBefore)
	v := measured(p, l)
	switch {
	case l.MaxDays == 0:
		v.Outcome, v.Reason = OutcomeNotApplicable, ReasonNoLimit
	case l.MaxMonths != 0 && p.NotAfter.After(l.LatestNotAfter(p.NotBefore)),
		l.MaxMonths == 0 && v.Days > l.MaxDays:
		v.Outcome, v.Reason = OutcomeError, ReasonLifetimeExceeded
		return v, &LifetimeError{Verdict: v}
	case l.WarnDays != 0 && v.Days > l.WarnDays:
		v.Outcome, v.Reason = OutcomeWarning, ReasonLifetimeWarning
	default:
		v.Outcome, v.Reason = OutcomePass, ReasonCompliant
	}
	return v, nil
}

// notApplicable returns the Verdict for a certificate the TV-6 limits do
// not apply to, with the figures as far as they can be measured.
func notApplicable(p Period, r Reason) Verdict {
	v := Verdict{Period: p}
	if p.IsValid() {
		v = measured(p, TLSServerLimit(p.NotBefore))
	}
	v.Outcome, v.Reason = OutcomeNotApplicable, r
	return v
}

// measured returns a Verdict holding p, l and p's length as l measures it.
func measured(p Period, l Limit) Verdict {
	s, ns, _ := p.length()
	if l.MaxDays != 0 && !l.Inclusive {
		s-- // NotAfter - NotBefore, without TV-3's second
	}
	v := Verdict{Period: p, Limit: l, Days: int(s / secondsPerDay)}
	if s%secondsPerDay != 0 || ns != 0 {
		v.Days++
	}
	if s > math.MaxInt64/int64(time.Second)-1 {
		v.Length = math.MaxInt64
	} else {
		v.Length = time.Duration(s)*time.Second + time.Duration(ns)
	}
	return v
}

// TLSServerApplies reports whether the TV-6 limits apply to cert, that is
// whether [CheckTLSServer] measures it, and the Reason.
//
// They apply to a subscriber certificate for TLS server authentication
// issued on or after 2016-07-02 (the first step); the Reason then says
// what makes it one: [ReasonServerAuthEKU] (its extended key usage lists
// serverAuth or anyExtendedKeyUsage), [ReasonNoEKU] (it has no extended
// key usage, so clients accept it for any purpose), or [ReasonTLSPolicy]
// (its extended key usage excludes server authentication, but it asserts a
// CA/Browser Forum TLS policy: 2.23.140.1.1 (EV) or one under
// 2.23.140.1.2 (DV, OV, IV), and so claims to be issued under the Baseline
// Requirements).
//
// They do not apply, and TLSServerApplies returns false, for
// [ReasonCACertificate] (cert.IsCA), [ReasonSelfSigned] (a leaf whose
// issuer is its subject and whose signature verifies with its own key: no
// CA issued it, so no root program's limit binds it), [ReasonNotServerAuth]
// (an extended key usage without serverAuth or anyExtendedKeyUsage, and no
// TLS policy) and [ReasonNoLimit] (issued before 2016-07-02). A nil cert
// gives false, [ReasonMalformed].
//
// zlint's lints skip self-signed leaves for the 39-month and 825-day steps
// only, and measure them from 2020-09-01; this package skips them in every
// step (see the package documentation). Telling a self-signed leaf costs a
// signature verification, made only for a certificate whose issuer is its
// own subject.
func TLSServerApplies(cert *x509.Certificate) (bool, Reason) {
	switch {
	case cert == nil:
		return false, ReasonMalformed
	case cert.IsCA:
		return false, ReasonCACertificate
	case selfSigned(cert):
		return false, ReasonSelfSigned
	}
	why := tlsServerScope(cert)
	if why == ReasonNotServerAuth {
		return false, why
	}
	if TLSServerLimit(cert.NotBefore).MaxDays == 0 {
		return false, ReasonNoLimit
	}
	return true, why
}

// tlsServerScope returns why cert counts as a certificate for TLS server
// authentication ([ReasonServerAuthEKU], [ReasonNoEKU], [ReasonTLSPolicy]),
// or [ReasonNotServerAuth].
func tlsServerScope(cert *x509.Certificate) Reason {
	if len(cert.ExtKeyUsage) == 0 && len(cert.UnknownExtKeyUsage) == 0 {
		return ReasonNoEKU
	}
	for _, u := range cert.ExtKeyUsage {
		if u == x509.ExtKeyUsageServerAuth || u == x509.ExtKeyUsageAny {
			return ReasonServerAuthEKU
		}
	}
	if tlsPolicy(cert) {
		return ReasonTLSPolicy
	}
	return ReasonNotServerAuth
}

// tlsPolicy reports whether cert asserts a CA/Browser Forum policy for TLS
// server certificates: 2.23.140.1.1 (EV Guidelines) or any OID under
// 2.23.140.1.2 (Baseline Requirements: .1 domain-, .2 organization-, .3
// individual-validated).
//
// crypto/x509 fills both PolicyIdentifiers and Policies when it parses a
// certificate; a certificate built by hand may have only one of them.
func tlsPolicy(cert *x509.Certificate) bool {
	ev := asn1.ObjectIdentifier{2, 23, 140, 1, 1}
	br := asn1.ObjectIdentifier{2, 23, 140, 1, 2}
	for _, id := range cert.PolicyIdentifiers {
		if id.Equal(ev) || len(id) > len(br) && id[:len(br)].Equal(br) {
			return true
		}
	}
	known := [...]asn1.ObjectIdentifier{ev, {2, 23, 140, 1, 2, 1}, {2, 23, 140, 1, 2, 2}, {2, 23, 140, 1, 2, 3}}
	for _, oid := range cert.Policies {
		for _, id := range known {
			if oid.EqualASN1OID(id) {
				return true
			}
		}
	}
	return false
}

// selfSigned reports whether cert names itself as its issuer and its
// signature verifies with its own public key, as zcrypto's SelfSigned flag
// (which zlint reads) does. SHA-1 signatures, which crypto/x509 no longer
// verifies, are verified here, since the question is who signed, not
// whether the signature is still strong.
func selfSigned(cert *x509.Certificate) bool {
	if len(cert.RawSubject) == 0 || !bytes.Equal(cert.RawSubject, cert.RawIssuer) {
		return false
	}
	if cert.CheckSignature(cert.SignatureAlgorithm, cert.RawTBSCertificate, cert.Signature) == nil {
		return true
	}
	switch cert.SignatureAlgorithm {
	case x509.SHA1WithRSA, x509.ECDSAWithSHA1:
		h := sha1.Sum(cert.RawTBSCertificate)
		switch pub := cert.PublicKey.(type) {
		case *rsa.PublicKey:
			return rsa.VerifyPKCS1v15(pub, crypto.SHA1, h[:], cert.Signature) == nil
		case *ecdsa.PublicKey:
			return ecdsa.VerifyASN1(pub, h[:], cert.Signature)
		}
	}
	return false
}

// A LifetimeError is the error of [CheckTLSServer] and
// [CheckTLSServerPeriod]: the certificate exceeds a TV-6 MUST NOT bound
// (Reason [ReasonLifetimeExceeded], matching [ErrLifetimeExceeded]), or
// cannot be judged ([ReasonInvalidPeriod], matching [ErrInvalidPeriod];
// [ReasonMalformed], matching [ErrMalformed]). It holds the [Verdict], whose
// Outcome is [OutcomeError], with the figures measured.
type LifetimeError struct {
	Verdict
}

// Error returns, for example, "validity: lifetime of 201 days
// (2026-03-15T00:00:00Z through 2026-10-01T00:00:00Z) exceeds the maximum
// of 200 days (BR 6.3.2, ballot SC-081: ...)".
func (e *LifetimeError) Error() string {
	return string(e.appendBody(append(make([]byte, 0, 160), "validity: "...)))
}

// Is reports whether target is the sentinel that e's Reason matches:
// [ErrLifetimeExceeded], [ErrInvalidPeriod] or [ErrMalformed].
func (e *LifetimeError) Is(target error) bool {
	switch e.Reason {
	case ReasonLifetimeExceeded:
		return target == ErrLifetimeExceeded
	case ReasonInvalidPeriod:
		return target == ErrInvalidPeriod
	case ReasonMalformed:
		return target == ErrMalformed
	}
	return false
}
