package renewal

import (
	"strconv"
	"time"

	"github.com/certlife/certlife/tz"
	"github.com/certlife/certlife/validity"
)

// Counting says how the days of a [When] are counted.
type Counting int

const (
	// CivilDays counts whole days in the policy's zone as Japanese civil
	// law does (Civil Code arts. 140 and 141, the default of RN-3): the
	// day of issue is not counted and a wait is over at the end of its
	// last day. A certificate issued on day D can be renewed from 00:00 of
	// day D+31 with a wait of 30 days, whatever the hour of issue. Days
	// before notAfter are counted back from notAfter's day.
	CivilDays Counting = iota
	// Elapsed counts exact durations of 24 hours from the issue instant,
	// or back from the end of validity (notAfter + 1 s), to the
	// nanosecond.
	Elapsed
)

// String returns "CivilDays" or "Elapsed".
func (c Counting) String() string {
	switch c {
	case CivilDays:
		return "CivilDays"
	case Elapsed:
		return "Elapsed"
	}
	return "Counting(" + strconv.Itoa(int(c)) + ")"
}

// WhenRule names the rule of a [When].
type WhenRule int

const (
	// AfterIssue is N days after the held certificate's notBefore (RN-3's
	// wait). N = 0 is the issue instant itself, whatever the Counting: a
	// wait of zero days is no wait (ACME).
	AfterIssue WhenRule = iota + 1
	// BeforeExpiry is N days before notAfter: under CivilDays 00:00 of the
	// N-th day before notAfter's day ("from 90 days before", SECOM,
	// Cybertrust, GlobalSign, DigiCert); under Elapsed notAfter + 1 s
	// minus N×24 h.
	BeforeExpiry
	// FewerThanDaysLeft is the first instant at which fewer than N days
	// of validity are left ("issued only when fewer than 30 days remain",
	// SECOM): under CivilDays 00:00 of the (N-1)-th day before notAfter's
	// day, when notAfter's day is fewer than N days away; under Elapsed
	// one nanosecond after notAfter + 1 s - N×24 h. N must be at least 1.
	FewerThanDaysLeft
	// FirstOfMonthBeforeExpiry is 00:00 of the 1st of the month N months
	// before the month of notAfter (JPRS: renewal from "the 1st, two
	// months before", issuance from the 1st of the expiry month, N = 0).
	// N counts months; Counting does not apply.
	FirstOfMonthBeforeExpiry
)

// String returns the rule's name, such as "AfterIssue".
func (r WhenRule) String() string {
	switch r {
	case AfterIssue:
		return "AfterIssue"
	case BeforeExpiry:
		return "BeforeExpiry"
	case FewerThanDaysLeft:
		return "FewerThanDaysLeft"
	case FirstOfMonthBeforeExpiry:
		return "FirstOfMonthBeforeExpiry"
	}
	return "WhenRule(" + strconv.Itoa(int(r)) + ")"
}

// When is an instant fixed relative to a held certificate: N days after
// its issue, N days before its expiry, and so on. The zero When has no
// rule; where a Policy requires one, the zero When is an error, never a
// default.
//
//	When{AfterIssue, 30}   // RN-3: 30 days after issue
//	When{AfterIssue, 0}    // no wait at all (ACME): zero means zero
//	When{BeforeExpiry, 90} // from 90 days before notAfter
type When struct {
	// Rule says from what N counts.
	Rule WhenRule
	// N is a number of days, or of months for FirstOfMonthBeforeExpiry:
	// from 0 to 36,600 days (100 years) or 1,200 months.
	N int
}

// String returns the rule and N, such as "AfterIssue 30 days".
func (w When) String() string {
	if w.Rule == 0 {
		return "no rule"
	}
	unit := " days"
	if w.Rule == FirstOfMonthBeforeExpiry {
		unit = " months"
	}
	return w.Rule.String() + " " + strconv.Itoa(w.N) + unit
}

// Bounds on the numbers of a Policy: a century, which no certificate
// outlives. They keep every duration computed from a Policy within
// time.Duration.
const (
	maxPolicyDays   = 36600
	maxPolicyMonths = 1200
)

// TermUnit says how a [Term] measures the next certificate's lifetime.
type TermUnit int

const (
	// SameAsHeld gives the next certificate the held certificate's
	// lifetime (TV-3's notAfter - notBefore + 1 s), within the limits.
	SameAsHeld TermUnit = iota + 1
	// TermDays gives it N days of 24 hours.
	TermDays
	// TermMonths gives it N calendar months in the policy's zone, counted
	// from the issue instant's wall clock, the day clamped to the end of
	// a shorter month.
	TermMonths
)

// String returns the unit's name, such as "TermMonths".
func (u TermUnit) String() string {
	switch u {
	case SameAsHeld:
		return "SameAsHeld"
	case TermDays:
		return "TermDays"
	case TermMonths:
		return "TermMonths"
	}
	return "TermUnit(" + strconv.Itoa(int(u)) + ")"
}

// Term is the lifetime a CA gives the certificate it issues for a
// renewal, before carry-over, month end and limits. The zero Term is an
// error in a Policy.
//
//	Term{TermMonths, 5} // JPRS and Cybertrust since 2026 (with EndOfMonth)
//	Term{TermDays, 199} // GlobalSign and DigiCert since 2026
//	Term{Unit: SameAsHeld}
type Term struct {
	// Unit says what N counts.
	Unit TermUnit
	// N is the number of days or months; unused for SameAsHeld. From 1 to
	// 36,600 days or 1,200 months.
	N int
}

// CarryOver says what becomes of the validity a held certificate has left
// when it is renewed early (RN-11).
type CarryOver int

const (
	// CarryNone discards it: the next certificate's term starts at its
	// issue.
	CarryNone CarryOver = iota
	// CarryAll adds all of it: the term starts when the held certificate
	// ends. The Baseline Requirements and the CA's maximum still cut it,
	// and the schedule then carries a [WarnCarryOverCut] warning: renewing
	// later would lose less.
	CarryAll
	// CarryCapped adds it up to the CA's maximum ([Policy.MaxDays], or the
	// Baseline Requirements' limit), as DigiCert does ("transfers as much
	// remaining validity as possible"); the cut is expected and not a
	// warning.
	CarryCapped
)

// String returns "CarryNone", "CarryAll" or "CarryCapped".
func (c CarryOver) String() string {
	switch c {
	case CarryNone:
		return "CarryNone"
	case CarryAll:
		return "CarryAll"
	case CarryCapped:
		return "CarryCapped"
	}
	return "CarryOver(" + strconv.Itoa(int(c)) + ")"
}

// Policy is one CA's renewal rules as data (RN-11): when renewal opens,
// when the renewed certificate can be issued, what it lasts and what
// becomes of the validity left. Start from a [Preset] (Preset.Policy) or
// spell every rule out: the zero Policy is invalid, so that no field
// silently stands for a default (a zero wait is When{AfterIssue, 0}, not
// "the default wait").
type Policy struct {
	// Name names the CA or policy in messages, such as "JPRS".
	Name string
	// Source cites where the rules come from: the CA's page and the date
	// it was read.
	Source string
	// Opens is the first instant a renewal application is accepted: for
	// the seed's CA When{AfterIssue, 30} (RN-3), for others a window
	// before expiry. Required.
	Opens When
	// IssuedFrom is the first instant the renewed certificate can be
	// issued, when the CA accepts the application earlier but issues later
	// (SECOM: When{FewerThanDaysLeft, 30}; JPRS: When{FirstOfMonthBeforeExpiry, 0}).
	// The zero When means "as soon as applied for".
	IssuedFrom When
	// Term is the lifetime the CA gives the renewed certificate. Required.
	Term Term
	// EndOfMonth ends the renewed certificate at the last second of a
	// month in Zone, the month in which its term ends (JPRS, Cybertrust:
	// "5 months after issue, to the end of that month").
	EndOfMonth bool
	// CarryOver says whether the validity left is added to the term.
	CarryOver CarryOver
	// MaxDays is the CA's own maximum lifetime in TV-6 days when it is
	// below the Baseline Requirements' (GlobalSign, DigiCert: 199);
	// 0 when the CA has none of its own. The TV-6 limit always applies.
	MaxDays int
	// Counting says how the days of Opens and IssuedFrom are counted. The
	// zero value is CivilDays.
	Counting Counting
	// Zone is the zone in which civil days and months are counted. Nil
	// means JST ([tz.JST]); the host's local zone is never used.
	Zone *time.Location
}

// DefaultPolicy returns the policy of the source FAQ, [SeedCA]'s: renewal
// opens 30 days after issue counted as civil days in JST (RN-3), and the
// renewed certificate lasts as long as the held one, within TV-6.
func DefaultPolicy() Policy { return SeedCA.Policy() }

// Validate returns an [*Error] with ReasonBadPolicy, naming the field, if
// p has no Opens rule or no Term, a number out of range (a negative wait,
// a wait of 2^63-1 days, FewerThanDaysLeft 0, MaxDays beyond a century),
// or an unknown rule, unit, carry-over or Counting; and nil otherwise.
func (p Policy) Validate() error {
	bad := func(field, detail string) error {
		return &Error{Reason: ReasonBadPolicy, Detail: policyName(p) + field + " " + detail}
	}
	if p.Opens.Rule == 0 {
		return bad("Opens", "has no rule: start from a Preset (SeedCA) or set When{AfterIssue, 30}")
	}
	if err := p.Opens.validate(); err != "" {
		return bad("Opens", err)
	}
	if p.IssuedFrom.Rule != 0 || p.IssuedFrom.N != 0 {
		if err := p.IssuedFrom.validate(); err != "" {
			return bad("IssuedFrom", err)
		}
	}
	switch p.Term.Unit {
	case SameAsHeld:
	case TermDays:
		if p.Term.N < 1 || p.Term.N > maxPolicyDays {
			return bad("Term", strconv.Itoa(p.Term.N)+" days is not between 1 and "+strconv.Itoa(maxPolicyDays))
		}
	case TermMonths:
		if p.Term.N < 1 || p.Term.N > maxPolicyMonths {
			return bad("Term", strconv.Itoa(p.Term.N)+" months is not between 1 and "+strconv.Itoa(maxPolicyMonths))
		}
	case 0:
		return bad("Term", "has no unit: set Term{Unit: SameAsHeld} or Term{TermDays, n}")
	default:
		return bad("Term", "has unknown unit "+p.Term.Unit.String())
	}
	if p.CarryOver < CarryNone || p.CarryOver > CarryCapped {
		return bad("CarryOver", "is unknown: "+p.CarryOver.String())
	}
	if p.MaxDays < 0 || p.MaxDays > maxPolicyDays {
		return bad("MaxDays", strconv.Itoa(p.MaxDays)+" is not between 0 and "+strconv.Itoa(maxPolicyDays))
	}
	if p.Counting != CivilDays && p.Counting != Elapsed {
		return bad("Counting", "is unknown: "+p.Counting.String())
	}
	return nil
}

func policyName(p Policy) string {
	if p.Name == "" {
		return ""
	}
	return p.Name + ": "
}

// validate returns what is wrong with w, or "".
func (w When) validate() string {
	switch w.Rule {
	case AfterIssue, BeforeExpiry:
		if w.N < 0 || w.N > maxPolicyDays {
			return strconv.Itoa(w.N) + " days is not between 0 and " + strconv.Itoa(maxPolicyDays)
		}
	case FewerThanDaysLeft:
		if w.N < 1 || w.N > maxPolicyDays {
			return strconv.Itoa(w.N) + " days is not between 1 and " + strconv.Itoa(maxPolicyDays)
		}
	case FirstOfMonthBeforeExpiry:
		if w.N < 0 || w.N > maxPolicyMonths {
			return strconv.Itoa(w.N) + " months is not between 0 and " + strconv.Itoa(maxPolicyMonths)
		}
	case 0:
		return "has no rule but N " + strconv.Itoa(w.N)
	default:
		return "has unknown rule " + w.Rule.String()
	}
	return ""
}

func (p Policy) zone() *time.Location {
	if p.Zone == nil {
		return tz.JST
	}
	return p.Zone
}

// at returns the instant w names for h under p, or an error when h lacks
// the end w counts from. p is valid.
func (p Policy) at(w When, h *Held) (time.Time, error) {
	z := p.zone()
	if w.Rule == AfterIssue {
		if h.NotBefore.IsZero() {
			return time.Time{}, &Error{Reason: ReasonNoValidity, Detail: describe(h) + " has no notBefore"}
		}
		switch {
		case w.N == 0:
			return h.NotBefore, nil
		case p.Counting == Elapsed:
			return h.NotBefore.Add(time.Duration(w.N) * 24 * time.Hour), nil
		}
		// RN-3: "accepted only after 30 days have passed since the
		// current certificate was issued", counted as Civil Code arts.
		// 140-141 count: the day of issue is not counted, the period
		// ends at the end of its last day.
		return tz.DaysAfter(tz.DateOf(h.NotBefore, z), w.N).EndIn(z), nil
	}
	if h.NotAfter.IsZero() {
		return time.Time{}, &Error{Reason: ReasonNoValidity, Detail: describe(h) + " has no notAfter"}
	}
	end := h.NotAfter.Add(time.Second) // the first instant no longer valid (TV-3)
	last := tz.DateOf(h.NotAfter, z)
	switch w.Rule {
	case BeforeExpiry:
		if p.Counting == Elapsed {
			return end.Add(-time.Duration(w.N) * 24 * time.Hour), nil
		}
		return last.AddDays(-w.N).In(z), nil
	case FewerThanDaysLeft:
		if p.Counting == Elapsed {
			return end.Add(-time.Duration(w.N)*24*time.Hour + 1), nil
		}
		return last.AddDays(-(w.N - 1)).In(z), nil
	}
	// FirstOfMonthBeforeExpiry
	return tz.Date{Year: last.Year, Month: last.Month, Day: 1}.AddMonths(-w.N).In(z), nil
}

// OpensAt returns the first instant at which a renewal of h is accepted
// under p (RN-3, RN-11). Under the seed CA's policy it is 00:00 JST of the
// 31st day after the day of issue: a certificate issued
// 2011-12-10T00:00:00Z (09:00 JST) opens for renewal at
// 2012-01-10T00:00:00+09:00. Under a window before expiry it counts back
// from notAfter.
//
// A renewal applied for at t is accepted iff !t.Before(opens). OpensAt
// returns an [*Error] with ReasonBadPolicy for an invalid p
// ([Policy.Validate]) and ReasonNoValidity when h lacks the notBefore or
// notAfter the rule counts from.
func OpensAt(h Held, p Policy) (time.Time, error) {
	if err := p.Validate(); err != nil {
		return time.Time{}, err
	}
	return p.at(p.Opens, &h)
}

// Cap says which limit cut the lifetime of the next certificate.
type Cap int

const (
	// CapNone results when the term, carry-over and month end fit every
	// limit.
	CapNone Cap = iota
	// CapCA results when the CA's own maximum ([Policy.MaxDays]) cut it.
	CapCA
	// CapTV6 results when the Baseline Requirements' limit in force at the
	// issue instant (TV-6, [validity.Limit.LatestNotAfter]) cut it.
	CapTV6
)

// String returns "none", "CA maximum" or "TV-6 limit".
func (c Cap) String() string {
	switch c {
	case CapNone:
		return "none"
	case CapCA:
		return "CA maximum"
	case CapTV6:
		return "TV-6 limit"
	}
	return "Cap(" + strconv.Itoa(int(c)) + ")"
}

// NextCertificate is what a renewal buys: the validity of the certificate
// the CA would issue at the planned instant, under the policy's term,
// month end, carry-over, the CA's maximum and the TV-6 limit.
type NextCertificate struct {
	// NotBefore is the planned issue instant: the due instant, or later
	// when the policy issues later ([Policy.IssuedFrom]).
	NotBefore time.Time
	// NotAfter is the last instant the next certificate is valid.
	NotAfter time.Time
	// Days is its length as TV-6 counts days ([validity.Period.Days]).
	Days int
	// Limit is the TV-6 step in force at NotBefore.
	Limit validity.Limit
	// Capped says which limit, if any, cut NotAfter.
	Capped Cap
}

// next computes the certificate issued at issued to renew h under p.
// carryCut reports that CarryAll lost validity to a limit.
func (p Policy) next(h *Held, issued time.Time) (n NextCertificate, carryCut bool) {
	z := p.zone()
	from := issued
	if p.CarryOver != CarryNone && h.NotAfter.After(issued) {
		from = h.NotAfter.Add(time.Second)
	}
	var na time.Time
	switch p.Term.Unit {
	case SameAsHeld:
		na = from.Add(validity.Period{NotBefore: h.NotBefore, NotAfter: h.NotAfter}.Length() - time.Second)
	case TermDays:
		na = from.Add(time.Duration(p.Term.N)*24*time.Hour - time.Second)
	case TermMonths:
		if p.EndOfMonth {
			d := tz.DateOf(from, z).AddMonths(p.Term.N)
			na = tz.Date{Year: d.Year, Month: d.Month, Day: tz.DaysIn(d.Year, d.Month)}.EndIn(z).Add(-time.Second)
		} else {
			w := from.In(z)
			d := tz.Date{Year: w.Year(), Month: w.Month(), Day: w.Day()}.AddMonths(p.Term.N)
			na = time.Date(d.Year, d.Month, d.Day, w.Hour(), w.Minute(), w.Second(), w.Nanosecond(), z).Add(-time.Second)
		}
	}
	if p.EndOfMonth && p.Term.Unit != TermMonths {
		d := tz.DateOf(na, z)
		na = tz.Date{Year: d.Year, Month: d.Month, Day: tz.DaysIn(d.Year, d.Month)}.EndIn(z).Add(-time.Second)
	}
	n = NextCertificate{NotBefore: issued, Limit: validity.TLSServerLimit(issued)}
	if p.MaxDays > 0 {
		if ca := issued.Add(time.Duration(p.MaxDays)*24*time.Hour - time.Second); na.After(ca) {
			na, n.Capped = ca, CapCA
		}
	}
	if br := n.Limit.LatestNotAfter(issued); !br.IsZero() && na.After(br) {
		na, n.Capped = br, CapTV6
	}
	carryCut = p.CarryOver == CarryAll && n.Capped != CapNone && from != issued
	n.NotAfter = na
	n.Days = validity.Period{NotBefore: issued, NotAfter: na}.Days()
	return n, carryCut
}
