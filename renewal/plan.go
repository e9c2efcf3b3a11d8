package renewal

import (
	"crypto/sha256"
	"encoding/binary"
	"strconv"
	"strings"
	"time"

	"github.com/certlife/certlife/validity"
)

// DefaultRemaining is the fraction of a certificate's lifetime still
// *remaining* at which [Plan] makes a renewal due by default: one third,
// the common default of cert-manager (renewBeforePercentage, a percentage
// left), CertMagic (RenewalWindowRatio), lego and Certbot. It is two
// thirds *used*.
const DefaultRemaining = 1.0 / 3

// ShortLivedRemaining is the fraction left at which [Plan] makes a
// certificate of [ShortLivedLifetime] or less due (RN-12): half, as lego
// and Certbot do ("1/2 of lifetime left, if the lifetime is shorter than
// 10 days") and Let's Encrypt advises for its 6-day certificates.
const ShortLivedRemaining = 0.5

// ShortLivedLifetime is the longest lifetime (TV-3's notAfter - notBefore
// + 1 s) that [Plan] renews at [ShortLivedRemaining]: 10 days, the
// peers' threshold. The Baseline Requirements' own definition of a
// short-lived certificate (7 days from 2026-03-15) is
// [validity.ShortLived], reported in [Schedule.ShortLived].
const ShortLivedLifetime = 10 * 24 * time.Hour

// DefaultSafetyMargin is how long before notAfter [Plan] puts the deadline
// by default: a week, to leave time for the CA's checks of a renewal (RN-6)
// and for installing the certificate, or [MaxMarginFraction] of a shorter
// lifetime.
const DefaultSafetyMargin = 7 * 24 * time.Hour

// MaxMarginFraction is the largest fraction of the lifetime a safety
// margin may take (RN-12: "a fixed safety margin must never exceed a
// fraction of the lifetime"): a sixth, which leaves the deadline after the
// due instant at a third or a half left. A 160-hour certificate gets a
// margin of 26h40m, not a week.
const MaxMarginFraction = 1.0 / 6

// DueRule says which rule chose a [Schedule]'s due instant.
type DueRule int

const (
	// DueFraction results when Due is when the fraction of the lifetime
	// given by [DueWhenRemaining], or [DefaultRemaining], is left (RN-10).
	DueFraction DueRule = iota + 1
	// DueShortLived results when Due is when half the lifetime is left,
	// for a lifetime of [ShortLivedLifetime] or less (RN-12).
	DueShortLived
	// DueOpens results when the fraction rule falls before renewal opens
	// (RN-3, RN-11): Due is when it opens. Under a window before expiry
	// this is the common case.
	DueOpens
	// DueDeadline results when the fraction rule falls after the
	// deadline: Due is the deadline.
	DueDeadline
	// DueARI results when Due is the instant chosen, from the
	// certificate, in the CA's suggested ARI window (RN-13).
	DueARI
	// DueARIPast results when the instant chosen in the ARI window is
	// already past at the plan's instant: Due is the plan's instant
	// ("If the selected time is in the past, attempt renewal
	// immediately", RFC 9773 section 4.2).
	DueARIPast
)

// String returns the rule id and a short description, such as "RN-12
// half the lifetime left".
func (r DueRule) String() string {
	switch r {
	case DueFraction:
		return "RN-10 fraction of the lifetime left"
	case DueShortLived:
		return "RN-12 half the lifetime left"
	case DueOpens:
		return "RN-11 when renewal opens"
	case DueDeadline:
		return "RN-10 at the deadline"
	case DueARI:
		return "RN-13 in the ARI window"
	case DueARIPast:
		return "RN-13 ARI window past: now"
	}
	return "DueRule(" + strconv.Itoa(int(r)) + ")"
}

// Schedule is when to renew a held certificate, from [Plan]. Its instants
// satisfy Opens <= Due and Opens <= Deadline, and none is after the held
// certificate's notAfter. Due before the plan's instant means that the
// renewal is overdue: renew now.
type Schedule struct {
	// Opens is the first instant a renewal is accepted under the policy
	// (RN-3, RN-11, [OpensAt]).
	Opens time.Time
	// Due is when the renewal should be made; DueRule says which rule
	// chose it. It is moved by [Spread] if asked, truncated to the second,
	// kept within [Opens, Deadline] (an ARI window may put it later, with
	// a warning), and moved to an instant the renewal [Window]s allow, at
	// or after the plan's instant.
	Due time.Time
	// DueRule says which rule chose Due.
	DueRule DueRule
	// Deadline is the last safe moment: notAfter minus the safety margin
	// ([SafetyMargin], at most [MaxMarginFraction] of the lifetime), but
	// not before Opens.
	Deadline time.Time
	// ShortLived reports whether the held certificate is short-lived by
	// the Baseline Requirements ([validity.ShortLived], RN-12): it carries
	// no revocation information, so a failed renewal is an outage.
	ShortLived bool
	// Next is the certificate a renewal at Due buys under the policy:
	// its issue instant, notAfter and the limits that cut it.
	Next NextCertificate
	// Warnings report what changed the plan or limits it: an overdue or
	// moved due instant, a lifetime the next certificate cannot have
	// again, a limit that shrinks before the renewal after next, a
	// carry-over cut.
	Warnings []Warning
}

// Plan returns when to renew h at the instant at, under the CA's policy p
// (RN-10 to RN-13):
//
//   - Opens from p (RN-3's wait, or a window before expiry, RN-11);
//   - Due when a third of the lifetime is left ([DefaultRemaining],
//     [DueWhenRemaining]), or half for lifetimes of 10 days or less
//     (RN-12), or an instant in the CA's ARI window ([SuggestedWindow],
//     RN-13); never before Opens, and moved into the renewal [Windows]
//     if given;
//   - Deadline a week before notAfter, or a sixth of a shorter lifetime;
//   - Next, the certificate a renewal at Due buys: issued at Due (or when
//     p.IssuedFrom allows), lasting p.Term, with carry-over and month end,
//     cut by the CA's maximum and the TV-6 limit in force then.
//
// The lifetime is TV-3's, notAfter - notBefore + 1 s, so the due instant
// is notAfter + 1 s - fraction×lifetime. For a certificate issued
// 2025-03-01T00:00:00Z for 398 days under [SeedCA], Due is
// 2025-11-21T08:00:00Z, when a certificate may still last 398 days, and
// a [WarnLimitShrinks] warning says that from 2026-03-15 no more than 200
// days are allowed: a yearly cadence ends there.
//
// Plan returns an [*Error] for a zero at (ReasonZeroTime), an invalid p
// (ReasonBadPolicy), a bad option (ReasonBadOption), a held certificate
// without a valid validity period (ReasonNoValidity) or a window whose
// calendar cannot answer (ReasonCalendar); and a [*ScheduleError]
// matching [ErrNoSchedule] when renewal opens after notAfter (a 160-hour
// certificate under a 30-day wait) or when the windows allow no instant
// before the deadline. It never returns a Due after expiry. An expired
// certificate gets its schedule all the same, every instant in the past.
func Plan(h Held, at time.Time, p Policy, opts ...Option) (Schedule, error) {
	if err := p.Validate(); err != nil {
		return Schedule{}, err
	}
	c, err := configure(forPlan, "Plan", opts)
	if err != nil {
		return Schedule{}, err
	}
	if at.IsZero() {
		return Schedule{}, &Error{Reason: ReasonZeroTime, Detail: "Plan"}
	}
	period := validity.Period{NotBefore: h.NotBefore, NotAfter: h.NotAfter}
	if !period.IsValid() {
		return Schedule{}, &Error{Reason: ReasonNoValidity, Detail: describe(&h) + " has a zero notBefore or notAfter, or notAfter before notBefore"}
	}
	opens, err := p.at(p.Opens, &h)
	if err != nil {
		return Schedule{}, err
	}
	noSchedule := func(r ScheduleReason) *ScheduleError {
		return &ScheduleError{Reason: r, Certificate: describe(&h), At: at, Opens: opens, NotAfter: h.NotAfter}
	}
	// RN-12: "A schedule whose opening comes after notAfter is not a
	// schedule: say so."
	if opens.After(h.NotAfter) {
		return Schedule{}, noSchedule(ScheduleOpensAfterExpiry)
	}
	s := Schedule{Opens: opens, ShortLived: validity.ShortLived(period)}
	warn := func(code WarningCode, detail string) { s.Warnings = append(s.Warnings, Warning{code, detail}) }
	rfc := func(t time.Time) string { return t.UTC().Format(time.RFC3339) }

	// RN-12: the margin never exceeds a fraction of the lifetime.
	life := period.Length()
	margin := DefaultSafetyMargin
	if c.marginSet {
		margin = c.margin
	}
	if most := time.Duration(float64(life) * MaxMarginFraction); margin > most {
		if c.marginSet {
			warn(WarnMarginCapped, "margin "+margin.String()+" cut to "+most.String()+", a sixth of the lifetime "+life.String())
		}
		margin = most
	}
	s.Deadline = h.NotAfter.Add(-margin)
	if s.Deadline.Before(opens) {
		warn(WarnWindowClamped, "deadline "+rfc(s.Deadline)+" moved to when renewal opens, "+rfc(opens))
		s.Deadline = opens
	}

	var due time.Time
	if ri := c.ari; ri != nil {
		// RN-13, RFC 9773 section 4.2: "Select a uniform random time
		// within the suggested window", here derived from the certificate
		// so that the answer is reproducible.
		span := ri.End.Sub(ri.Start) / time.Second
		due = ri.Start.Add(time.Duration(float64(span)*unitFraction(&h)) * time.Second)
		s.DueRule = DueARI
		switch {
		case due.Before(at):
			// "If the selected time is in the past, attempt renewal
			// immediately."
			due, s.DueRule = at, DueARIPast
		case due.After(h.NotAfter):
			warn(WarnARIAfterDeadline, "the ARI window's instant "+rfc(due)+" is after notAfter "+rfc(h.NotAfter)+"; due at the deadline")
			due = s.Deadline
		case due.After(s.Deadline):
			warn(WarnARIAfterDeadline, "the ARI window's instant "+rfc(due)+" is after the deadline "+rfc(s.Deadline))
		}
	} else {
		// RN-10: due when the given fraction of the lifetime is *left*;
		// RN-12: half of it for short lifetimes.
		fraction, rule := DefaultRemaining, DueFraction
		switch {
		case c.remaining > 0:
			fraction = c.remaining
		case life <= ShortLivedLifetime:
			fraction, rule = ShortLivedRemaining, DueShortLived
		}
		end := h.NotAfter.Add(time.Second) // the first instant no longer valid
		due = end.Add(-time.Duration(float64(life) * fraction))
		if c.spread > 0 {
			due = due.Add(spreadOffset(&h, c.spread))
		}
		due = due.Truncate(time.Second)
		switch {
		case due.Before(opens):
			due, rule = opens, DueOpens
		case due.After(s.Deadline):
			due, rule = s.Deadline, DueDeadline
		}
		s.DueRule = rule
	}
	if len(c.windows) > 0 {
		// An overdue renewal is made from at on, not in the past.
		start := due
		if at.After(start) {
			start = at
		}
		limit := s.Deadline
		if start.After(limit) {
			limit = h.NotAfter
		}
		t, ok, err := nextAllowed(c.windows, start, limit)
		if err != nil {
			return Schedule{}, err
		}
		from := opens
		if at.After(from) {
			from = at
		}
		if !ok && from.Before(start) {
			// Nothing allowed from Due to the deadline: the earliest
			// allowed instant before Due will do.
			t, ok, err = nextAllowed(c.windows, from, limit)
			if err != nil {
				return Schedule{}, err
			}
		}
		if !ok {
			e := noSchedule(ScheduleNoAllowedInstant)
			e.Opens, e.Deadline = from, limit
			for _, w := range c.windows {
				e.Windows = append(e.Windows, w.name)
			}
			return Schedule{}, e
		}
		if !t.Equal(due) {
			names := make([]string, len(c.windows))
			for i, w := range c.windows {
				names[i] = w.name
			}
			warn(WarnDueMoved, "from "+rfc(due)+" to "+rfc(t)+" by "+strings.Join(names, ", "))
			due = t
		}
	}
	s.Due = due

	// RN-11: what the renewal buys.
	issued := due
	if p.IssuedFrom.Rule != 0 {
		from, err := p.at(p.IssuedFrom, &h)
		if err != nil {
			return Schedule{}, err
		}
		if from.After(issued) {
			issued = from
		}
	}
	next, carryCut := p.next(&h, issued)
	s.Next = next
	if carryCut {
		warn(WarnCarryOverCut, "the validity left after "+rfc(issued)+" is cut by the "+next.Capped.String()+
			"; the next certificate ends "+rfc(next.NotAfter))
	}
	// TV-6: the held lifetime may not be had again.
	if days, most := period.Days(), next.Limit.MaxDays; most > 0 && days > most {
		warn(WarnLifetimeExceedsLimit, describe(&h)+" lasts "+strconv.Itoa(days)+" days; a certificate issued at "+
			rfc(issued)+" may last at most "+strconv.Itoa(most)+" days ("+next.Limit.Source+")")
	}
	if u := next.Limit.Until; !u.IsZero() {
		// The successor, issued at Due, is itself due after the same
		// fraction of its own life; if the step has ended by then, its
		// successor gets less.
		nextLife := validity.Period{NotBefore: next.NotBefore, NotAfter: next.NotAfter}.Length()
		fraction := DefaultRemaining
		if c.remaining > 0 {
			fraction = c.remaining
		}
		nextDue := next.NotBefore.Add(nextLife - time.Duration(float64(nextLife)*fraction))
		if after := validity.TLSServerLimit(u); !nextDue.Before(u) && after.MaxDays > 0 && after.MaxDays < next.Days {
			warn(WarnLimitShrinks, "certificates issued from "+rfc(u)+" may last at most "+
				strconv.Itoa(after.MaxDays)+" days; a "+strconv.Itoa(next.Days)+
				"-day successor issued at the due instant is itself due about "+rfc(nextDue)+
				", under that limit ("+after.Source+")")
		}
	}
	return s, nil
}

// certHash returns 64 bits derived from h alone: a SHA-256 of its serial
// number, name and notBefore.
func certHash(h *Held) uint64 {
	hash := sha256.New()
	if h.SerialNumber != nil {
		hash.Write(h.SerialNumber.Bytes())
	}
	name := nameKey(&h.Subject, h.DNSNames)
	hash.Write([]byte{0})
	hash.Write([]byte(name))
	var b [12]byte
	binary.BigEndian.PutUint64(b[:8], uint64(h.NotBefore.Unix()))
	binary.BigEndian.PutUint32(b[8:], uint32(h.NotBefore.Nanosecond()))
	hash.Write(b[:])
	return binary.BigEndian.Uint64(hash.Sum(nil)[:8])
}

// unitFraction returns a fraction in [0, 1) derived from h alone.
func unitFraction(h *Held) float64 {
	return float64(certHash(h)>>11) / (1 << 53)
}

// spreadOffset returns an offset in [-window/2, window/2] derived from h
// alone.
func spreadOffset(h *Held, window time.Duration) time.Duration {
	// window >= 0, so window+1 does not overflow uint64.
	return time.Duration(certHash(h)%(uint64(window)+1)) - window/2
}
