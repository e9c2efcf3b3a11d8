package main

// This file holds the rules certinfo applies until the validity package
// gives them: TV-3 length, TV-6 lifetime limits and TV-5 encoding findings.

import (
	"crypto/x509"
	"strconv"
	"time"

	"golang.org/x/crypto/cryptobyte"
	cbasn1 "golang.org/x/crypto/cryptobyte/asn1"
)

// lengthOf is the TV-3 length of a validity period: notAfter - notBefore +
// 1 s, since both ends are included (RFC 5280 4.1.2.5).
func lengthOf(notBefore, notAfter time.Time) time.Duration {
	return notAfter.Sub(notBefore) + time.Second
}

// daysOf counts a length in days as TV-6 does: 86,400 s a day, any excess
// is another day.
func daysOf(d time.Duration) int64 {
	const day = 24 * time.Hour
	n := int64(d / day)
	if d%day > 0 {
		n++
	}
	return n
}

// A tlsLimit is one row of TV-6's table.
type tlsLimit struct {
	from     time.Time // first issue instant the row covers
	until    time.Time // first instant it no longer covers; zero means open
	issued   string    // the row's issue window in words
	months   int       // MUST NOT exceed, in months (39-month row), or 0
	mustDays int64     // MUST NOT exceed, in days, or 0
	warnDays int64     // SHOULD NOT exceed, in days, or 0
}

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// tlsLimits is TV-6 (Baseline Requirements 6.3.2, ballot SC-081). "After
// D" starts at the first instant of the day after D (UTC); "on or after D"
// at the first instant of D.
var tlsLimits = [...]tlsLimit{
	{day(2016, 7, 2), day(2018, 3, 2), "after 2016-07-01, before 2018-03-01", 39, 0, 0},
	{day(2018, 3, 2), day(2020, 9, 1), "after 2018-03-01, before 2020-09-01", 0, 825, 0},
	{day(2020, 9, 1), day(2026, 3, 15), "on or after 2020-09-01, before 2026-03-15", 0, 398, 397},
	{day(2026, 3, 15), day(2027, 3, 15), "on or after 2026-03-15, before 2027-03-15", 0, 200, 199},
	{day(2027, 3, 15), day(2029, 3, 15), "on or after 2027-03-15, before 2029-03-15", 0, 100, 99},
	{day(2029, 3, 15), time.Time{}, "on or after 2029-03-15", 0, 47, 46},
}

// limitFor returns the TV-6 row for a certificate issued at notBefore.
func limitFor(notBefore time.Time) (tlsLimit, bool) {
	for _, l := range tlsLimits {
		if !notBefore.Before(l.from) && (l.until.IsZero() || notBefore.Before(l.until)) {
			return l, true
		}
	}
	return tlsLimit{}, false
}

// Verdicts of the TV-6 check.
const (
	verdictOK      = "ok"
	verdictWarning = "warning"
	verdictError   = "error"
	verdictNoLimit = "no_limit"
	verdictNotTLS  = "not_applicable"
)

// lifetime is the TV-6 judgement of one certificate.
type lifetime struct {
	Rule     string `json:"rule"`                // the issue window, or why no row applies
	Max      string `json:"max"`                 // the MUST NOT bound in words, "" when none
	MaxDays  int64  `json:"max_days,omitempty"`  // the MUST NOT bound in days (0 for the 39-month row)
	WarnDays int64  `json:"warn_days,omitempty"` // the SHOULD NOT bound in days, 0 when none
	Verdict  string `json:"verdict"`             // ok, warning, error, no_limit, not_applicable
}

// judgeLifetime applies TV-6 to c. CA certificates and certificates issued
// before the table begins get no limit.
func judgeLifetime(c *x509.Certificate) lifetime {
	if c.IsCA {
		return lifetime{Rule: "CA certificate: TV-6 limits subscriber certificates only", Verdict: verdictNotTLS}
	}
	l, ok := limitFor(c.NotBefore)
	if !ok {
		return lifetime{Rule: "issued before 2016-07-02: no TV-6 limit", Verdict: verdictNoLimit}
	}
	out := lifetime{Rule: "issued " + l.issued, MaxDays: l.mustDays, WarnDays: l.warnDays, Verdict: verdictOK}
	if l.months > 0 {
		out.Max = strconv.Itoa(l.months) + " months"
		if c.NotAfter.After(c.NotBefore.AddDate(0, l.months, 0)) {
			out.Verdict = verdictError
		}
		return out
	}
	out.Max = strconv.FormatInt(l.mustDays, 10) + " days"
	switch days := daysOf(lengthOf(c.NotBefore, c.NotAfter)); {
	case days > l.mustDays:
		out.Verdict = verdictError
	case l.warnDays > 0 && days > l.warnDays:
		out.Verdict = verdictWarning
	}
	return out
}

// encodingFindings checks the validity encoding of a certificate's DER
// against RFC 5280 4.1.2.5 (TV-5): UTCTime through 2049, GeneralizedTime
// from 2050, seconds and Z always; 99991231235959Z is noted.
func encodingFindings(raw []byte) []string {
	var cert, tbs, validity cryptobyte.String
	in := cryptobyte.String(raw)
	if !in.ReadASN1(&cert, cbasn1.SEQUENCE) || !cert.ReadASN1(&tbs, cbasn1.SEQUENCE) ||
		!tbs.SkipOptionalASN1(cbasn1.Tag(0).Constructed().ContextSpecific()) ||
		!tbs.SkipASN1(cbasn1.INTEGER) || !tbs.SkipASN1(cbasn1.SEQUENCE) ||
		!tbs.SkipASN1(cbasn1.SEQUENCE) || !tbs.ReadASN1(&validity, cbasn1.SEQUENCE) {
		return []string{"validity: cannot locate the validity field"}
	}
	var out []string
	for _, name := range [...]string{"notBefore", "notAfter"} {
		var v cryptobyte.String
		var tag cbasn1.Tag
		if !validity.ReadAnyASN1(&v, &tag) {
			out = append(out, name+": missing")
			continue
		}
		s := string(v)
		switch tag {
		case cbasn1.UTCTime:
			if len(s) != 13 || s[12] != 'Z' {
				out = append(out, name+": UTCTime "+strconv.Quote(s)+" is not YYMMDDHHMMSSZ")
			}
		case cbasn1.GeneralizedTime:
			switch {
			case len(s) != 15 || s[14] != 'Z':
				out = append(out, name+": GeneralizedTime "+strconv.Quote(s)+" is not YYYYMMDDHHMMSSZ")
			case s == "99991231235959Z":
				out = append(out, name+": 99991231235959Z, no well-defined expiration")
			case s < "2050":
				out = append(out, name+": GeneralizedTime "+s+" before 2050 (RFC 5280 requires UTCTime)")
			}
		default:
			out = append(out, name+": tag "+strconv.Itoa(int(tag))+" is neither UTCTime nor GeneralizedTime")
		}
	}
	return out
}
