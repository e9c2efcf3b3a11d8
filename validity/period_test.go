package validity_test

import (
	"errors"
	"math"
	"testing"
	"time"

	"github.com/certlife/certlife/tz"
	"github.com/certlife/certlife/validity"
	"github.com/google/go-cmp/cmp"
)

// q9 is the certificate of the server FAQ's Q9 (TV-2), read from the CA's
// text.
func q9(t testing.TB) validity.Period {
	return validity.Period{
		NotBefore: mustParse(t, "12/10/2011 00:00:00 GMT"),
		NotAfter:  mustParse(t, "12/10/2012 23:59:59 GMT"),
	}
}

func TestTV2WorkedExample(t *testing.T) {
	p := q9(t)
	cert := newCert(t, certOpts{notBefore: p.NotBefore, notAfter: p.NotAfter})
	got := validity.Of(cert)
	if !got.Equal(p) {
		t.Fatalf("Of(cert) = %v, want %v", got, p)
	}
	type result struct {
		JST, UTC         string
		FirstJST, EndJST time.Time
		Days             int
		Length           time.Duration
	}
	want := result{
		JST:      "2011-12-10 09:00:00 JST – 2012-12-11 08:59:59 JST",
		UTC:      "2011-12-10 00:00:00 UTC – 2012-12-10 23:59:59 UTC",
		FirstJST: jst(2011, 12, 10, 9, 0, 0),
		EndJST:   jst(2012, 12, 11, 8, 59, 59),
		Days:     367,
		Length:   367 * 24 * time.Hour,
	}
	in := got.In(tz.JST)
	res := result{
		JST:      got.Format(tz.JST),
		UTC:      got.String(),
		FirstJST: in.NotBefore,
		EndJST:   in.NotAfter,
		Days:     got.Days(),
		Length:   got.Length(),
	}
	if diff := cmp.Diff(want, res); diff != "" {
		t.Errorf("TV-2 Q9 certificate (-want +got):\n%s", diff)
	}
	// TV-2: the end crosses into the next JST day.
	if d := tz.DateOf(got.NotAfter, tz.JST); d != tz.NewDate(2012, 12, 11) {
		t.Errorf("TV-2 last JST day = %v, want 2012-12-11", d)
	}
}

// TestTV4Shapes reads the Q9 end in the shapes TV-4 lists; every one gives
// the same Period, and an unknown zone is refused rather than read as UTC.
func TestTV4Shapes(t *testing.T) {
	want := q9(t)
	for _, s := range []string{
		"12/10/2012 23:59:59 GMT",
		"Dec 10 23:59:59 2012 GMT",
		"2012-12-10T23:59:59Z",
		"2012/12/11 08:59:59 JST",
		"2012年12月11日 8時59分59秒",
	} {
		t.Run("TV-4 "+s, func(t *testing.T) {
			p := validity.Period{NotBefore: want.NotBefore, NotAfter: mustParse(t, s)}
			if !p.Equal(want) || p.Days() != 367 {
				t.Errorf("Period with notAfter %q = %v (%d days), want %v (367 days)", s, p, p.Days(), want)
			}
		})
	}
	t.Run("TV-4 unknown zone is an error", func(t *testing.T) {
		if _, err := tz.Parse("12/10/2012 23:59:59 XST"); err == nil {
			t.Error("tz.Parse accepted an unknown zone")
		}
	})
}

func TestContains(t *testing.T) {
	p := q9(t)
	// A period ending at the last nanosecond of a JST day.
	jstDay := validity.Period{
		NotBefore: jst(2024, 2, 29, 0, 0, 0),
		NotAfter:  jst(2024, 3, 1, 0, 0, 0).Add(-time.Nanosecond),
	}
	tests := []struct {
		name   string
		p      validity.Period
		at     time.Time
		want   bool
		reason string
	}{
		{"TV-3 notBefore itself", p, p.NotBefore, true, "both ends are included"},
		{"TV-3 1ns before notBefore", p, p.NotBefore.Add(-time.Nanosecond), false, ""},
		{"TV-3 1ns after notBefore", p, p.NotBefore.Add(time.Nanosecond), true, ""},
		{"TV-3 notAfter itself", p, p.NotAfter, true, "both ends are included"},
		{"TV-3 1ns before notAfter", p, p.NotAfter.Add(-time.Nanosecond), true, ""},
		{"TV-3 1ns after notAfter", p, p.NotAfter.Add(time.Nanosecond), false, "valid iff t <= notAfter"},
		{"TV-2 last second in JST", p, jst(2012, 12, 11, 8, 59, 59), true, "2012-12-10 23:59:59 GMT"},
		{"TV-2 first second in JST", p, jst(2011, 12, 10, 9, 0, 0), true, "2011-12-10 00:00:00 GMT"},
		{"TV-2 JST 08:59:59 on 2011-12-10", p, jst(2011, 12, 10, 8, 59, 59), false, "one second before notBefore"},
		{"TV-2 JST 09:00:00 on 2012-12-11", p, jst(2012, 12, 11, 9, 0, 0), false, "one second after notAfter"},
		{"TV-3 last nanosecond of a JST day (29 February)", jstDay, jst(2024, 3, 1, 0, 0, 0).Add(-time.Nanosecond), true, ""},
		{"TV-3 first nanosecond of the next JST day", jstDay, jst(2024, 3, 1, 0, 0, 0), false, ""},
		{"TV-3 zero time", p, time.Time{}, false, "a caller bug, never now"},
		{"TV-3 inverted period", validity.Period{NotBefore: p.NotAfter, NotAfter: p.NotBefore}, p.NotAfter, false, "not a period"},
		{"TV-3 zero period", validity.Period{}, p.NotBefore, false, "not a period"},
		{"TV-3 one-instant period", validity.Period{NotBefore: p.NotAfter, NotAfter: p.NotAfter}, p.NotAfter, true, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.p.Contains(tt.at); got != tt.want {
				t.Errorf("%v.Contains(%v) = %v, want %v (%s)", tt.p, tt.at, got, tt.want, tt.reason)
			}
		})
	}
}

func TestLengthDays(t *testing.T) {
	nb := utc(2026, 3, 15, 0, 0, 0)
	tests := []struct {
		name       string
		p          validity.Period
		wantLength time.Duration
		wantDays   int
		reason     string
	}{
		{"TV-3 Q9 certificate is 367 days", q9(t), 367 * 24 * time.Hour, 367, "2012 is a leap year"},
		{"TV-3 one second", validity.Period{NotBefore: nb, NotAfter: nb}, time.Second, 1, "notAfter - notBefore + 1 s"},
		{"TV-6 00:00:00 to 23:59:59 is one day", validity.Period{NotBefore: nb, NotAfter: utc(2026, 3, 15, 23, 59, 59)}, 24 * time.Hour, 1, ""},
		{"TV-6 00:00:00 to next 00:00:00 is two days", validity.Period{NotBefore: nb, NotAfter: utc(2026, 3, 16, 0, 0, 0)}, 24*time.Hour + time.Second, 2, "one second of excess is a day"},
		{"TV-6 one nanosecond of excess is a day", validity.Period{NotBefore: nb, NotAfter: utc(2026, 3, 15, 23, 59, 59).Add(time.Nanosecond)}, 24*time.Hour + time.Nanosecond, 2, ""},
		{"TV-6 JST day to its last nanosecond is two days", validity.Period{NotBefore: jst(2026, 3, 15, 0, 0, 0), NotAfter: jst(2026, 3, 16, 0, 0, 0).Add(-time.Nanosecond)}, 24*time.Hour + time.Second - time.Nanosecond, 2, "the +1 s of TV-3 meets a sub-second end"},
		{"TV-6 200 days from 2026-03-15", validity.Period{NotBefore: nb, NotAfter: utc(2026, 9, 30, 23, 59, 59)}, 200 * 24 * time.Hour, 200, ""},
		{"TV-3 over 29 February 2028", validity.Period{NotBefore: utc(2028, 2, 28, 0, 0, 0), NotAfter: utc(2028, 3, 1, 23, 59, 59)}, 3 * 24 * time.Hour, 3, "28, 29 Feb and 1 Mar"},
		{"TV-3 fractional start", validity.Period{NotBefore: nb.Add(500 * time.Millisecond), NotAfter: utc(2026, 3, 15, 23, 59, 59)}, 24*time.Hour - 500*time.Millisecond, 1, "borrow from seconds"},
		{"TV-5 no well-defined expiration", validity.Period{NotBefore: nb, NotAfter: utc(9999, 12, 31, 23, 59, 59)}, math.MaxInt64, 2912370, "Length saturates, Days does not"},
		{"TV-3 inverted period has no length", validity.Period{NotBefore: nb, NotAfter: nb.Add(-time.Nanosecond)}, 0, 0, ""},
		{"TV-3 zero period has no length", validity.Period{}, 0, 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.p.Length(); got != tt.wantLength {
				t.Errorf("%v.Length() = %v, want %v (%s)", tt.p, got, tt.wantLength, tt.reason)
			}
			if got := tt.p.Days(); got != tt.wantDays {
				t.Errorf("%v.Days() = %v, want %v (%s)", tt.p, got, tt.wantDays, tt.reason)
			}
		})
	}
}

func TestStatusCheckRemaining(t *testing.T) {
	p := q9(t)
	tests := []struct {
		name          string
		p             validity.Period
		at            time.Time
		wantStatus    validity.Status
		wantReason    validity.Reason // 0: Check returns nil
		wantRemaining time.Duration
	}{
		{"TV-3 1ns before notBefore", p, p.NotBefore.Add(-time.Nanosecond), validity.NotYetValid, validity.ReasonNotYetValid, 367 * 24 * time.Hour},
		{"TV-3 at notBefore", p, p.NotBefore, validity.Valid, 0, 367 * 24 * time.Hour},
		{"TV-3 at notAfter", p, p.NotAfter, validity.Valid, 0, time.Second},
		{"TV-3 1ns after notAfter", p, p.NotAfter.Add(time.Nanosecond), validity.Expired, validity.ReasonExpired, 0},
		{"TV-2 last JST second", p, jst(2012, 12, 11, 8, 59, 59), validity.Valid, 0, time.Second},
		{"TV-2 one day left in JST", p, jst(2012, 12, 10, 9, 0, 0), validity.Valid, 0, 24 * time.Hour},
		{"TV-3 zero time is unknown, never now", p, time.Time{}, validity.Unknown, validity.ReasonZeroTime, 0},
		{"TV-3 inverted period is unknown", validity.Period{NotBefore: p.NotAfter, NotAfter: p.NotBefore}, p.NotBefore, validity.Unknown, validity.ReasonInvalidPeriod, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.p.Status(tt.at); got != tt.wantStatus {
				t.Errorf("Status(%v) = %v, want %v", tt.at, got, tt.wantStatus)
			}
			if got := tt.p.Remaining(tt.at); got != tt.wantRemaining {
				t.Errorf("Remaining(%v) = %v, want %v", tt.at, got, tt.wantRemaining)
			}
			err := tt.p.Check(tt.at)
			if tt.wantReason == 0 {
				if err != nil {
					t.Errorf("Check(%v) = %v, want nil", tt.at, err)
				}
				return
			}
			var pe *validity.PeriodError
			if !errors.As(err, &pe) {
				t.Fatalf("Check(%v) = %v, want *PeriodError", tt.at, err)
			}
			want := &validity.PeriodError{Period: tt.p, At: tt.at, Reason: tt.wantReason}
			if diff := cmp.Diff(want, pe); diff != "" {
				t.Errorf("Check(%v) (-want +got):\n%s", tt.at, diff)
			}
			if got, want := errors.Is(err, validity.ErrInvalidPeriod), tt.wantReason == validity.ReasonInvalidPeriod; got != want {
				t.Errorf("errors.Is(%v, ErrInvalidPeriod) = %v, want %v", err, got, want)
			}
		})
	}
}

func TestFormat(t *testing.T) {
	p := q9(t)
	tests := []struct {
		name string
		p    validity.Period
		loc  *time.Location
		want string
	}{
		{"TV-2 in JST", p, tz.JST, "2011-12-10 09:00:00 JST – 2012-12-11 08:59:59 JST"},
		{"TV-1 nil zone means JST, never the host's", p, nil, "2011-12-10 09:00:00 JST – 2012-12-11 08:59:59 JST"},
		{"TV-1 in UTC", p, tz.UTC, "2011-12-10 00:00:00 UTC – 2012-12-10 23:59:59 UTC"},
		{"TV-1 unnamed zone prints its offset", p, time.FixedZone("", -8*3600), "2011-12-09 16:00:00 -0800 – 2012-12-10 15:59:59 -0800"},
		{"TV-3 fraction printed only when present", validity.Period{NotBefore: p.NotBefore, NotAfter: p.NotAfter.Add(999999999)}, tz.UTC, "2011-12-10 00:00:00 UTC – 2012-12-10 23:59:59.999999999 UTC"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, tt.p.Format(tt.loc)); diff != "" {
				t.Errorf("Format (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff("x:"+tt.want, string(tt.p.AppendFormat([]byte("x:"), tt.loc))); diff != "" {
				t.Errorf("AppendFormat (-want +got):\n%s", diff)
			}
		})
	}
	if got, want := p.In(nil).NotAfter.Location(), tz.JST; got != want {
		t.Errorf("TV-1 In(nil) zone = %v, want JST", got)
	}
}

func TestStatusString(t *testing.T) {
	got := []string{}
	for _, s := range []validity.Status{validity.Unknown, validity.NotYetValid, validity.Valid, validity.Expired, 9, -1} {
		got = append(got, s.String())
	}
	want := []string{"unknown", "not yet valid", "valid", "expired", "Status(9)", "Status(-1)"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Status.String (-want +got):\n%s", diff)
	}
}

// TestPeriodAllocs pins the Period methods that callers use on hot paths
// to zero allocations.
func TestPeriodAllocs(t *testing.T) {
	p := q9(t)
	at := jst(2012, 6, 1, 12, 0, 0)
	var sink int
	n := testing.AllocsPerRun(100, func() {
		sink += int(p.Status(at))
		sink += int(p.Length())
		sink += p.Days()
		sink += int(p.Remaining(at))
		if p.Contains(at) {
			sink++
		}
		if p.Check(at) != nil {
			sink++
		}
		sink += p.In(tz.JST).NotAfter.Day()
	})
	if n != 0 {
		t.Errorf("TV-3 Period methods allocate %v times per run, want 0", n)
	}
	_ = sink
}
