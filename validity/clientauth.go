package validity

import (
	"crypto/x509"
	"time"
)

// The clientAuth extended key usage in publicly trusted TLS server
// certificates. The Chrome Root Program Policy, version 1.8 (2026-02-05),
// section 1.3.2, requires hierarchies in the Chrome Root Store to be
// dedicated to TLS server authentication and, from 2027-03-15, new
// subscriber certificates chaining to them to assert id-kp-serverAuth
// only; zlint checks this as e_client_auth_not_allowed (lint source
// ChromeRootStorePolicy, effective for notBefore on or after 2027-03-15).
// Version 1.6 of the policy (2025) had named 2026-06-15 for the same step;
// version 1.8 moved the subscriber-certificate step to 2027-03-15 and kept
// 2026-06-15 for new subordinate CA certificates.
//
// The large CAs stopped earlier, by their own announcements as reported by
// EuroSSL (2025-06-14) and Com Laude (read 2026-12-01): DigiCert stopped
// including clientAuth by default on 2025-10-01 and entirely by
// 2026-05-01, Sectigo from 2025-09-15 to 2026-05-15, Let's Encrypt from
// 2026-02-11 (default) to 2026-05-13.
const (
	clientAuthBan    = step100Days // 2027-03-15T00:00:00Z, the same instant as the 100-day step
	clientAuthSource = "Chrome Root Program Policy 1.8, section 1.3.2"
)

// CheckClientAuth tells a user who does mutual TLS with a publicly trusted
// server certificate whether its successor, issued at the instant renew,
// may still carry the clientAuth extended key usage. The Chrome Root
// Program bans clientAuth in TLS server certificates issued on or after
// 2027-03-15T00:00:00Z (policy 1.8, section 1.3.2; zlint
// e_client_auth_not_allowed), and the large CAs dropped it in 2025–2026
// already (see the package documentation).
//
// The [Verdict] is:
//
//   - [OutcomeNotApplicable] for a certificate that is not a subscriber TLS
//     server certificate, with the Reason of [TLSServerApplies]
//     ([ReasonCACertificate], [ReasonSelfSigned], [ReasonNotServerAuth]);
//     the date of issue does not matter here;
//   - [OutcomePass] ([ReasonCompliant]) when cert does not list clientAuth,
//     or lists it and renew is before 2027-03-15;
//   - [OutcomeWarning] ([ReasonClientAuthEnding]) when cert lawfully lists
//     clientAuth but a successor issued at renew may not: plan client
//     certificates from a private CA before then;
//   - [OutcomeError] ([ReasonClientAuthNotAllowed]) with a
//     *[ClientAuthError] matching [ErrClientAuthNotAllowed] when cert
//     itself was issued (notBefore) on or after 2027-03-15 and lists
//     clientAuth, whatever renew.
//
// Only an explicit clientAuth counts, as in zlint; anyExtendedKeyUsage,
// which the Baseline Requirements forbid in subscriber certificates, does
// not. A nil cert is a *ClientAuthError matching [ErrMalformed], and a zero
// renew one with [ReasonZeroTime], never "now".
func CheckClientAuth(cert *x509.Certificate, renew time.Time) (Verdict, error) {
	switch {
	case cert == nil:
		v := Verdict{Outcome: OutcomeError, Reason: ReasonMalformed}
		return v, &ClientAuthError{Verdict: v}
	case renew.IsZero():
		v := Verdict{Outcome: OutcomeError, Reason: ReasonZeroTime, Period: Of(cert)}
		return v, &ClientAuthError{Verdict: v}
	}
	v := Verdict{Period: Of(cert)}
	switch {
	case cert.IsCA:
		v.Outcome, v.Reason = OutcomeNotApplicable, ReasonCACertificate
	case selfSigned(cert):
		v.Outcome, v.Reason = OutcomeNotApplicable, ReasonSelfSigned
	case tlsServerScope(cert) == ReasonNotServerAuth:
		v.Outcome, v.Reason = OutcomeNotApplicable, ReasonNotServerAuth
	case !clientAuth(cert):
		v.Outcome, v.Reason = OutcomePass, ReasonCompliant
	case !cert.NotBefore.Before(utc(clientAuthBan)):
		v.Outcome, v.Reason = OutcomeError, ReasonClientAuthNotAllowed
		return v, &ClientAuthError{Verdict: v}
	case !renew.Before(utc(clientAuthBan)):
		v.Outcome, v.Reason = OutcomeWarning, ReasonClientAuthEnding
	default:
		v.Outcome, v.Reason = OutcomePass, ReasonCompliant
	}
	return v, nil
}

// clientAuth reports whether cert's extended key usage lists clientAuth.
func clientAuth(cert *x509.Certificate) bool {
	for _, u := range cert.ExtKeyUsage {
		if u == x509.ExtKeyUsageClientAuth {
			return true
		}
	}
	return false
}

// A ClientAuthError is the error of [CheckClientAuth]: a TLS server
// certificate issued on or after 2027-03-15 lists clientAuth (Reason
// [ReasonClientAuthNotAllowed], matching [ErrClientAuthNotAllowed]), or the
// input cannot be judged ([ReasonMalformed], matching [ErrMalformed];
// [ReasonZeroTime]). It holds the [Verdict], whose Outcome is
// [OutcomeError].
type ClientAuthError struct {
	Verdict
}

// Error returns, for example, "validity: clientAuth in a TLS server
// certificate issued at 2027-03-15T00:00:00Z, on or after
// 2027-03-15T00:00:00Z (Chrome Root Program Policy 1.8, section 1.3.2)".
func (e *ClientAuthError) Error() string {
	return string(e.appendBody(append(make([]byte, 0, 160), "validity: "...)))
}

// Is reports whether target is [ErrClientAuthNotAllowed] and e's Reason
// is [ReasonClientAuthNotAllowed], or target is [ErrMalformed] and the
// Reason is [ReasonMalformed].
func (e *ClientAuthError) Is(target error) bool {
	switch e.Reason {
	case ReasonClientAuthNotAllowed:
		return target == ErrClientAuthNotAllowed
	case ReasonMalformed:
		return target == ErrMalformed
	}
	return false
}
