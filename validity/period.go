package validity

import (
	"crypto/x509"
	"math"
	"strconv"
	"time"

	"github.com/certlife/certlife/tz"
)

// A Period is the validity period of a certificate: every instant from
// NotBefore through NotAfter, both included (TV-3, RFC 5280 4.1.2.5).
//
// A Period is valid ([Period.IsValid]) when neither end is the zero time and
// NotAfter is not before NotBefore. Methods give a documented neutral answer
// for a Period that is not valid (false, zero, [Unknown]); [Period.Check]
// reports it as an error. The zero Period is not valid.
//
// Compare Periods with == or cmp.Diff only when their ends share a zone;
// use [Period.Equal] otherwise.
type Period struct {
	NotBefore time.Time // the first instant of validity
	NotAfter  time.Time // the last instant of validity, included (TV-3)
}

// Of returns the validity period of cert, as crypto/x509 decoded it (in
// UTC). A nil cert gives the zero Period, which is not valid.
func Of(cert *x509.Certificate) Period {
	if cert == nil {
		return Period{}
	}
	return Period{NotBefore: cert.NotBefore, NotAfter: cert.NotAfter}
}

// IsValid reports whether p is a period at all: neither end is the zero
// time and NotAfter is not before NotBefore. A one-instant period
// (NotBefore == NotAfter) is valid and one second long.
func (p Period) IsValid() bool {
	return !p.NotBefore.IsZero() && !p.NotAfter.IsZero() && !p.NotAfter.Before(p.NotBefore)
}

// Equal reports whether p and q have the same ends as instants, whatever
// zone each end is expressed in.
func (p Period) Equal(q Period) bool {
	return p.NotBefore.Equal(q.NotBefore) && p.NotAfter.Equal(q.NotAfter)
}

// Contains reports whether t lies in p, both ends included (TV-3):
// NotBefore <= t <= NotAfter. For the TV-2 certificate, whose NotAfter is
// 2012-12-10 23:59:59 UTC, it is true at 2012-12-11 08:59:59 JST and false
// one nanosecond later. It is false for a zero t and for a Period that is
// not valid.
func (p Period) Contains(t time.Time) bool {
	if t.IsZero() || !p.IsValid() {
		return false
	}
	return !t.Before(p.NotBefore) && !t.After(p.NotAfter)
}

// Length returns the length of p as the CA/Browser Forum Baseline
// Requirements measure a validity period (TV-3): NotAfter - NotBefore + 1 s.
// The TV-2 certificate, 2011-12-10 00:00:00 to 2012-12-10 23:59:59 UTC, is
// 367×24 h long.
//
// Length is 0 for a Period that is not valid. A length beyond the range of
// time.Duration (about 292 years, as with a notAfter of 99991231235959Z) is
// reported as math.MaxInt64 nanoseconds; [Period.Days] has no such limit.
func (p Period) Length() time.Duration {
	if !p.IsValid() {
		return 0
	}
	d := p.NotAfter.Sub(p.NotBefore)
	if d > math.MaxInt64-time.Second {
		return math.MaxInt64
	}
	return d + time.Second
}

// Days returns the length of p in days as TV-6 counts them: a day is 86,400
// seconds and any excess, even one nanosecond, counts as another day, so
// Days is [Period.Length] divided by 24 h and rounded up. The TV-2
// certificate is 367 days long; a certificate from 00:00:00 to 23:59:59 of
// one day is 1 day long, and from 00:00:00 to 00:00:00 the next day, 2.
//
// Days is exact for every valid Period, including ones whose length does not
// fit in a time.Duration. It is 0 for a Period that is not valid.
func (p Period) Days() int {
	s, ns, ok := p.length()
	if !ok {
		return 0
	}
	days := s / secondsPerDay
	if s%secondsPerDay != 0 || ns != 0 {
		days++
	}
	return int(days)
}

// length returns the TV-3 length of p as whole seconds and nanoseconds
// (0 <= ns < 1e9), without the overflow of time.Duration.
func (p Period) length() (s, ns int64, ok bool) {
	if !p.IsValid() {
		return 0, 0, false
	}
	s = p.NotAfter.Unix() - p.NotBefore.Unix() + 1
	ns = int64(p.NotAfter.Nanosecond() - p.NotBefore.Nanosecond())
	if ns < 0 {
		s--
		ns += 1e9
	}
	return s, ns, true
}

// Status returns where at lies relative to p: [NotYetValid] before
// NotBefore, [Valid] from NotBefore through NotAfter (both included, TV-3),
// [Expired] after NotAfter.
//
// A zero at is a caller bug, not "now": Status returns [Unknown] for it, and
// for a Period that is not valid. [Period.Check] reports the same cases as
// errors.
func (p Period) Status(at time.Time) Status {
	switch {
	case at.IsZero() || !p.IsValid():
		return Unknown
	case at.Before(p.NotBefore):
		return NotYetValid
	case at.After(p.NotAfter):
		return Expired
	}
	return Valid
}

// Check returns nil when at lies in p, and otherwise a *[PeriodError] whose
// Reason is [ReasonNotYetValid], [ReasonExpired], [ReasonZeroTime] (at is
// the zero time) or [ReasonInvalidPeriod] (p is not valid; the error then
// also matches [ErrInvalidPeriod]).
func (p Period) Check(at time.Time) error {
	var r Reason
	switch p.Status(at) {
	case Valid:
		return nil
	case NotYetValid:
		r = ReasonNotYetValid
	case Expired:
		r = ReasonExpired
	default:
		if at.IsZero() {
			r = ReasonZeroTime
		} else {
			r = ReasonInvalidPeriod
		}
	}
	return &PeriodError{Period: p, At: at, Reason: r}
}

// Remaining returns how much of p's [Period.Length] still lies ahead at the
// instant at: NotAfter - at + 1 s while p contains at, the whole Length
// before NotBefore, and 0 after NotAfter. Remaining(p.NotBefore) equals
// p.Length(), so Remaining(at)/Length() is the fraction of the lifetime
// left (the share renewal policies such as "renew with a third left" use).
//
// Remaining is 0 for a zero at and for a Period that is not valid. Like
// Length it saturates at math.MaxInt64 nanoseconds.
func (p Period) Remaining(at time.Time) time.Duration {
	switch p.Status(at) {
	case NotYetValid:
		return p.Length()
	case Valid:
		return Period{NotBefore: at, NotAfter: p.NotAfter}.Length()
	}
	return 0
}

// In returns p with both ends expressed in loc; the instants are unchanged.
// A nil loc means JST ([tz.JST]); the host's local zone is never used.
func (p Period) In(loc *time.Location) Period {
	loc = orJST(loc)
	return Period{NotBefore: p.NotBefore.In(loc), NotAfter: p.NotAfter.In(loc)}
}

// periodLayout is the layout of each end in [Period.Format]. The fraction
// is printed only when an end has one, which certificates never do.
const periodLayout = "2006-01-02 15:04:05.999999999 MST"

// Format returns both ends of p in loc, joined by " – " (space, U+2013 EN
// DASH, space), each in the layout "2006-01-02 15:04:05 MST" with a
// fraction of a second only when there is one. For the TV-2 certificate in
// [tz.JST]:
//
//	2011-12-10 09:00:00 JST – 2012-12-11 08:59:59 JST
//
// A zone without an abbreviation prints as a numeric offset ("+0900"). A nil
// loc means JST; the host's local zone is never used. Zero ends print as
// the zero time in loc; Format does not judge validity.
func (p Period) Format(loc *time.Location) string {
	return string(p.AppendFormat(make([]byte, 0, 64), loc))
}

// AppendFormat appends the text of [Period.Format] to b and returns the
// extended buffer.
func (p Period) AppendFormat(b []byte, loc *time.Location) []byte {
	loc = orJST(loc)
	b = p.NotBefore.In(loc).AppendFormat(b, periodLayout)
	b = append(b, " – "...)
	return p.NotAfter.In(loc).AppendFormat(b, periodLayout)
}

// String returns p formatted in UTC, the zone in which certificates encode
// validity and CAs print it (TV-1):
// "2011-12-10 00:00:00 UTC – 2012-12-10 23:59:59 UTC". Use [Period.Format]
// for another zone.
func (p Period) String() string {
	return p.Format(time.UTC)
}

func orJST(loc *time.Location) *time.Location {
	if loc == nil {
		return tz.JST
	}
	return loc
}

// A Status says where an instant lies relative to a [Period].
type Status int

const (
	// Unknown is the zero Status: the instant was the zero time, which is
	// a caller bug and never means "now", or the Period was not valid.
	Unknown Status = iota
	// NotYetValid is the Status of an instant before NotBefore.
	NotYetValid
	// Valid is the Status of an instant from NotBefore through NotAfter,
	// both included (TV-3).
	Valid
	// Expired is the Status of an instant after NotAfter.
	Expired
)

var statusText = [...]string{
	Unknown:     "unknown",
	NotYetValid: "not yet valid",
	Valid:       "valid",
	Expired:     "expired",
}

// String returns the status in lower-case words: "unknown", "not yet
// valid", "valid" or "expired"; "Status(n)" for any other value.
func (s Status) String() string {
	if s >= 0 && int(s) < len(statusText) {
		return statusText[s]
	}
	return "Status(" + strconv.Itoa(int(s)) + ")"
}
