package main

import (
	"crypto/x509"
	"slices"
	"strings"
	"time"

	"github.com/certlife/certlife/validity"
)

// judgement is what certinfo says about one certificate at -at, from the
// validity package.
type judgement struct {
	period    validity.Period
	status    validity.Status
	remaining int64 // Period.Remaining in seconds: NotAfter - at + 1 s while valid
	length    int64 // TV-3 in seconds: NotAfter - NotBefore + 1 s
	days      int   // TV-3 days (Period.Days), any part of a day counted
	limit     validity.Limit
	verdict   string // see the package doc's "verdict"
	reason    string // the Verdict's reason, "" when ok
	// measured reports that the TV-6 check measured the lifetime (the
	// verdict is ok, warning or error); tv6Seconds and tv6Days are then
	// the length as the step in force measures it (Verdict.Length and
	// Verdict.Days): NotAfter - NotBefore + 1 s from 2020-09-01 (the same
	// as TV-3's), NotAfter - NotBefore before (Limit.Inclusive false).
	measured   bool
	tv6Seconds int64
	tv6Days    int
	// clientAuth is the dated clientAuth check of the certificate's
	// successor (validity.CheckClientAuth), judged as issued at
	// successorAt.
	clientAuth    validity.Verdict
	hasClientAuth bool // the certificate lists clientAuth
	successorAt   time.Time
	findings      []validity.Finding
	findErr       error // EncodingFindings could not read the TBSCertificate
}

// Verdicts of the TV-6 check and of the clientAuth check.
const (
	verdictOK            = "ok"             // within the bounds; a successor may carry clientAuth
	verdictWarning       = "warning"        // over the SHOULD NOT bound; a successor may not carry clientAuth
	verdictError         = "error"          // over the MUST NOT bound; clientAuth where it is banned
	verdictNoLimit       = "no_limit"       // issued before the first step
	verdictNotApplicable = "not_applicable" // not a subscriber TLS server certificate (see the package doc)
)

// The clientAuth ban as certinfo names it in its text: the first
// notBefore at which a publicly trusted TLS server certificate may not carry
// clientAuth, and the rule, as package validity's CheckClientAuth applies
// them. TestClientAuthBan holds the texts and the package together.
const (
	clientAuthBan    = "2027-03-15T00:00:00Z"
	clientAuthSource = "Chrome Root Program Policy 1.8, section 1.3.2"
)

func judge(c *x509.Certificate, at time.Time) judgement {
	p := validity.Of(c)
	j := judgement{
		period:  p,
		status:  p.Status(at),
		length:  secondsBetween(c.NotBefore, c.NotAfter) + 1,
		days:    p.Days(),
		limit:   validity.TLSServerLimit(c.NotBefore),
		verdict: verdictOK,
	}
	// Period.Remaining and Period.Length saturate at about 292 years (a
	// notAfter of 99991231235959Z); whole seconds do not.
	switch j.status {
	case validity.Valid:
		j.remaining = secondsBetween(at, c.NotAfter) + 1
	case validity.NotYetValid:
		j.remaining = j.length
	}
	// TV-6: BR 6.3.2 and ballot SC-081, by notBefore, measured as the step
	// in force measures (Verdict.Length, Verdict.Days).
	v, _ := validity.CheckTLSServer(c)
	j.verdict, j.reason = verdictWord(v)
	if v.Outcome != validity.OutcomeNotApplicable && v.Reason != validity.ReasonInvalidPeriod {
		j.measured = true
		j.tv6Seconds = int64(v.Length / time.Second)
		j.tv6Days = v.Days
	}
	// The successor's clientAuth: it is judged as issued at notAfter, the
	// latest a renewal can be made without a gap, or at -at once the
	// certificate has expired.
	j.successorAt = c.NotAfter
	if at.After(c.NotAfter) {
		j.successorAt = at
	}
	j.hasClientAuth = slices.Contains(c.ExtKeyUsage, x509.ExtKeyUsageClientAuth)
	j.clientAuth, _ = validity.CheckClientAuth(c, j.successorAt)
	// TV-5: RFC 5280 4.1.2.5.
	j.findings, j.findErr = validity.EncodingFindings(c.RawTBSCertificate)
	return j
}

// verdictWord returns the word for a Verdict (ok, warning, error,
// no_limit, not_applicable) and its reason in words, "" for a pass.
func verdictWord(v validity.Verdict) (word, reason string) {
	switch {
	case v.Outcome == validity.OutcomePass:
		return verdictOK, ""
	case v.Outcome == validity.OutcomeError:
		word = verdictError
	case v.Outcome == validity.OutcomeWarning:
		word = verdictWarning
	case v.Reason == validity.ReasonNoLimit:
		word = verdictNoLimit
	default:
		word = verdictNotApplicable
	}
	return word, v.Reason.String()
}

// statusWord is the status for JSON: "valid", "not_yet_valid", "expired".
func statusWord(s validity.Status) string {
	return strings.ReplaceAll(s.String(), " ", "_")
}

// secondsBetween returns b - a in whole seconds, rounded down, without the
// limit of time.Duration.
func secondsBetween(a, b time.Time) int64 {
	d := b.Unix() - a.Unix()
	if b.Nanosecond() < a.Nanosecond() {
		d--
	}
	return d
}
