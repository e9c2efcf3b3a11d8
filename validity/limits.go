package validity

import (
	"time"

	"github.com/certlife/certlife/tz"
)

// A Limit is one step of the maximum lifetime of a publicly trusted TLS
// server (subscriber) certificate (TV-6, Baseline Requirements 6.3.2): it
// applies to certificates whose notBefore is in [From, Until).
//
// How a certificate is measured against a Limit depends on the step
// (Inclusive): from 2020-09-01 the length is TV-3's, NotAfter - NotBefore +
// 1 s; before, it is NotAfter - NotBefore. Either is counted in days of
// 86,400 s, any excess counting as another day, and a certificate complies
// with a bound of N days when that count is at most N.
//
// A Limit with MaxDays 0 means that no limit is known: [TLSServerLimit]
// returns one, with only Until set, for an issue date before the first
// step.
type Limit struct {
	// MaxDays is the MUST NOT bound in days. For the 39-month step, whose
	// bound is in months (see MaxMonths), MaxDays is 1185, the fewest days
	// 39 months span for any notBefore in that step, so that a certificate
	// of at most MaxDays days complies whatever its issue date. MaxDays is
	// 0 only when no limit is known.
	MaxDays int
	// WarnDays is the SHOULD NOT bound in days, or 0 when the step has none.
	WarnDays int
	// MaxMonths, when not 0, is the MUST NOT bound as the Baseline
	// Requirements state it, in calendar months (39 for certificates issued
	// from July 2016 to February 2018). It is counted from notBefore in UTC,
	// the day clamped to the end of a shorter month (2016-11-30 plus 39
	// months is 2020-02-29), and overrides MaxDays in [CheckTLSServer].
	MaxMonths int
	// Inclusive reports how the step measures a certificate. True for the
	// steps from 2020-09-01 (ballot SC31): RFC 5280's inclusive period,
	// NotAfter - NotBefore + 1 s, as [Period.Length] measures it. False for
	// the 39-month and 825-day steps: the Baseline Requirements of the time
	// measured "from the date when the Certificate is issued until the
	// Expiry Date", NotAfter - NotBefore, and SC31 kept that measure for
	// certificates issued before 2020-09-01.
	Inclusive bool
	// From is the first issue instant (notBefore) the step applies to,
	// included; zero for the "no limit known" Limit.
	From time.Time
	// Until is the first issue instant the step no longer applies to, or
	// zero for the step in force with no end.
	Until time.Time
	// Source cites the rule: the Baseline Requirements section and ballot.
	Source string
}

// The instants at which the TV-6 steps and the validation-reuse periods
// begin, as Unix seconds (UTC). "After D" in the Baseline Requirements is
// read as from the first instant of D+1; "on or after D" and "effective D"
// as from the first instant of D. Constants, so that nothing can change
// them.
const (
	step39Months  = 1467417600 // 2016-07-02T00:00:00Z: "issued after 1 July 2016"
	reuse825Days  = 1519862400 // 2018-03-01T00:00:00Z: ballot 193's effective date for 825-day reuse
	step825Days   = 1519948800 // 2018-03-02T00:00:00Z: "issued after 1 March 2018" (ballot 193)
	step398Days   = 1598918400 // 2020-09-01T00:00:00Z: "on or after 1 September 2020" (ballot SC31)
	reuseDCV398   = 1633046400 // 2021-10-01T00:00:00Z: "Effective 2021-10-01" (ballot SC42)
	step200Days   = 1773532800 // 2026-03-15T00:00:00Z: "on or after 15 March 2026" (ballot SC-081)
	step100Days   = 1805068800 // 2027-03-15T00:00:00Z: "on or after 15 March 2027" (ballot SC-081)
	step47Days    = 1868227200 // 2029-03-15T00:00:00Z: "on or after 15 March 2029" (ballot SC-081)
	secondsPerDay = 86400
)

// utc returns the instant sec seconds after the Unix epoch, in UTC.
func utc(sec int64) time.Time { return time.Unix(sec, 0).UTC() }

// tlsServerLimits returns the TV-6 table by value, so that no caller can
// change it. BR 6.3.2 as of version 1.7.1 (ballot SC31):
//
//	Subscriber Certificates issued on or after 1 September 2020 SHOULD NOT
//	have a Validity Period greater than 397 days and MUST NOT have a
//	Validity Period greater than 398 days. Subscriber Certificates issued
//	after 1 March 2018, but prior to 1 September 2020, MUST NOT have a
//	Validity Period greater than 825 days. Subscriber Certificates issued
//	after 1 July 2016 but prior to 1 March 2018 MUST NOT have a Validity
//	Period greater than 39 months.
//
// and, from ballot SC-081, "Subscriber Certificates issued on or after
// 2026-03-15 and before 2027-03-15 SHOULD NOT have a Validity Period
// greater than 199 days and MUST NOT have a Validity Period greater than
// 200 days" (then 99/100 days from 2027-03-15, 46/47 from 2029-03-15).
func tlsServerLimits() [6]Limit {
	return [...]Limit{
		{
			MaxDays: 1185, MaxMonths: 39, From: utc(step39Months), Until: utc(step825Days),
			Source: "BR 6.3.2: issued after 1 July 2016 (and, from ballot 193, prior to 1 March 2018), 39 months; after 1 April 2015 with exceptions in earlier BRs",
		},
		{
			MaxDays: 825, From: utc(step825Days), Until: utc(step398Days),
			Source: "BR 6.3.2, ballot 193: issued after 1 March 2018, 825 days",
		},
		{
			MaxDays: 398, WarnDays: 397, Inclusive: true, From: utc(step398Days), Until: utc(step200Days),
			Source: "BR 6.3.2, ballot SC31: issued on or after 1 September 2020, 398 days (SHOULD 397)",
		},
		{
			MaxDays: 200, WarnDays: 199, Inclusive: true, From: utc(step200Days), Until: utc(step100Days),
			Source: "BR 6.3.2, ballot SC-081: issued on or after 15 March 2026, 200 days (SHOULD 199)",
		},
		{
			MaxDays: 100, WarnDays: 99, Inclusive: true, From: utc(step100Days), Until: utc(step47Days),
			Source: "BR 6.3.2, ballot SC-081: issued on or after 15 March 2027, 100 days (SHOULD 99)",
		},
		{
			MaxDays: 47, WarnDays: 46, Inclusive: true, From: utc(step47Days),
			Source: "BR 6.3.2, ballot SC-081: issued on or after 15 March 2029, 47 days (SHOULD 46)",
		},
	}
}

// TLSServerLimits returns the TV-6 table: every step of the maximum
// lifetime of a TLS server certificate this package knows, oldest first,
// each step's Until equal to the next one's From. The slice is new on every
// call; changing it changes nothing else.
//
// The first step begins at 2016-07-02T00:00:00Z ("issued after 1 July
// 2016"); the 825-day step at 2018-03-02T00:00:00Z ("after 1 March 2018",
// so the 39-month step covers 1 March 2018 itself, which the Baseline
// Requirements left in neither step); the later steps at the first instant
// of their day, UTC ("on or after").
func TLSServerLimits() []Limit {
	t := tlsServerLimits()
	return append([]Limit(nil), t[:]...)
}

// TLSServerLimit returns the TV-6 step in force for a certificate issued
// (with notBefore) at the instant issued: 398 days (SHOULD 397) for
// 2025-06-01T00:00:00Z, 200 days (SHOULD 199) from 2026-03-15T00:00:00Z on.
//
// Before the first step (2016-07-02T00:00:00Z), and for the zero time, it
// returns a Limit with MaxDays 0, meaning that no limit is known, and Until
// set to the first step's From.
func TLSServerLimit(issued time.Time) Limit {
	t := tlsServerLimits()
	if issued.Before(t[0].From) {
		return Limit{Until: t[0].From}
	}
	for i := len(t) - 1; i > 0; i-- {
		if !issued.Before(t[i].From) {
			return t[i]
		}
	}
	return t[0]
}

// LatestNotAfter returns the latest notAfter that the MUST NOT bound of l
// allows for a certificate starting at notBefore, measured as the step
// measures (Inclusive):
//
//   - from 2020-09-01, notBefore + MaxDays×24 h - 1 s: for the 200-day step
//     and a notBefore of 2026-03-15T00:00:00Z it is 2026-09-30T23:59:59Z;
//   - for the 825-day step, notBefore + 825×24 h: 2020-06-04T15:49:34Z for a
//     notBefore of 2018-03-02T15:49:34Z;
//   - for the 39-month step, notBefore + 39 months (UTC, the day clamped to
//     the end of a shorter month): 2020-04-01T00:00:00Z for a notBefore of
//     2017-01-01T00:00:00Z.
//
// It returns the zero time when l has no bound (MaxDays 0) or notBefore is
// the zero time. It does not check that notBefore lies in [From, Until).
func (l Limit) LatestNotAfter(notBefore time.Time) time.Time {
	var last time.Time
	switch {
	case notBefore.IsZero() || l.MaxDays == 0 && l.MaxMonths == 0:
		return time.Time{}
	case l.MaxMonths != 0:
		last = addMonthsUTC(notBefore, l.MaxMonths)
	default:
		last = notBefore.Add(time.Duration(l.MaxDays) * 24 * time.Hour)
	}
	if l.Inclusive {
		last = last.Add(-time.Second)
	}
	return last
}

// addMonthsUTC returns t plus n calendar months, counted on t's date in UTC
// with the day clamped to the end of a shorter month, at the same time of
// day.
func addMonthsUTC(t time.Time, n int) time.Time {
	u := t.UTC()
	d := tz.DateOf(u, time.UTC).AddMonths(n)
	return time.Date(d.Year, d.Month, d.Day, u.Hour(), u.Minute(), u.Second(), u.Nanosecond(), time.UTC)
}

// DCVReuse returns, in days, how long the data and completed validations
// of domain names and IP addresses (BR 3.2.2.4 and 3.2.2.5) may be reused
// for a certificate issued at the instant issued (BR 4.2.1): 825 days from
// 2018-03-01 (ballot 193), 398 from 2021-10-01T00:00:00Z (ballot SC42), 200
// from 2026-03-15T00:00:00Z, 100 from 2027-03-15T00:00:00Z and 10 from
// 2029-03-15T00:00:00Z (ballot SC-081). The data must have been obtained
// no more than that many days before issuance.
//
// It returns 0, meaning not known, for the zero time and for instants
// before 2018-03-01, when the bound was 39 months. [IdentityReuse] gives
// the period for the subject's identity.
func DCVReuse(issued time.Time) int {
	// BR 4.2.1 (SC-081): "For validation of Domain Names and IP Addresses
	// according to Section 3.2.2.4 and Section 3.2.2.5, any data, document,
	// or completed validation used MUST be obtained within the maximum
	// number of days prior to issuing the Certificate", each step "on or
	// after" its date.
	switch {
	case issued.IsZero() || issued.Before(utc(reuse825Days)):
		return 0
	case issued.Before(utc(reuseDCV398)):
		return 825
	case issued.Before(utc(step200Days)):
		return 398
	case issued.Before(utc(step100Days)):
		return 200
	case issued.Before(utc(step47Days)):
		return 100
	}
	return 10
}

// IdentityReuse returns, in days, how long the documents, data and
// completed validations of the subject's identity — the organization or
// individual named in an OV, IV or EV certificate, the "Subject Identity
// Information" of BR 3.2 — may be reused for a certificate issued at the
// instant issued (BR 4.2.1): 825 days from 2018-03-01 (ballot 193) and 398
// from 2026-03-15T00:00:00Z (ballot SC-081). A certificate issued on
// 2026-03-14 may rest on an identity check of 2023-12-10 (825 days
// earlier); one issued a day later needs a check from 2025-02-10 on.
//
// It returns 0, meaning not known, for the zero time and for instants
// before 2018-03-01, when the bound was 39 months. Domain validation has
// its own, shorter period: [DCVReuse].
func IdentityReuse(issued time.Time) int {
	// BR 4.2.1, table "Subject Identity Information validation data reuse
	// periods": issued before 2026-03-15, 825 days; on or after, 398 days.
	switch {
	case issued.IsZero() || issued.Before(utc(reuse825Days)):
		return 0
	case issued.Before(utc(step200Days)):
		return 825
	}
	return 398
}
