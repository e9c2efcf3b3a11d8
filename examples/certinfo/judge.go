package main

import (
	"crypto/x509"
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
	days      int   // TV-6 days, any part of a day counted
	limit     validity.Limit
	verdict   string // see lifetimeJSON.Verdict
	reason    string // the LifetimeError's reason, "" when ok
	findings  []validity.Finding
	findErr   error // EncodingFindings could not read the TBSCertificate
}

// Verdicts of the TV-6 check.
const (
	verdictOK            = "ok"             // within the bounds
	verdictWarning       = "warning"        // over the SHOULD NOT bound
	verdictError         = "error"          // over the MUST NOT bound
	verdictNoLimit       = "no_limit"       // issued before the first step
	verdictNotApplicable = "not_applicable" // a CA certificate, or not for server authentication
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
	// TV-6: BR 6.3.2 and ballot SC-081, by notBefore.
	v, _ := validity.CheckTLSServer(c)
	if v.Outcome != validity.OutcomePass {
		j.reason = v.Reason.String()
		switch {
		case v.Outcome == validity.OutcomeError:
			j.verdict = verdictError
		case v.Outcome == validity.OutcomeWarning:
			j.verdict = verdictWarning
		case v.Reason == validity.ReasonNoLimit:
			j.verdict = verdictNoLimit
		default:
			j.verdict = verdictNotApplicable
		}
	}
	// TV-5: RFC 5280 4.1.2.5.
	j.findings, j.findErr = validity.EncodingFindings(c.RawTBSCertificate)
	return j
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
