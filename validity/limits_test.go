package validity_test

import (
	"crypto/x509"
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
		s39     = utc(2016, 7, 2, 0, 0, 0)
		s825    = utc(2018, 3, 2, 0, 0, 0)
		s398    = utc(2020, 9, 1, 0, 0, 0)
		s200    = utc(2026, 3, 15, 0, 0, 0)
		s100    = utc(2027, 3, 15, 0, 0, 0)
		s47     = utc(2029, 3, 15, 0, 0, 0)
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
		{MaxDays: 398, WarnDays: 397, From: utc(2020, 9, 1, 0, 0, 0), Until: utc(2026, 3, 15, 0, 0, 0)},
		{MaxDays: 200, WarnDays: 199, From: utc(2026, 3, 15, 0, 0, 0), Until: utc(2027, 3, 15, 0, 0, 0)},
		{MaxDays: 100, WarnDays: 99, From: utc(2027, 3, 15, 0, 0, 0), Until: utc(2029, 3, 15, 0, 0, 0)},
		{MaxDays: 47, WarnDays: 46, From: utc(2029, 3, 15, 0, 0, 0)},
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
	d200 := validity.TLSServerLimit(utc(2026, 3, 15, 0, 0, 0))
	d398 := validity.TLSServerLimit(utc(2024, 2, 29, 0, 0, 0))
	tests := []struct {
		name      string
		l         validity.Limit
		notBefore time.Time
		want      time.Time
	}{
		{"TV-6 200 days from 2026-03-15", d200, utc(2026, 3, 15, 0, 0, 0), utc(2026, 9, 30, 23, 59, 59)},
		{"TV-6 398 days from 29 February 2024", d398, utc(2024, 2, 29, 0, 0, 0), utc(2025, 4, 1, 23, 59, 59)},
		{"TV-6 39 months clamped to 29 February", m39, utc(2016, 11, 30, 12, 0, 0), utc(2020, 2, 29, 11, 59, 59)},
		{"TV-6 39 months from 2017-01-01", m39, utc(2017, 1, 1, 0, 0, 0), utc(2020, 3, 31, 23, 59, 59)},
		{"TV-6 39 months counted in UTC from a JST notBefore", m39, jst(2017, 1, 1, 0, 0, 0), utc(2020, 3, 31, 14, 59, 59)},
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
			if err := validity.CheckTLSServerPeriod(validity.Period{NotBefore: tt.notBefore, NotAfter: got}); errors.Is(err, validity.ErrLifetimeExceeded) {
				t.Errorf("TV-6 latest notAfter %v is refused: %v", got, err)
			}
			if err := validity.CheckTLSServerPeriod(validity.Period{NotBefore: tt.notBefore, NotAfter: got.Add(time.Nanosecond)}); !errors.Is(err, validity.ErrLifetimeExceeded) {
				t.Errorf("TV-6 1ns after latest notAfter %v: err = %v, want ErrLifetimeExceeded", got, err)
			}
		})
	}
}

func TestDCVReuse(t *testing.T) {
	ns := time.Nanosecond
	tests := []struct {
		name   string
		issued time.Time
		want   int
	}{
		{"TV-6 DCV zero time", time.Time{}, 0},
		{"TV-6 DCV 398 days in 2020", utc(2020, 9, 1, 0, 0, 0), 398},
		{"TV-6 DCV 398 days 1ns before 2026-03-15", utc(2026, 3, 15, 0, 0, 0).Add(-ns), 398},
		{"TV-6 DCV 200 days at 2026-03-15", utc(2026, 3, 15, 0, 0, 0), 200},
		{"TV-6 DCV 200 days 1ns after 2026-03-15", utc(2026, 3, 15, 0, 0, 0).Add(ns), 200},
		{"TV-6 DCV 200 days 1ns before 2027-03-15", utc(2027, 3, 15, 0, 0, 0).Add(-ns), 200},
		{"TV-6 DCV 100 days at 2027-03-15", utc(2027, 3, 15, 0, 0, 0), 100},
		{"TV-6 DCV 100 days 1ns before 2029-03-15", utc(2029, 3, 15, 0, 0, 0).Add(-ns), 100},
		{"TV-6 DCV 10 days at 2029-03-15", utc(2029, 3, 15, 0, 0, 0), 10},
		{"TV-6 DCV 10 days 1ns after 2029-03-15", utc(2029, 3, 15, 0, 0, 0).Add(ns), 10},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := validity.DCVReuse(tt.issued); got != tt.want {
				t.Errorf("DCVReuse(%v) = %d, want %d", tt.issued, got, tt.want)
			}
		})
	}
}

func TestCheckTLSServerPeriod(t *testing.T) {
	days := func(n int) time.Duration { return time.Duration(n) * 24 * time.Hour }
	// period returns the period of the given TV-3 length from nb.
	period := func(nb time.Time, length time.Duration) validity.Period {
		return validity.Period{NotBefore: nb, NotAfter: nb.Add(length - time.Second)}
	}
	s200 := utc(2026, 3, 15, 0, 0, 0)
	tests := []struct {
		name     string
		p        validity.Period
		want     validity.Reason // 0: nil
		wantDays int
	}{
		{"TV-6 200 days from 2026-03-15", period(s200, days(200)), validity.ReasonLifetimeWarning, 200},
		{"TV-6 199 days from 2026-03-15", period(s200, days(199)), 0, 199},
		{"TV-6 199 days and 1ns from 2026-03-15 is a warning", period(s200, days(199)+time.Nanosecond), validity.ReasonLifetimeWarning, 200},
		{"TV-6 200 days and 1ns from 2026-03-15 is exceeded", period(s200, days(200)+time.Nanosecond), validity.ReasonLifetimeExceeded, 201},
		{"TV-6 200 days and 1s from 2026-03-15 is exceeded", period(s200, days(200)+time.Second), validity.ReasonLifetimeExceeded, 201},
		{"TV-6 398 days 1ns before 2026-03-15 is a warning", period(s200.Add(-time.Nanosecond), days(398)), validity.ReasonLifetimeWarning, 398},
		{"TV-6 398 days at 2026-03-15 is exceeded", period(s200, days(398)), validity.ReasonLifetimeExceeded, 398},
		{"TV-6 yearly renewal (366 days) before 2026-03-15", period(utc(2025, 3, 14, 0, 0, 0), days(366)), 0, 366},
		{"TV-6 yearly renewal (365 days) from 2026-03-15 is exceeded", period(s200, days(365)), validity.ReasonLifetimeExceeded, 365},
		{"TV-6 Q9 certificate in 2011 has no limit, so passes", q9(t), 0, 367},
		{"TV-6 398 days from 2020-09-01", period(utc(2020, 9, 1, 0, 0, 0), days(398)), validity.ReasonLifetimeWarning, 398},
		{"TV-6 397 days from 2020-09-01", period(utc(2020, 9, 1, 0, 0, 0), days(397)), 0, 397},
		{"TV-6 399 days 1ns before 2020-09-01 is within 825", period(utc(2020, 9, 1, 0, 0, 0).Add(-time.Nanosecond), days(399)), 0, 399},
		{"TV-6 825 days from 2018-03-02", period(utc(2018, 3, 2, 0, 0, 0), days(825)), 0, 825},
		{"TV-6 826 days from 2018-03-02", period(utc(2018, 3, 2, 0, 0, 0), days(826)), validity.ReasonLifetimeExceeded, 826},
		{"TV-6 39 months from 2017-01-01", validity.Period{NotBefore: utc(2017, 1, 1, 0, 0, 0), NotAfter: utc(2020, 3, 31, 23, 59, 59)}, 0, 1186},
		{"TV-6 39 months and 1ns from 2017-01-01", validity.Period{NotBefore: utc(2017, 1, 1, 0, 0, 0), NotAfter: utc(2020, 3, 31, 23, 59, 59).Add(time.Nanosecond)}, validity.ReasonLifetimeExceeded, 1187},
		{"TV-6 100 days from 2027-03-15", period(utc(2027, 3, 15, 0, 0, 0), days(100)), validity.ReasonLifetimeWarning, 100},
		{"TV-6 99 days from 2027-03-15", period(utc(2027, 3, 15, 0, 0, 0), days(99)), 0, 99},
		{"TV-6 101 days from 2027-03-15", period(utc(2027, 3, 15, 0, 0, 0), days(101)), validity.ReasonLifetimeExceeded, 101},
		{"TV-6 47 days from 2029-03-15", period(utc(2029, 3, 15, 0, 0, 0), days(47)), validity.ReasonLifetimeWarning, 47},
		{"TV-6 46 days from 2029-03-15", period(utc(2029, 3, 15, 0, 0, 0), days(46)), 0, 46},
		{"TV-6 48 days from 2029-03-15", period(utc(2029, 3, 15, 0, 0, 0), days(48)), validity.ReasonLifetimeExceeded, 48},
		{"TV-6 inverted period", validity.Period{NotBefore: s200, NotAfter: s200.Add(-time.Second)}, validity.ReasonInvalidPeriod, 0},
		{"TV-6 zero period", validity.Period{}, validity.ReasonInvalidPeriod, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkLifetime(t, validity.CheckTLSServerPeriod(tt.p), tt.p, tt.want, tt.wantDays)
		})
	}
}

// checkLifetime checks an error of CheckTLSServer or CheckTLSServerPeriod.
func checkLifetime(t *testing.T, err error, p validity.Period, want validity.Reason, wantDays int) {
	t.Helper()
	if want == 0 {
		if err != nil {
			t.Errorf("got %v, want nil", err)
		}
		return
	}
	var le *validity.LifetimeError
	if !errors.As(err, &le) {
		t.Fatalf("got %v, want *LifetimeError", err)
	}
	sev := map[validity.Reason]validity.Severity{
		validity.ReasonLifetimeExceeded: validity.SeverityError,
		validity.ReasonLifetimeWarning:  validity.SeverityWarning,
		validity.ReasonInvalidPeriod:    validity.SeverityError,
		validity.ReasonCACertificate:    validity.SeverityInfo,
		validity.ReasonNotServerAuth:    validity.SeverityInfo,
		validity.ReasonNoLimit:          validity.SeverityInfo,
	}[want]
	wantErr := &validity.LifetimeError{
		Period: p, Length: p.Length(), Days: wantDays, Limit: validity.TLSServerLimit(p.NotBefore),
		Reason: want, Severity: sev,
	}
	if want == validity.ReasonInvalidPeriod {
		wantErr.Limit = validity.Limit{}
	}
	if diff := cmp.Diff(wantErr, le); diff != "" {
		t.Errorf("LifetimeError (-want +got):\n%s", diff)
	}
	sentinels := map[error]bool{
		validity.ErrLifetimeExceeded: want == validity.ReasonLifetimeExceeded,
		validity.ErrLifetimeWarning:  want == validity.ReasonLifetimeWarning,
		validity.ErrInvalidPeriod:    want == validity.ReasonInvalidPeriod,
		validity.ErrNotApplicable:    sev == validity.SeverityInfo,
		validity.ErrMalformed:        false,
	}
	for s, w := range sentinels {
		if got := errors.Is(err, s); got != w {
			t.Errorf("errors.Is(%v, %v) = %v, want %v", err, s, got, w)
		}
	}
}

func TestCheckTLSServer(t *testing.T) {
	nb := utc(2026, 3, 15, 0, 0, 0)
	ok := utc(2026, 9, 29, 23, 59, 59)  // 199 days
	max := utc(2026, 9, 30, 23, 59, 59) // 200 days
	long := utc(2026, 10, 1, 0, 0, 0)   // 201 days
	warn := utc(2026, 9, 30, 23, 59, 0) // 199 days and 59 minutes: 200 days
	serverAuth := []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}
	tests := []certCase{
		{"TV-6 199 days from 2026-03-15", certOpts{notBefore: nb, notAfter: ok, eku: serverAuth}, 0, 199},
		{"TV-6 200 days from 2026-03-15", certOpts{notBefore: nb, notAfter: max, eku: serverAuth}, validity.ReasonLifetimeWarning, 200},
		{"TV-6 201 days from 2026-03-15", certOpts{notBefore: nb, notAfter: long, eku: serverAuth}, validity.ReasonLifetimeExceeded, 201},
		{"TV-6 over 199 days from 2026-03-15", certOpts{notBefore: nb, notAfter: warn, eku: serverAuth}, validity.ReasonLifetimeWarning, 200},
		{"TV-6 no EKU is checked", certOpts{notBefore: nb, notAfter: long}, validity.ReasonLifetimeExceeded, 201},
		{"TV-6 anyExtendedKeyUsage is checked", certOpts{notBefore: nb, notAfter: long, eku: []x509.ExtKeyUsage{x509.ExtKeyUsageAny}}, validity.ReasonLifetimeExceeded, 201},
		{"TV-6 serverAuth among others is checked", certOpts{notBefore: nb, notAfter: long, eku: []x509.ExtKeyUsage{x509.ExtKeyUsageClientAuth, x509.ExtKeyUsageServerAuth}}, validity.ReasonLifetimeExceeded, 201},
		{"TV-6 CA certificate is not measured", certOpts{notBefore: nb, notAfter: utc(2036, 3, 15, 0, 0, 0), isCA: true}, 0, 3654},
		{"TV-6 client certificate is not measured", certOpts{notBefore: nb, notAfter: long, eku: []x509.ExtKeyUsage{x509.ExtKeyUsageClientAuth}}, 0, 201},
		{"TV-6 unknown EKU only is not measured", certOpts{notBefore: nb, notAfter: long, unknownEKU: true}, 0, 201},
		{"TV-6 Q9 certificate has no limit", certOpts{notBefore: utc(2011, 12, 10, 0, 0, 0), notAfter: utc(2012, 12, 10, 23, 59, 59), eku: serverAuth}, 0, 367},
		{"TV-6 398 days 1ns before 2026-03-15 is a warning", certOpts{notBefore: nb.Add(-time.Nanosecond), notAfter: nb.Add(398*24*time.Hour - time.Second - time.Nanosecond), eku: serverAuth}, validity.ReasonLifetimeWarning, 398},
	}
	runCertCases(t, validity.CheckTLSServer, tests)
}

func TestTLSServerApplies(t *testing.T) {
	nb := utc(2026, 3, 15, 0, 0, 0)
	long := utc(2026, 10, 1, 0, 0, 0) // 201 days
	serverAuth := []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}
	tests := []certCase{
		{"TV-6 subscriber server certificate applies", certOpts{notBefore: nb, notAfter: long, eku: serverAuth}, 0, 201},
		{"TV-6 no EKU applies", certOpts{notBefore: nb, notAfter: long}, 0, 201},
		{"TV-6 CA certificate does not apply", certOpts{notBefore: nb, notAfter: utc(2036, 3, 15, 0, 0, 0), isCA: true}, validity.ReasonCACertificate, 3654},
		{"TV-6 client certificate does not apply", certOpts{notBefore: nb, notAfter: long, eku: []x509.ExtKeyUsage{x509.ExtKeyUsageClientAuth}}, validity.ReasonNotServerAuth, 201},
		{"TV-6 unknown EKU only does not apply", certOpts{notBefore: nb, notAfter: long, unknownEKU: true}, validity.ReasonNotServerAuth, 201},
		{"TV-6 issued before 2016-07-02 has no limit", certOpts{notBefore: utc(2016, 7, 1, 23, 59, 59), notAfter: utc(2026, 7, 1, 0, 0, 0), eku: serverAuth}, validity.ReasonNoLimit, 3652},
		{"TV-6 issued at 2016-07-02 applies", certOpts{notBefore: utc(2016, 7, 2, 0, 0, 0), notAfter: utc(2026, 7, 1, 0, 0, 0), eku: serverAuth}, 0, 3651},
	}
	runCertCases(t, validity.TLSServerApplies, tests)
}

// A certCase is a certificate built from o and the Reason (0: nil) and
// length in days that a check of it must report.
type certCase struct {
	name     string
	o        certOpts
	want     validity.Reason
	wantDays int
}

// runCertCases runs check on each case's certificate, and on a nil
// certificate, which is an invalid period.
func runCertCases(t *testing.T, check func(*x509.Certificate) error, tests []certCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cert := newCert(t, tt.o)
			checkLifetime(t, check(cert), validity.Of(cert), tt.want, tt.wantDays)
		})
	}
	t.Run("TV-6 nil certificate is an invalid period", func(t *testing.T) {
		checkLifetime(t, check(nil), validity.Period{}, validity.ReasonInvalidPeriod, 0)
	})
}

func TestLifetimeErrorMessages(t *testing.T) {
	s200 := utc(2026, 3, 15, 0, 0, 0)
	check := validity.CheckTLSServerPeriod
	q9 := newCert(t, certOpts{notBefore: utc(2011, 12, 10, 0, 0, 0), notAfter: utc(2012, 12, 10, 23, 59, 59)})
	ca := newCert(t, certOpts{notBefore: s200, notAfter: utc(2036, 3, 15, 0, 0, 0), isCA: true})
	tests := []struct {
		name string
		err  error
		want string
	}{
		{"TV-6 exceeded", check(validity.Period{NotBefore: s200, NotAfter: utc(2026, 10, 1, 0, 0, 0)}),
			"validity: lifetime of 201 days (2026-03-15T00:00:00Z through 2026-10-01T00:00:00Z) exceeds the maximum of 200 days (BR 6.3.2, ballot SC-081: issued on or after 15 March 2026, 200 days (SHOULD 199))"},
		{"TV-6 warning", check(validity.Period{NotBefore: s200, NotAfter: utc(2026, 9, 30, 0, 0, 0)}),
			"validity: lifetime of 200 days (2026-03-15T00:00:00Z through 2026-09-30T00:00:00Z) exceeds the recommended maximum of 199 days (BR 6.3.2, ballot SC-081: issued on or after 15 March 2026, 200 days (SHOULD 199))"},
		{"TV-6 months", check(validity.Period{NotBefore: utc(2017, 1, 1, 0, 0, 0), NotAfter: utc(2020, 4, 1, 0, 0, 0)}),
			"validity: lifetime of 1187 days (2017-01-01T00:00:00Z through 2020-04-01T00:00:00Z) exceeds the maximum of 39 months (BR 6.3.2: issued after 1 July 2016 (and, from ballot 193, prior to 1 March 2018), 39 months; after 1 April 2015 with exceptions in earlier BRs)"},
		{"TV-6 invalid", check(validity.Period{NotBefore: s200}), "validity: invalid period: notBefore 2026-03-15T00:00:00Z, notAfter 0001-01-01T00:00:00Z"},
		{"TV-6 no limit", validity.TLSServerApplies(q9), "validity: lifetime not checked: no limit known for notBefore 2011-12-10T00:00:00Z"},
		{"TV-6 CA certificate", validity.TLSServerApplies(ca), "validity: lifetime not checked: CA certificate"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.err == nil {
				t.Fatal("got nil error")
			}
			if diff := cmp.Diff(tt.want, tt.err.Error()); diff != "" {
				t.Errorf("message (-want +got):\n%s", diff)
			}
		})
	}
}
