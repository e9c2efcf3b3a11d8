package validity

import (
	"errors"
	"strconv"
	"time"
)

// Sentinel errors that the typed errors of this package match with
// [errors.Is].
var (
	// ErrInvalidPeriod is matched by a *[PeriodError] or *[LifetimeError]
	// whose Reason is [ReasonInvalidPeriod].
	ErrInvalidPeriod = errors.New("validity: invalid period")
	// ErrLifetimeExceeded is matched by a *[LifetimeError] whose certificate
	// is longer than the MUST NOT bound of TV-6 ([ReasonLifetimeExceeded]).
	// Crossing only the SHOULD NOT bound is not an error.
	ErrLifetimeExceeded = errors.New("validity: lifetime exceeds the maximum")
	// ErrClientAuthNotAllowed is matched by a *[ClientAuthError] whose TLS
	// server certificate was issued on or after 2027-03-15 with the
	// clientAuth extended key usage ([ReasonClientAuthNotAllowed]).
	ErrClientAuthNotAllowed = errors.New("validity: clientAuth not allowed in a TLS server certificate")
	// ErrMalformed is matched by an *[EncodingError] whose input is not the
	// DER of a TBSCertificate, and by the errors of [CheckTLSServer] and
	// [CheckClientAuth] for a nil certificate ([ReasonMalformed]).
	ErrMalformed = errors.New("validity: malformed certificate")
)

// A Reason says why a function of this package gave its answer: why it
// returned an error, why a [Verdict] has its Outcome, or why the TV-6
// limits apply to a certificate or not ([TLSServerApplies]).
type Reason int

const (
	// ReasonZeroTime results when the instant to judge is the zero
	// time.Time, a caller bug; it is never taken as "now".
	ReasonZeroTime Reason = iota + 1
	// ReasonInvalidPeriod results when a Period has a zero end or its
	// NotAfter is before its NotBefore (see [Period.IsValid]).
	ReasonInvalidPeriod
	// ReasonNotYetValid results when the instant is before NotBefore.
	ReasonNotYetValid
	// ReasonExpired results when the instant is after NotAfter.
	ReasonExpired
	// ReasonLifetimeExceeded results when a TLS server certificate is
	// longer than the MUST NOT bound in force at its notBefore (TV-6):
	// [OutcomeError] and a *[LifetimeError].
	ReasonLifetimeExceeded
	// ReasonLifetimeWarning results when a TLS server certificate is longer
	// than the SHOULD NOT bound in force at its notBefore but not the MUST
	// NOT bound (TV-6): [OutcomeWarning], no error.
	ReasonLifetimeWarning
	// ReasonCACertificate results when a check is given a CA certificate,
	// to which the TV-6 limits and the clientAuth ban do not apply.
	ReasonCACertificate
	// ReasonNotServerAuth results when a check is given a certificate whose
	// extended key usage excludes server authentication and that asserts
	// no CA/Browser Forum TLS policy.
	ReasonNotServerAuth
	// ReasonNoLimit results when a TV-6 check is given a certificate or
	// period issued before the first step this package knows
	// (2016-07-02T00:00:00Z).
	ReasonNoLimit
	// ReasonMalformed results when the bytes given as a TBSCertificate are
	// not its DER, or a certificate is nil.
	ReasonMalformed
	// ReasonEncoding results when the validity's time encoding has at least
	// one finding of [SeverityWarning] or [SeverityError] (TV-5).
	ReasonEncoding
	// ReasonCompliant results when a check finds nothing to report: a
	// [Verdict] of [OutcomePass].
	ReasonCompliant
	// ReasonSelfSigned results when a check is given a leaf certificate
	// that is self-signed (its issuer is its subject and its own key
	// verifies its signature): no CA issued it, so the TV-6 limits and
	// the clientAuth ban do not apply.
	ReasonSelfSigned
	// ReasonServerAuthEKU results when [TLSServerApplies] finds serverAuth
	// or anyExtendedKeyUsage in a certificate's extended key usage.
	ReasonServerAuthEKU
	// ReasonNoEKU results when [TLSServerApplies] finds a certificate with
	// no extended key usage, which clients accept for any purpose.
	ReasonNoEKU
	// ReasonTLSPolicy results when [TLSServerApplies] finds a certificate
	// whose extended key usage excludes server authentication but that
	// asserts a CA/Browser Forum TLS policy (2.23.140.1.1, or an OID under
	// 2.23.140.1.2), and so claims to be a Baseline Requirements
	// certificate.
	ReasonTLSPolicy
	// ReasonClientAuthEnding results when [CheckClientAuth] finds clientAuth
	// in a TLS server certificate issued before 2027-03-15 and the
	// successor, issued at the instant given, may not carry it:
	// [OutcomeWarning], no error.
	ReasonClientAuthEnding
	// ReasonClientAuthNotAllowed results when [CheckClientAuth] finds
	// clientAuth in a TLS server certificate issued on or after 2027-03-15:
	// [OutcomeError] and a *[ClientAuthError].
	ReasonClientAuthNotAllowed
)

var reasonText = [...]string{
	ReasonZeroTime:             "zero time",
	ReasonInvalidPeriod:        "invalid period",
	ReasonNotYetValid:          "not yet valid",
	ReasonExpired:              "expired",
	ReasonLifetimeExceeded:     "lifetime exceeded",
	ReasonLifetimeWarning:      "lifetime over recommendation",
	ReasonCACertificate:        "CA certificate",
	ReasonNotServerAuth:        "not for server authentication",
	ReasonNoLimit:              "no limit known",
	ReasonMalformed:            "malformed",
	ReasonEncoding:             "bad time encoding",
	ReasonCompliant:            "compliant",
	ReasonSelfSigned:           "self-signed leaf",
	ReasonServerAuthEKU:        "serverAuth extended key usage",
	ReasonNoEKU:                "no extended key usage",
	ReasonTLSPolicy:            "CA/Browser Forum TLS policy",
	ReasonClientAuthEnding:     "clientAuth ends for successors",
	ReasonClientAuthNotAllowed: "clientAuth not allowed",
}

// String returns the reason in words, such as "expired";
// "Reason(n)" for a value not listed.
func (r Reason) String() string {
	if r > 0 && int(r) < len(reasonText) {
		return reasonText[r]
	}
	return "Reason(" + strconv.Itoa(int(r)) + ")"
}

// A Severity grades a [Finding] of [EncodingFindings].
type Severity int

const (
	// SeverityInfo marks something worth knowing that breaks no rule, such
	// as a notAfter of 99991231235959Z.
	SeverityInfo Severity = iota + 1
	// SeverityWarning marks a SHOULD or SHOULD NOT that is not followed.
	SeverityWarning
	// SeverityError marks a MUST or MUST NOT that is broken.
	SeverityError
)

var severityText = [...]string{
	SeverityInfo:    "info",
	SeverityWarning: "warning",
	SeverityError:   "error",
}

// String returns "info", "warning" or "error"; "Severity(n)" for any
// other value.
func (s Severity) String() string {
	if s > 0 && int(s) < len(severityText) {
		return severityText[s]
	}
	return "Severity(" + strconv.Itoa(int(s)) + ")"
}

// A PeriodError reports that an instant is not within a [Period], or that
// the instant or the Period cannot be judged. [Period.Check] returns it.
type PeriodError struct {
	Period Period
	At     time.Time // the instant judged
	Reason Reason    // ReasonNotYetValid, ReasonExpired, ReasonZeroTime or ReasonInvalidPeriod
}

// Error returns, for example, "validity: expired at 2012-12-11T00:00:00Z:
// period 2011-12-10T00:00:00Z through 2012-12-10T23:59:59Z", or for a zero
// instant "validity: zero time given: period ...".
func (e *PeriodError) Error() string {
	b := []byte("validity: ")
	if e.Reason == ReasonZeroTime {
		b = append(b, "zero time given"...)
	} else {
		b = append(b, e.Reason.String()...)
		b = append(b, " at "...)
		b = appendRFC3339(b, e.At)
	}
	b = append(b, ": period "...)
	b = appendRFC3339(b, e.Period.NotBefore)
	b = append(b, " through "...)
	b = appendRFC3339(b, e.Period.NotAfter)
	return string(b)
}

// Is reports whether target is [ErrInvalidPeriod] and e's Reason is
// [ReasonInvalidPeriod].
func (e *PeriodError) Is(target error) bool {
	return target == ErrInvalidPeriod && e.Reason == ReasonInvalidPeriod
}

func appendRFC3339(b []byte, t time.Time) []byte {
	return t.AppendFormat(b, time.RFC3339Nano)
}
