package validity

import (
	"crypto/x509"
	"errors"
	"strconv"
	"time"

	"github.com/certlife/certlife/tz"
)

// A Limit is one step of the maximum lifetime of a publicly trusted TLS
// server (subscriber) certificate (TV-6, Baseline Requirements 6.3.2): it
// applies to certificates whose notBefore is in [From, Until).
//
// Lengths are counted as [Period.Days] counts them: a certificate complies
// with a bound of N days when its length, NotAfter - NotBefore + 1 s, is at
// most N×86,400 s.
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
	// From is the first issue instant (notBefore) the step applies to,
	// included; zero for the "no limit known" Limit.
	From time.Time
	// Until is the first issue instant the step no longer applies to, or
	// zero for the step in force with no end.
	Until time.Time
	// Source cites the rule: the Baseline Requirements section and ballot.
	Source string
}

// The instants at which the TV-6 steps begin, as Unix seconds (UTC).
// "After D" in the Baseline Requirements is read as from the first instant
// of D+1; "on or after D" as from the first instant of D. Constants, so
// that nothing can change them.
const (
	step39Months = 1467417600 // 2016-07-02T00:00:00Z: "issued after 1 July 2016"
	step825Days  = 1519948800 // 2018-03-02T00:00:00Z: "issued after 1 March 2018" (ballot 193)
	step398Days  = 1598918400 // 2020-09-01T00:00:00Z: "on or after 1 September 2020" (ballot SC31)
	step200Days  = 1773532800 // 2026-03-15T00:00:00Z: "on or after 15 March 2026" (ballot SC-081)
	step100Days  = 1805068800 // 2027-03-15T00:00:00Z: "on or after 15 March 2027" (ballot SC-081)
	step47Days   = 1868227200 // 2029-03-15T00:00:00Z: "on or after 15 March 2029" (ballot SC-081)
)

// utc returns the instant sec seconds after the Unix epoch, in UTC.
func utc(sec int64) time.Time { return time.Unix(sec, 0).UTC() }

// tlsServerLimits returns the TV-6 table by value, so that no caller can
// change it.
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
			MaxDays: 398, WarnDays: 397, From: utc(step398Days), Until: utc(step200Days),
			Source: "BR 6.3.2, ballot SC31: issued on or after 1 September 2020, 398 days (SHOULD 397)",
		},
		{
			MaxDays: 200, WarnDays: 199, From: utc(step200Days), Until: utc(step100Days),
			Source: "BR 6.3.2, ballot SC-081: issued on or after 15 March 2026, 200 days (SHOULD 199)",
		},
		{
			MaxDays: 100, WarnDays: 99, From: utc(step100Days), Until: utc(step47Days),
			Source: "BR 6.3.2, ballot SC-081: issued on or after 15 March 2027, 100 days (SHOULD 99)",
		},
		{
			MaxDays: 47, WarnDays: 46, From: utc(step47Days),
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
// allows for a certificate starting at notBefore: notBefore + MaxDays×24 h
// - 1 s, or for a month bound, notBefore + MaxMonths months (UTC, clamped
// to the end of a shorter month) - 1 s. For the 200-day step and a
// notBefore of 2026-03-15T00:00:00Z it is 2026-09-30T23:59:59Z.
//
// It returns the zero time when l has no bound (MaxDays 0) or notBefore is
// the zero time. It does not check that notBefore lies in [From, Until).
func (l Limit) LatestNotAfter(notBefore time.Time) time.Time {
	switch {
	case notBefore.IsZero() || l.MaxDays == 0 && l.MaxMonths == 0:
		return time.Time{}
	case l.MaxMonths != 0:
		return addMonthsUTC(notBefore, l.MaxMonths).Add(-time.Second)
	}
	return notBefore.Add(time.Duration(l.MaxDays)*24*time.Hour - time.Second)
}

// addMonthsUTC returns t plus n calendar months, counted on t's date in UTC
// with the day clamped to the end of a shorter month, at the same time of
// day.
func addMonthsUTC(t time.Time, n int) time.Time {
	u := t.UTC()
	d := tz.DateOf(u, time.UTC).AddMonths(n)
	return time.Date(d.Year, d.Month, d.Day, u.Hour(), u.Minute(), u.Second(), u.Nanosecond(), time.UTC)
}

// DCVReuse returns, in days, how long domain-validation data may be reused
// for a certificate issued at the instant issued (TV-6): 398 before
// 2026-03-15T00:00:00Z, 200 from then, 100 from 2027-03-15T00:00:00Z and 10
// from 2029-03-15T00:00:00Z. It returns 0 for the zero time. Periods in
// force before the 398-day one are not encoded: every earlier instant gives
// 398.
func DCVReuse(issued time.Time) int {
	switch {
	case issued.IsZero():
		return 0
	// BR 4.2.1 as amended by ballot SC-081, each step "on or after" its date.
	case issued.Before(utc(step200Days)):
		return 398
	case issued.Before(utc(step100Days)):
		return 200
	case issued.Before(utc(step47Days)):
		return 100
	}
	return 10
}

// CheckTLSServer checks cert's lifetime against the TV-6 step in force at
// its notBefore ([TLSServerLimit]). It returns nil when the certificate
// complies or when the limits do not apply to it (see below), and otherwise
// a *[LifetimeError]:
//
//   - Reason [ReasonLifetimeExceeded], matching [ErrLifetimeExceeded], when
//     the MUST NOT bound is crossed (SeverityError);
//   - Reason [ReasonLifetimeWarning], matching [ErrLifetimeWarning], when
//     only the SHOULD NOT bound is crossed (SeverityWarning);
//   - Reason [ReasonInvalidPeriod], matching [ErrInvalidPeriod], for a nil
//     cert or one whose notAfter is before its notBefore (SeverityError).
//
// The limits apply to subscriber certificates for server authentication
// (BR 6.3.2), so CheckTLSServer returns nil without measuring anything for
// a CA certificate (cert.IsCA, however long it lives), for a certificate
// whose extended key usage lists neither serverAuth nor
// anyExtendedKeyUsage, and for one issued before the first step
// (2016-07-02), for which no limit is known. A certificate with no extended
// key usage at all is checked, since clients accept it for any purpose.
// [TLSServerApplies] tells these cases apart from a compliant certificate.
//
// The length is TV-3's (NotAfter - NotBefore + 1 s) counted in days of
// 86,400 s, any excess counting as another day: a certificate issued at
// 2026-03-15T00:00:00Z with notAfter 2026-09-29T23:59:59Z (199 days)
// passes; through 2026-09-30T23:59:59Z (200 days) it gets the SHOULD NOT
// warning; one nanosecond more is 201 days and exceeds the MUST NOT bound.
func CheckTLSServer(cert *x509.Certificate) error {
	if err := TLSServerApplies(cert); err != nil {
		if errors.Is(err, ErrNotApplicable) {
			return nil
		}
		return err
	}
	return CheckTLSServerPeriod(Of(cert))
}

// TLSServerApplies reports whether the TV-6 limits apply to cert, that is
// whether [CheckTLSServer] measures it. It returns nil when they do, and
// otherwise a *[LifetimeError] of SeverityInfo matching [ErrNotApplicable]
// whose Reason says why not: [ReasonCACertificate] (cert.IsCA),
// [ReasonNotServerAuth] (an extended key usage without serverAuth or
// anyExtendedKeyUsage) or [ReasonNoLimit] (issued before 2016-07-02). A nil
// cert, or one whose notAfter is before its notBefore, is a *LifetimeError
// matching [ErrInvalidPeriod].
func TLSServerApplies(cert *x509.Certificate) error {
	if cert == nil {
		return &LifetimeError{Reason: ReasonInvalidPeriod, Severity: SeverityError}
	}
	if cert.IsCA {
		return notApplicable(cert, ReasonCACertificate)
	}
	if !serverAuth(cert) {
		return notApplicable(cert, ReasonNotServerAuth)
	}
	p := Of(cert)
	if !p.IsValid() {
		return &LifetimeError{Period: p, Reason: ReasonInvalidPeriod, Severity: SeverityError}
	}
	if TLSServerLimit(p.NotBefore).MaxDays == 0 {
		return notApplicable(cert, ReasonNoLimit)
	}
	return nil
}

func notApplicable(cert *x509.Certificate, r Reason) error {
	p := Of(cert)
	return &LifetimeError{
		Period: p, Length: p.Length(), Days: p.Days(), Limit: TLSServerLimit(p.NotBefore),
		Reason: r, Severity: SeverityInfo,
	}
}

// serverAuth reports whether cert may be used for TLS server
// authentication as far as its extended key usage goes.
func serverAuth(cert *x509.Certificate) bool {
	if len(cert.ExtKeyUsage) == 0 && len(cert.UnknownExtKeyUsage) == 0 {
		return true
	}
	for _, u := range cert.ExtKeyUsage {
		if u == x509.ExtKeyUsageServerAuth || u == x509.ExtKeyUsageAny {
			return true
		}
	}
	return false
}

// CheckTLSServerPeriod checks a validity period against the TV-6 step in
// force at its NotBefore, as [CheckTLSServer] does for a certificate, for
// callers without one (a planned certificate, a CSR's requested period). It
// cannot tell CA from subscriber certificates: the caller decides that the
// limits apply. It returns nil when the period complies or when no limit is
// known for its NotBefore (before 2016-07-02), and a *[LifetimeError] for
// the other cases CheckTLSServer describes.
//
// It returns nil for 2026-03-15 00:00:00 UTC through 2026-09-29 23:59:59
// UTC (199 days).
func CheckTLSServerPeriod(p Period) error {
	if !p.IsValid() {
		return &LifetimeError{Period: p, Reason: ReasonInvalidPeriod, Severity: SeverityError}
	}
	l := TLSServerLimit(p.NotBefore)
	days := p.Days()
	var r Reason
	var sev Severity
	switch {
	case l.MaxDays == 0:
		return nil
	case l.MaxMonths != 0 && p.NotAfter.After(l.LatestNotAfter(p.NotBefore)),
		l.MaxMonths == 0 && days > l.MaxDays:
		r, sev = ReasonLifetimeExceeded, SeverityError
	case l.WarnDays != 0 && days > l.WarnDays:
		r, sev = ReasonLifetimeWarning, SeverityWarning
	default:
		return nil
	}
	return &LifetimeError{Period: p, Length: p.Length(), Days: days, Limit: l, Reason: r, Severity: sev}
}

// A LifetimeError reports a TLS server certificate whose lifetime crosses a
// TV-6 bound, or that the bounds do not apply to. [CheckTLSServer] and
// [CheckTLSServerPeriod] return it.
type LifetimeError struct {
	Period Period
	// Length is Period.Length(), NotAfter - NotBefore + 1 s (TV-3).
	Length time.Duration
	// Days is Period.Days(), the length in days as TV-6 counts them.
	Days int
	// Limit is the step in force at Period.NotBefore; MaxDays 0 when none.
	Limit Limit
	// Reason says which bound was crossed or why nothing was checked.
	Reason Reason
	// Severity is SeverityError for a MUST NOT bound or an invalid period,
	// SeverityWarning for a SHOULD NOT bound, SeverityInfo when the limits
	// do not apply.
	Severity Severity
}

// Error returns, for example, "validity: lifetime of 201 days
// (2026-03-15T00:00:00Z through 2026-10-01T00:00:00Z) exceeds the maximum
// of 200 days (BR 6.3.2, ballot SC-081: ...)".
func (e *LifetimeError) Error() string {
	b := []byte("validity: ")
	switch e.Reason {
	case ReasonLifetimeExceeded, ReasonLifetimeWarning:
		b = append(b, "lifetime of "...)
		b = strconv.AppendInt(b, int64(e.Days), 10)
		b = append(b, " days ("...)
		b = appendRFC3339(b, e.Period.NotBefore)
		b = append(b, " through "...)
		b = appendRFC3339(b, e.Period.NotAfter)
		b = append(b, ") exceeds the "...)
		switch {
		case e.Reason == ReasonLifetimeWarning:
			b = append(b, "recommended maximum of "...)
			b = strconv.AppendInt(b, int64(e.Limit.WarnDays), 10)
			b = append(b, " days"...)
		case e.Limit.MaxMonths != 0:
			b = append(b, "maximum of "...)
			b = strconv.AppendInt(b, int64(e.Limit.MaxMonths), 10)
			b = append(b, " months"...)
		default:
			b = append(b, "maximum of "...)
			b = strconv.AppendInt(b, int64(e.Limit.MaxDays), 10)
			b = append(b, " days"...)
		}
		b = append(b, " ("...)
		b = append(b, e.Limit.Source...)
		b = append(b, ')')
	case ReasonInvalidPeriod:
		b = append(b, "invalid period: notBefore "...)
		b = appendRFC3339(b, e.Period.NotBefore)
		b = append(b, ", notAfter "...)
		b = appendRFC3339(b, e.Period.NotAfter)
	default:
		b = append(b, "lifetime not checked: "...)
		b = append(b, e.Reason.String()...)
		if e.Reason == ReasonNoLimit {
			b = append(b, " for notBefore "...)
			b = appendRFC3339(b, e.Period.NotBefore)
		}
	}
	return string(b)
}

// Is reports whether target is the sentinel that e's Reason matches:
// [ErrLifetimeExceeded], [ErrLifetimeWarning], [ErrNotApplicable] or
// [ErrInvalidPeriod].
func (e *LifetimeError) Is(target error) bool {
	switch e.Reason {
	case ReasonLifetimeExceeded:
		return target == ErrLifetimeExceeded
	case ReasonLifetimeWarning:
		return target == ErrLifetimeWarning
	case ReasonCACertificate, ReasonNotServerAuth, ReasonNoLimit:
		return target == ErrNotApplicable
	case ReasonInvalidPeriod:
		return target == ErrInvalidPeriod
	}
	return false
}
