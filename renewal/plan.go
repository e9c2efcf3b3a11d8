package renewal

import (
	"crypto/sha256"
	"encoding/binary"
	"strconv"
	"time"

	"github.com/certlife/certlife/validity"
)

// DefaultRemaining is the fraction of a certificate's lifetime still
// *remaining* at which [Plan] makes a renewal due by default: one third,
// the common default of cert-manager (renewBeforePercentage, a percentage
// left), CertMagic (RenewalWindowRatio) and lego. It is two thirds *used*.
const DefaultRemaining = 1.0 / 3

// DefaultSafetyMargin is how long before notAfter [Plan] puts the deadline
// by default: a week, to leave time for the CA's checks of a renewal (RN-6)
// and for installing the certificate.
const DefaultSafetyMargin = 7 * 24 * time.Hour

// Schedule is when to renew a held certificate, from [Plan]. Its instants
// satisfy Opens <= Due <= Deadline when the certificate's validity is
// known.
type Schedule struct {
	// Opens is the first instant a renewal is accepted (RN-3, [OpensAt]).
	Opens time.Time
	// Due is when the renewal should be made: when the configured fraction
	// of the lifetime is left ([DueWhenRemaining]), moved by [Spread] if
	// asked, truncated to the second and kept within [Opens, Deadline].
	Due time.Time
	// Deadline is the last safe moment: notAfter minus the safety margin
	// ([SafetyMargin]), but not before Opens.
	Deadline time.Time
	// NextMaxDays is the longest lifetime, in TV-6 days, that a publicly
	// trusted TLS server certificate issued at Due may have (Baseline
	// Requirements 6.3.2); 0 when no limit is known.
	NextMaxDays int
	// NextLimit is the TV-6 step in force at Due, with its bounds, the
	// period it applies to and its source.
	NextLimit validity.Limit
	// Warnings report a lifetime the next certificate cannot have, a limit
	// that shrinks before the renewal after next, options out of range and
	// an unknown validity.
	Warnings []Warning
}

// PlanOption changes how [Plan] computes a [Schedule]. The options are
// [DueWhenRemaining], [SafetyMargin] and [Spread].
type PlanOption struct {
	apply func(*planConfig)
}

type planConfig struct {
	remaining float64
	margin    time.Duration
	spread    time.Duration
	warnings  []Warning
}

// DueWhenRemaining makes a renewal due when the given fraction of the
// certificate's lifetime is still left: DueWhenRemaining(1.0/3) (the
// default) is due with a third left, two thirds used. The fraction must be
// greater than 0 and less than 1; otherwise the default is kept and the
// schedule carries a [WarnBadOption] warning.
func DueWhenRemaining(fraction float64) PlanOption {
	return PlanOption{func(c *planConfig) {
		if !(fraction > 0 && fraction < 1) {
			c.warnings = append(c.warnings, Warning{WarnBadOption, "DueWhenRemaining(" + strconv.FormatFloat(fraction, 'g', -1, 64) + ") is not between 0 and 1"})
			return
		}
		c.remaining = fraction
	}}
}

// SafetyMargin sets how long before notAfter the deadline falls; the
// default is [DefaultSafetyMargin]. A negative margin keeps the default and
// the schedule carries a [WarnBadOption] warning.
func SafetyMargin(d time.Duration) PlanOption {
	return PlanOption{func(c *planConfig) {
		if d < 0 {
			c.warnings = append(c.warnings, Warning{WarnBadOption, "SafetyMargin(" + d.String() + ") is negative"})
			return
		}
		c.margin = d
	}}
}

// Spread moves Due by a reproducible amount between -window/2 and
// +window/2,
// derived from the certificate (a SHA-256 of its serial number, common name
// and notBefore), so that a fleet issued together does not renew at one
// instant, and the same certificate always gets the same Due. The result
// is still kept within [Opens, Deadline]. A window of zero (the default)
// does not spread; a negative one is ignored with a [WarnBadOption]
// warning.
func Spread(window time.Duration) PlanOption {
	return PlanOption{func(c *planConfig) {
		if window < 0 {
			c.warnings = append(c.warnings, Warning{WarnBadOption, "Spread(" + window.String() + ") is negative"})
			return
		}
		c.spread = window
	}}
}

// Plan returns when to renew h (RN-10): Opens from RN-3 under p, Due when
// a third of the lifetime is left (see [DueWhenRemaining]), Deadline a week
// before notAfter (see [SafetyMargin]), and the maximum lifetime of a
// certificate issued at Due (TV-6). The lifetime is TV-3's, notAfter -
// notBefore + 1 s, so Due is notAfter + 1 s - fraction×lifetime.
//
// For a certificate issued 2025-03-01T00:00:00Z for 398 days, Due is
// 2025-11-21T08:00:00Z, when a certificate may still last 398 days, and a
// [WarnLimitShrinks] warning says that from 2026-03-15 no more than 200
// days are allowed: a yearly cadence ends there.
//
// Plan does not validate p (see [OpensAt]). When h has no valid validity
// period (a zero end, or notAfter before notBefore), it returns a Schedule
// with only a [WarnNoValidity] warning.
func Plan(h Held, p Policy, opts ...PlanOption) Schedule {
	c := planConfig{remaining: DefaultRemaining, margin: DefaultSafetyMargin}
	for _, o := range opts {
		if o.apply != nil {
			o.apply(&c)
		}
	}
	period := validity.Period{NotBefore: h.NotBefore, NotAfter: h.NotAfter}
	if !period.IsValid() {
		return Schedule{Warnings: append(c.warnings, Warning{WarnNoValidity, describe(&h)})}
	}
	s := Schedule{Opens: OpensAt(h.NotBefore, p), Warnings: c.warnings}

	s.Deadline = h.NotAfter.Add(-c.margin)
	if s.Deadline.Before(s.Opens) {
		s.Warnings = append(s.Warnings, Warning{WarnWindowClamped, "deadline " +
			s.Deadline.UTC().Format(time.RFC3339) + " moved to when renewal opens, " + s.Opens.UTC().Format(time.RFC3339)})
		s.Deadline = s.Opens
	}

	// RN-10: due when the given fraction of the lifetime is *left*.
	life := period.Length()
	end := h.NotAfter.Add(time.Second) // the first instant no longer valid
	due := end.Add(-time.Duration(float64(life) * c.remaining))
	if due.Before(s.Opens) {
		s.Warnings = append(s.Warnings, Warning{WarnWindowClamped, "due instant " +
			due.UTC().Format(time.RFC3339) + " moved to when renewal opens, " + s.Opens.UTC().Format(time.RFC3339)})
	}
	if c.spread > 0 {
		due = due.Add(spreadOffset(h, c.spread))
	}
	s.Due = clamp(due.Truncate(time.Second), s.Opens, s.Deadline)

	// TV-6: what the next certificate may last if issued at Due.
	s.NextLimit = validity.TLSServerLimit(s.Due)
	s.NextMaxDays = s.NextLimit.MaxDays
	days := period.Days()
	if s.NextMaxDays > 0 && days > s.NextMaxDays {
		s.Warnings = append(s.Warnings, Warning{WarnLifetimeExceedsLimit,
			describe(&h) + " lasts " + strconv.Itoa(days) + " days; a certificate issued at " +
				s.Due.UTC().Format(time.RFC3339) + " may last at most " + strconv.Itoa(s.NextMaxDays) +
				" days (" + s.NextLimit.Source + ")"})
	}
	next := days
	if s.NextMaxDays > 0 && next > s.NextMaxDays {
		next = s.NextMaxDays
	}
	if u := s.NextLimit.Until; !u.IsZero() {
		// The successor, issued at Due for next days, is itself due at
		// nextDue; if the step has ended by then, its successor gets less.
		nextLife := time.Duration(next) * 24 * time.Hour
		nextDue := s.Due.Add(nextLife - time.Duration(float64(nextLife)*c.remaining))
		if after := validity.TLSServerLimit(u); !nextDue.Before(u) && after.MaxDays > 0 && after.MaxDays < next {
			s.Warnings = append(s.Warnings, Warning{WarnLimitShrinks,
				"certificates issued from " + u.UTC().Format(time.RFC3339) + " may last at most " +
					strconv.Itoa(after.MaxDays) + " days; a " + strconv.Itoa(next) +
					"-day successor issued at the due instant is itself due about " +
					nextDue.UTC().Format(time.RFC3339) + ", under that limit (" + after.Source + ")"})
		}
	}
	return s
}

// spreadOffset returns an offset in [-window/2, window/2] derived from h
// alone.
func spreadOffset(h Held, window time.Duration) time.Duration {
	hash := sha256.New()
	if h.SerialNumber != nil {
		hash.Write(h.SerialNumber.Bytes())
	}
	name, _ := normalizeName(h.Subject.CommonName)
	hash.Write([]byte{0})
	hash.Write([]byte(name))
	var b [12]byte
	binary.BigEndian.PutUint64(b[:8], uint64(h.NotBefore.Unix()))
	binary.BigEndian.PutUint32(b[8:], uint32(h.NotBefore.Nanosecond()))
	hash.Write(b[:])
	sum := hash.Sum(nil)
	u := binary.BigEndian.Uint64(sum[:8])
	// window >= 0, so window+1 does not overflow uint64.
	return time.Duration(u%(uint64(window)+1)) - window/2
}

func clamp(t, lo, hi time.Time) time.Time {
	if t.Before(lo) {
		return lo
	}
	if t.After(hi) {
		return hi
	}
	return t
}
