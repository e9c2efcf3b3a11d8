package validity_test

import (
	"errors"
	"testing"
	"time"

	"github.com/certlife/certlife/tz"
	"github.com/certlife/certlife/validity"
	"github.com/google/go-cmp/cmp"
)

// limitKey is the part of a Limit the step tests compare.
type limitKey struct {
	MaxDays, WarnDays, MaxMonths int
}

func keyOf(l validity.Limit) limitKey { return limitKey{l.MaxDays, l.WarnDays, l.MaxMonths} }

func TestTLSServerLimit(t *testing.T) {
	var (
		none    = limitKey{}
		m39     = limitKey{1185, 0, 39}
		d825    = limitKey{825, 0, 0}
		d398    = limitKey{398, 397, 0}
		d200    = limitKey{200, 199, 0}
		d100    = limitKey{100, 99, 0}
		d47     = limitKey{47, 46, 0}
		ns      = time.Nanosecond
		jstS200 = jst(2026, 3, 15, 9, 0, 0)
	)
	tests := []struct {
		name   string
		issued time.Time
		want   limitKey
		reason string
	}{
		{"TV-6 zero time has no limit", time.Time{}, none, "a caller bug: nothing known"},
		{"TV-6 2015-04-01 has no limit here", utc(2015, 4, 1, 0, 0, 0), none, "older BRs' 39 months not encoded"},
		{"TV-6 1 July 2016 itself is not after 1 July 2016", utc(2016, 7, 1, 12, 0, 0), none, "after 2016-07-01"},
		{"TV-6 39 months 1ns before its step", s39.Add(-ns), none, ""},
		{"TV-6 39 months at its step", s39, m39, "first instant of 2016-07-02 UTC"},
		{"TV-6 39 months 1ns after its step", s39.Add(ns), m39, ""},
		{"TV-6 1 March 2018 itself is in the 39-month step", utc(2018, 3, 1, 12, 0, 0), m39, "the BRs' gap day"},
		{"TV-6 825 days 1ns before its step", s825.Add(-ns), m39, ""},
		{"TV-6 825 days at its step", s825, d825, "after 2018-03-01"},
		{"TV-6 825 days 1ns after its step", s825.Add(ns), d825, ""},
		{"TV-6 398 days 1ns before its step", s398.Add(-ns), d825, "before 2020-09-01"},
		{"TV-6 398 days at its step", s398, d398, "on or after 2020-09-01"},
		{"TV-6 398 days 1ns after its step", s398.Add(ns), d398, ""},
		{"TV-6 398 days on 29 February 2024", utc(2024, 2, 29, 23, 59, 59), d398, ""},
		{"TV-6 200 days 1ns before its step", s200.Add(-ns), d398, ""},
		{"TV-6 200 days at its step", s200, d200, "on or after 2026-03-15"},
		{"TV-6 200 days at its step written in JST", jstS200, d200, "the same instant"},
		{"TV-6 200 days 1ns after its step", s200.Add(ns), d200, ""},
		{"TV-6 00:00 JST on 2026-03-15 is still 398 days", jst(2026, 3, 15, 0, 0, 0), d398, "steps are UTC days"},
		{"TV-6 100 days 1ns before its step", s100.Add(-ns), d200, ""},
		{"TV-6 100 days at its step", s100, d100, "on or after 2027-03-15"},
		{"TV-6 100 days 1ns after its step", s100.Add(ns), d100, ""},
		{"TV-6 47 days 1ns before its step", s47.Add(-ns), d100, ""},
		{"TV-6 47 days at its step", s47, d47, "on or after 2029-03-15"},
		{"TV-6 47 days 1ns after its step", s47.Add(ns), d47, ""},
		{"TV-6 47 days in 2050", utc(2050, 1, 1, 0, 0, 0), d47, "last step has no end"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := validity.TLSServerLimit(tt.issued)
			if diff := cmp.Diff(tt.want, keyOf(l)); diff != "" {
				t.Errorf("TLSServerLimit(%v) (-want +got):\n%s\n%s", tt.issued, diff, tt.reason)
			}
			if l.MaxDays == 0 {
				if !l.From.IsZero() || !l.Until.Equal(s39) || l.Source != "" {
					t.Errorf("TLSServerLimit(%v) = %+v, want From zero, Until %v, no Source", tt.issued, l, s39)
				}
				return
			}
			if tt.issued.Before(l.From) || !l.Until.IsZero() && !tt.issued.Before(l.Until) {
				t.Errorf("TLSServerLimit(%v) = [%v, %v), does not contain the issue instant", tt.issued, l.From, l.Until)
			}
		})
	}
}

func TestTLSServerLimits(t *testing.T) {
	got := validity.TLSServerLimits()
	want := []validity.Limit{
		{MaxDays: 1185, MaxMonths: 39, From: utc(2016, 7, 2, 0, 0, 0), Until: utc(2018, 3, 2, 0, 0, 0)},
		{MaxDays: 825, From: utc(2018, 3, 2, 0, 0, 0), Until: utc(2020, 9, 1, 0, 0, 0)},
		{MaxDays: 398, WarnDays: 397, Inclusive: true, From: utc(2020, 9, 1, 0, 0, 0), Until: utc(2026, 3, 15, 0, 0, 0)},
		{MaxDays: 200, WarnDays: 199, Inclusive: true, From: utc(2026, 3, 15, 0, 0, 0), Until: utc(2027, 3, 15, 0, 0, 0)},
		{MaxDays: 100, WarnDays: 99, Inclusive: true, From: utc(2027, 3, 15, 0, 0, 0), Until: utc(2029, 3, 15, 0, 0, 0)},
		{MaxDays: 47, WarnDays: 46, Inclusive: true, From: utc(2029, 3, 15, 0, 0, 0)},
	}
	ignoreSource := cmp.Transformer("noSource", func(l validity.Limit) validity.Limit { l.Source = ""; return l })
	if diff := cmp.Diff(want, got, ignoreSource); diff != "" {
		t.Errorf("TV-6 table (-want +got):\n%s", diff)
	}
	for i, l := range got {
		if l.Source == "" {
			t.Errorf("TV-6 step %d has no Source", i)
		}
		if i > 0 && !got[i-1].Until.Equal(l.From) {
			t.Errorf("TV-6 step %d starts at %v, previous ends at %v: the table has a hole", i, l.From, got[i-1].Until)
		}
		if l.From.Location() != time.UTC {
			t.Errorf("TV-6 step %d From in %v, want UTC", i, l.From.Location())
		}
		if diff := cmp.Diff(l, validity.TLSServerLimit(l.From)); diff != "" {
			t.Errorf("TV-6 TLSServerLimit(step %d From) (-want +got):\n%s", i, diff)
		}
	}
	// No mutable state: changing the returned slice changes nothing.
	got[0].MaxDays = 1
	if validity.TLSServerLimits()[0].MaxDays != 1185 {
		t.Error("TV-6 TLSServerLimits shares its slice between calls")
	}
}

// TestTV6ThirtyNineMonthsInDays proves the MaxDays of the 39-month step:
// the fewest days 39 months span for any notBefore in that step.
func TestTV6ThirtyNineMonthsInDays(t *testing.T) {
	l := validity.TLSServerLimits()[0]
	fewest := 1 << 30
	for d := tz.DateOf(l.From, tz.UTC); d.In(tz.UTC).Before(l.Until); d = d.AddDays(1) {
		if n := d.AddMonths(39).Sub(d); n < fewest {
			fewest = n
		}
	}
	if l.MaxDays != fewest {
		t.Errorf("TV-6 39-month step MaxDays = %d, want %d", l.MaxDays, fewest)
	}
}

func TestLatestNotAfter(t *testing.T) {
	m39 := validity.TLSServerLimit(utc(2017, 1, 1, 0, 0, 0))
	d825 := validity.TLSServerLimit(utc(2019, 1, 1, 0, 0, 0))
	d200 := validity.TLSServerLimit(utc(2026, 3, 15, 0, 0, 0))
	d398 := validity.TLSServerLimit(utc(2024, 2, 29, 0, 0, 0))
	tests := []struct {
		name      string
		l         validity.Limit
		notBefore time.Time
		want      time.Time
	}{
		{"TV-6 200 days from 2026-03-15 include notAfter's second", d200, utc(2026, 3, 15, 0, 0, 0), utc(2026, 9, 30, 23, 59, 59)},
		{"TV-6 398 days from 29 February 2024", d398, utc(2024, 2, 29, 0, 0, 0), utc(2025, 4, 1, 23, 59, 59)},
		{"TV-6 825 days measured without the extra second", d825, utc(2018, 3, 2, 15, 49, 34), utc(2020, 6, 4, 15, 49, 34)},
		{"TV-6 825 days across 29 February 2020", d825, utc(2019, 1, 1, 0, 0, 0), utc(2021, 4, 5, 0, 0, 0)},
		{"TV-6 39 months measured without the extra second", m39, utc(2017, 1, 1, 0, 0, 0), utc(2020, 4, 1, 0, 0, 0)},
		{"TV-6 39 months clamped to 29 February", m39, utc(2016, 11, 30, 12, 0, 0), utc(2020, 2, 29, 12, 0, 0)},
		{"TV-6 39 months clamped to 28 February", m39, utc(2017, 11, 30, 0, 0, 0), utc(2021, 2, 28, 0, 0, 0)},
		{"TV-6 39 months counted in UTC from a JST notBefore", m39, jst(2017, 1, 1, 0, 0, 0), utc(2020, 3, 31, 15, 0, 0)},
		{"TV-6 no limit known", validity.Limit{}, utc(2015, 1, 1, 0, 0, 0), time.Time{}},
		{"TV-6 zero notBefore", d200, time.Time{}, time.Time{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.l.LatestNotAfter(tt.notBefore)
			if !got.Equal(tt.want) {
				t.Errorf("LatestNotAfter(%v) = %v, want %v", tt.notBefore, got, tt.want)
			}
			if got.IsZero() {
				return
			}
			// The latest notAfter complies; one nanosecond later does not.
			if v, err := validity.CheckTLSServerPeriod(validity.Period{NotBefore: tt.notBefore, NotAfter: got}); err != nil {
				t.Errorf("TV-6 latest notAfter %v is refused: %v, %v", got, v, err)
			}
			if _, err := validity.CheckTLSServerPeriod(validity.Period{NotBefore: tt.notBefore, NotAfter: got.Add(time.Nanosecond)}); !errors.Is(err, validity.ErrLifetimeExceeded) {
				t.Errorf("TV-6 1ns after latest notAfter %v: err = %v, want ErrLifetimeExceeded", got, err)
			}
		})
	}
}

func TestValidationReuse(t *testing.T) {
	ns := time.Nanosecond
	var (
		r825   = utc(2018, 3, 1, 0, 0, 0)
		dcv398 = utc(2021, 10, 1, 0, 0, 0)
		s10    = utc(2029, 3, 15, 0, 0, 0)
	)
	tests := []struct {
		name          string
		issued        time.Time
		dcv, identity int
	}{
		{"TV-6 reuse zero time is not known", time.Time{}, 0, 0},
		{"TV-6 reuse 1ns before 2018-03-01 is not known", r825.Add(-ns), 0, 0},
		{"TV-6 reuse 825 days at 2018-03-01", r825, 825, 825},
		{"TV-6 DCV 825 days 1ns before 2021-10-01", dcv398.Add(-ns), 825, 825},
		{"TV-6 DCV 398 days at 2021-10-01", dcv398, 398, 825},
		{"TV-6 DCV 398 days 1ns after 2021-10-01", dcv398.Add(ns), 398, 825},
		{"TV-6 DCV 398 and identity 825 days 1ns before 2026-03-15", s200.Add(-ns), 398, 825},
		{"TV-6 DCV 200 and identity 398 days at 2026-03-15", s200, 200, 398},
		{"TV-6 DCV 200 days 1ns after 2026-03-15", s200.Add(ns), 200, 398},
		{"TV-6 DCV 200 days at 2026-03-15 09:00 JST is the same instant", jst(2026, 3, 15, 9, 0, 0), 200, 398},
		{"TV-6 DCV 398 days at 2026-03-15 08:59:59 JST", jst(2026, 3, 15, 8, 59, 59), 398, 825},
		{"TV-6 DCV 200 days 1ns before 2027-03-15", s100.Add(-ns), 200, 398},
		{"TV-6 DCV 100 days at 2027-03-15", s100, 100, 398},
		{"TV-6 DCV 100 days 1ns before 2029-03-15", s10.Add(-ns), 100, 398},
		{"TV-6 DCV 10 days at 2029-03-15", s10, 10, 398},
		{"TV-6 DCV 10 days in 2050", utc(2050, 1, 1, 0, 0, 0), 10, 398},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			type reuse struct{ DCV, Identity int }
			want := reuse{tt.dcv, tt.identity}
			got := reuse{validity.DCVReuse(tt.issued), validity.IdentityReuse(tt.issued)}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("reuse for %v (-want +got):\n%s", tt.issued, diff)
			}
		})
	}
}
