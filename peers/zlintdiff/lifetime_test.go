package zlintdiff_test

import (
	"crypto/x509"
	"fmt"
	"testing"
	"time"

	"github.com/certlife/certlife/validity"
)

const (
	day = 24 * time.Hour
	sec = time.Second
)

// A lifetimeCase is a generated certificate for the TV-6 comparison.
type lifetimeCase struct {
	name   string
	shape  shape
	nb, na time.Time
}

// lifetimeCases returns, for every TV-6 step, certificates issued at the
// step's first instant, one second after it and in the middle of the
// step, whose notAfter lies one second either side of each bound (MUST and
// SHOULD) in both measures: nb + N days - 1 s is N days by TV-3's
// inclusive measure, nb + N days is N days by the measure of the Baseline
// Requirements before 2020-09-01. The certificate one second before a step
// begins is the previous step's last. Scope shapes are tried at the MUST
// bound of every step, and month-end issue dates in the 39-month step.
func lifetimeCases() []lifetimeCase {
	var cs []lifetimeCase
	add := func(s shape, nb, na time.Time, what string) {
		cs = append(cs, lifetimeCase{
			name:  fmt.Sprintf("TV-6 %s, %s, notBefore %s", s.name, what, nb.Format(time.RFC3339)),
			shape: s, nb: nb, na: na,
		})
	}
	for _, l := range validity.TLSServerLimits() {
		nbs := []time.Time{l.From, l.From.Add(sec), l.From.Add(100*day + 12*time.Hour + 34*time.Minute + 56*sec)}
		if !l.Until.IsZero() {
			nbs = append(nbs, l.Until.Add(-sec))
		}
		for _, nb := range nbs {
			type bound struct {
				end  time.Time // nb + the bound, exclusive of TV-3's second
				what string
			}
			var bounds []bound
			if l.MaxMonths != 0 {
				bounds = append(bounds, bound{addMonths(nb, l.MaxMonths), fmt.Sprintf("%d months", l.MaxMonths)})
			} else {
				bounds = append(bounds, bound{nb.Add(time.Duration(l.MaxDays) * day), fmt.Sprintf("%d days", l.MaxDays)})
			}
			if l.WarnDays != 0 {
				bounds = append(bounds, bound{nb.Add(time.Duration(l.WarnDays) * day), fmt.Sprintf("%d days", l.WarnDays)})
			}
			for _, b := range bounds {
				for _, off := range []time.Duration{-2 * sec, -sec, 0, sec} {
					add(plain, nb, b.end.Add(off), fmt.Sprintf("%s %+ds", b.what, int(off/sec)))
				}
			}
		}
		for _, s := range scopeShapes[1:] {
			end := l.LatestNotAfter(l.From)
			add(s, l.From, end, "at the MUST bound")
			add(s, l.From, end.Add(sec), "1s over the MUST bound")
		}
	}
	// Month ends in the 39-month step: the day is clamped (validity) or
	// overflows into the next month (zlint, time.Time.AddDate).
	for _, nb := range []time.Time{
		time.Date(2016, 11, 30, 12, 0, 0, 0, time.UTC), // 2020-02-29 or 2020-03-01
		time.Date(2017, 11, 30, 0, 0, 0, 0, time.UTC),  // 2021-02-28 or 2021-03-02
		time.Date(2017, 12, 31, 0, 0, 0, 0, time.UTC),  // 2021-03-31 either way
	} {
		clamped := addMonths(nb, 39)
		overflow := nb.AddDate(0, 39, 0)
		for _, na := range []time.Time{clamped, clamped.Add(sec), overflow, overflow.Add(sec)} {
			add(plain, nb, na, "39 months at a month end, notAfter "+na.Format(time.RFC3339))
		}
	}
	// Before the first step no limit is known.
	first := validity.TLSServerLimits()[0].From
	add(plain, first.Add(-sec), first.Add(10*365*day), "10 years before the first step")
	add(scopeShapes[len(scopeShapes)-1], first.Add(-sec), first.Add(10*365*day), "10 years before the first step")
	return cs
}

// addMonths adds n months as validity counts them: in UTC, the day clamped
// to the end of a shorter month.
func addMonths(t time.Time, n int) time.Time {
	y, m, d := t.Date()
	first := time.Date(y, m+time.Month(n), 1, t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), time.UTC)
	if last := first.AddDate(0, 1, -1).Day(); d > last {
		d = last
	}
	return first.AddDate(0, 0, d-1)
}

// lifetimeDifferences are the deliberate differences in TV-6. The same
// table is in the validity package documentation ("Where it departs from
// the sources").
func lifetimeDifferences() (selfSigned, monthEnd *difference) {
	return &difference{
			id: "self-signed leaves from 2020-09-01",
			reason: "zlint skips self-signed leaves in the 39-month and 825-day lints (util.IsSubscriberCert) " +
				"but measures them in the Apple 398/397-day and SC-081 lints (util.IsServerAuthCert && !IsCA); " +
				"validity skips them in every step: no CA issued them, so no root program's limit binds them, " +
				"and clients that trust them trust them locally",
		}, &difference{
			id: "39 months at a month end",
			reason: "zlint adds 39 months with time.Time.AddDate, which lets 30 November + 39 months overflow " +
				"to 1 or 2 March; validity clamps to the last day of February, as calendar months are counted " +
				"(and as Japanese Civil Code art. 143 counts them), so it is stricter by up to two days",
		}
}

func TestLifetimeAgainstZlint(t *testing.T) {
	selfSigned, monthEnd := lifetimeDifferences()
	s398 := time.Date(2020, 9, 1, 0, 0, 0, 0, time.UTC)
	agreed := 0
	for _, c := range lifetimeCases() {
		t.Run(c.name, func(t *testing.T) {
			der := issue(t, c.shape, c.nb, c.na)
			cert, err := x509.ParseCertificate(der)
			if err != nil {
				t.Fatal(err)
			}
			ours, _ := validity.CheckTLSServer(cert)
			res := zlintResults(t, der)
			if res == nil {
				t.Fatal("zcrypto cannot parse the certificate")
			}
			theirs := combine(res, lifetimeLints)
			switch {
			case ours.Outcome == theirs:
				agreed++
			case c.shape.selfSigned && !c.nb.Before(s398) && ours.Reason == validity.ReasonSelfSigned:
				selfSigned.seen++
			case ours.Limit.MaxMonths != 0 && ours.Outcome == validity.OutcomeError && theirs == validity.OutcomePass &&
				!c.na.After(c.nb.AddDate(0, ours.Limit.MaxMonths, 0)):
				monthEnd.seen++
			default:
				t.Errorf("validity says %v, zlint %v (%v)", ours, theirs, res)
			}
		})
	}
	report(t, "TV-6", agreed, []*difference{selfSigned, monthEnd})
}
