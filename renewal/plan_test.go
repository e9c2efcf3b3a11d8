package renewal

import (
	"errors"
	"math/big"
	"testing"
	"time"

	"github.com/certlife/certlife/tz"
	"github.com/certlife/certlife/validity"
	"github.com/google/go-cmp/cmp"
)

// lifetime returns a held certificate for www.example.jp from nb lasting
// d (TV-3: notAfter = nb + d - 1 s).
func lifetime(nb time.Time, d time.Duration) Held {
	return Held{Subject: subject("www.example.jp"), NotBefore: nb, NotAfter: nb.Add(d - time.Second), SerialNumber: big.NewInt(0x5eed)}
}

// next returns the NextCertificate issued at nb, ending at na, capped by
// c, as Plan computes it.
func next(nb, na time.Time, c Cap) NextCertificate {
	return NextCertificate{NotBefore: nb, NotAfter: na, Capped: c, Limit: validity.TLSServerLimit(nb),
		Days: validity.Period{NotBefore: nb, NotAfter: na}.Days()}
}

type planCase struct {
	name string
	why  string // the hand check: how the expected instants were worked out
	h    Held
	at   time.Time
	p    Policy
	opts []Option
	want Schedule
	// wantErr, when set, is the Reason of the *Error or the
	// ScheduleReason of the *ScheduleError expected.
	wantReason         Reason
	wantScheduleReason ScheduleReason
}

func planCases() []planCase {
	w := func(c WarningCode) Warning { return Warning{Code: c} }
	day := 24 * time.Hour
	seed, acme := SeedCA.Policy(), ACME.Policy()
	y2025 := lifetime(utc(2025, 3, 1, 0, 0, 0), 398*day) // notAfter 2026-04-02T23:59:59Z
	y2026 := lifetime(utc(2025, 12, 1, 0, 0, 0), 398*day)
	d47 := lifetime(utc(2029, 4, 2, 0, 0, 0), 47*day)
	le160 := lifetime(utc(2026, 9, 1, 0, 0, 0), 160*time.Hour)
	d6 := lifetime(utc(2026, 10, 5, 0, 0, 0), 6*day)
	return []planCase{
		{
			name: "RN-10 TV-6 398-day certificate issued in 2025, yearly cadence ends 2026-03-15",
			why:  "due with a third left: 2026-04-03T00:00Z - 132d16h; its 398-day successor would itself be due after 2026-03-15",
			h:    y2025, at: utc(2025, 6, 1, 0, 0, 0), p: seed,
			want: Schedule{
				Opens: jst(2025, 4, 1, 0, 0, 0, 0), Due: utc(2025, 11, 21, 8, 0, 0), DueRule: DueFraction,
				Deadline: utc(2026, 3, 26, 23, 59, 59),
				Next:     next(utc(2025, 11, 21, 8, 0, 0), utc(2026, 12, 24, 7, 59, 59), CapNone),
				Warnings: []Warning{w(WarnLimitShrinks)},
			},
		},
		{
			name: "RN-10 TV-6 398-day certificate due after 2026-03-15 can be renewed for 200 days only",
			why:  "due 2026-08-23T08:00Z; 2026-08-23T08:00Z + 200 d - 1 s is 2027-03-11T07:59:59Z",
			h:    y2026, at: utc(2026, 6, 1, 0, 0, 0), p: seed,
			want: Schedule{
				Opens: jst(2026, 1, 1, 0, 0, 0, 0), Due: utc(2026, 8, 23, 8, 0, 0), DueRule: DueFraction,
				Deadline: utc(2026, 12, 26, 23, 59, 59),
				Next:     next(utc(2026, 8, 23, 8, 0, 0), utc(2027, 3, 11, 7, 59, 59), CapTV6),
				Warnings: []Warning{w(WarnLifetimeExceedsLimit)},
			},
		},
		{
			name: "RN-10 TV-6 47-day certificate issued in 2029 under the seed CA",
			why:  "2029-05-19T00:00Z - 15d16h; the 30-day wait opens 2029-05-03 00:00 JST, 8 hours earlier",
			h:    d47, at: utc(2029, 4, 10, 0, 0, 0), p: seed,
			want: Schedule{
				Opens: jst(2029, 5, 3, 0, 0, 0, 0), Due: utc(2029, 5, 3, 8, 0, 0), DueRule: DueFraction,
				Deadline: utc(2029, 5, 11, 23, 59, 59),
				Next:     next(utc(2029, 5, 3, 8, 0, 0), utc(2029, 6, 19, 7, 59, 59), CapNone),
			},
		},
		{
			name: "RN-12 RN-11 160-hour Let's Encrypt certificate under the seed CA's 30-day wait has no schedule",
			why:  "issued 2026-09-01 09:00 JST, it expires 2026-09-08 00:59:59 JST; the wait opens 2026-10-02 00:00 JST: no Due after expiry",
			h:    le160, at: utc(2026, 9, 2, 0, 0, 0), p: seed,
			wantScheduleReason: ScheduleOpensAfterExpiry,
		},
		{
			name: "RN-12 RN-11 160-hour Let's Encrypt certificate under ACME renews at half its life",
			why: "no wait; half of 160 h left: 2026-09-07T16:00Z - 80h = 2026-09-04T08:00Z; margin a sixth, 26h40m: " +
				"deadline 2026-09-06T13:19:59Z; next 160 h from Due; 160 h is short-lived under the BRs (at most 7 days from 2026-03-15)",
			h: le160, at: utc(2026, 9, 2, 0, 0, 0), p: acme,
			want: Schedule{
				Opens: utc(2026, 9, 1, 0, 0, 0), Due: utc(2026, 9, 4, 8, 0, 0), DueRule: DueShortLived,
				Deadline: utc(2026, 9, 6, 13, 19, 59), ShortLived: true,
				Next: next(utc(2026, 9, 4, 8, 0, 0), utc(2026, 9, 10, 23, 59, 59), CapNone),
			},
		},
		{
			name: "RN-12 RN-11 6-day certificate under ACME",
			why:  "half of 6 days left: 2026-10-11T00:00Z - 3 d; margin 6 d / 6 = 1 d",
			h:    d6, at: utc(2026, 10, 5, 0, 0, 0), p: acme,
			want: Schedule{
				Opens: utc(2026, 10, 5, 0, 0, 0), Due: utc(2026, 10, 8, 0, 0, 0), DueRule: DueShortLived,
				Deadline: utc(2026, 10, 9, 23, 59, 59), ShortLived: true,
				Next: next(utc(2026, 10, 8, 0, 0, 0), utc(2026, 10, 13, 23, 59, 59), CapNone),
			},
		},
		{
			name: "RN-10 RN-11 47-day certificate under ACME renews with a third left",
			why:  "47 days is over the 10-day threshold: due 2029-05-19T00:00Z - 15d16h; margin a week (47 d / 6 is more)",
			h:    d47, at: utc(2029, 4, 10, 0, 0, 0), p: acme,
			want: Schedule{
				Opens: utc(2029, 4, 2, 0, 0, 0), Due: utc(2029, 5, 3, 8, 0, 0), DueRule: DueFraction,
				Deadline: utc(2029, 5, 11, 23, 59, 59),
				Next:     next(utc(2029, 5, 3, 8, 0, 0), utc(2029, 6, 19, 7, 59, 59), CapNone),
			},
		},
		{
			name: "RN-11 JPRS next notAfter is the month end 5 months after issue on the 1st of the expiry month",
			why: "held 2026-04-01 00:00 JST to 2026-09-30 23:59:59 JST; renewal opens 2026-07-01 JST (1st, two months before); " +
				"due with a third left 2026-08-01 00:00 JST; issued from 2026-09-01 JST (expiry month); " +
				"2026-09-01 + 5 months is 2027-02-01, month end 2027-02-28 23:59:59 JST (JPRS notice of 2025-11-27: 5カ月後の月末)",
			h:  Held{Subject: subject("www.example.jp"), NotBefore: jst(2026, 4, 1, 0, 0, 0, 0), NotAfter: jst(2026, 9, 30, 23, 59, 59, 0)},
			at: jst(2026, 6, 1, 0, 0, 0, 0), p: JPRS.Policy(),
			want: Schedule{
				Opens: jst(2026, 7, 1, 0, 0, 0, 0), Due: jst(2026, 8, 1, 0, 0, 0, 0), DueRule: DueFraction,
				Deadline: jst(2026, 9, 23, 23, 59, 59, 0),
				Next:     next(jst(2026, 9, 1, 0, 0, 0, 0), jst(2027, 2, 28, 23, 59, 59, 0), CapNone),
			},
		},
		{
			name: "RN-11 SECOM issues when fewer than 30 days are left and carries all over, cut at 200 days",
			why: "held 2025-11-01 00:00 JST to 2026-12-01 23:59:59 JST (396 d); opens 90 days before, 2026-09-02 JST, after the third-left instant; " +
				"issued from 2026-11-02 JST (29 days left); 396 d from 2026-12-02 JST is cut to 2026-11-02 JST + 200 d - 1 s = 2027-05-20 23:59:59 JST",
			h:  Held{Subject: subject("www.example.jp"), NotBefore: jst(2025, 11, 1, 0, 0, 0, 0), NotAfter: jst(2026, 12, 1, 23, 59, 59, 0)},
			at: jst(2026, 6, 1, 0, 0, 0, 0), p: SECOM.Policy(),
			want: Schedule{
				Opens: jst(2026, 9, 2, 0, 0, 0, 0), Due: jst(2026, 9, 2, 0, 0, 0, 0), DueRule: DueOpens,
				Deadline: jst(2026, 11, 24, 23, 59, 59, 0),
				Next:     next(jst(2026, 11, 2, 0, 0, 0, 0), jst(2027, 5, 20, 23, 59, 59, 0), CapTV6),
				Warnings: []Warning{w(WarnCarryOverCut), w(WarnLifetimeExceedsLimit)},
			},
		},
		{
			name: "RN-11 Cybertrust next notAfter is the month end 5 months after issue",
			why: "held 2026-04-20 10:00 JST to 2026-09-30 23:59:59 JST (163d14h); due with a third (54d12h40m) left: 2026-08-07 11:20 JST; " +
				"opens 90 days before, 2026-07-02 JST; 2026-08-07 + 5 months is 2027-01-07, month end 2027-01-31 23:59:59 JST",
			h:  Held{Subject: subject("www.example.jp"), NotBefore: jst(2026, 4, 20, 10, 0, 0, 0), NotAfter: jst(2026, 9, 30, 23, 59, 59, 0)},
			at: jst(2026, 6, 1, 0, 0, 0, 0), p: Cybertrust.Policy(),
			want: Schedule{
				Opens: jst(2026, 7, 2, 0, 0, 0, 0), Due: jst(2026, 8, 7, 11, 20, 0, 0), DueRule: DueFraction,
				Deadline: jst(2026, 9, 23, 23, 59, 59, 0),
				Next:     next(jst(2026, 8, 7, 11, 20, 0, 0), jst(2027, 1, 31, 23, 59, 59, 0), CapNone),
			},
		},
		{
			name: "RN-11 GlobalSign carries over up to its 199-day maximum",
			why: "held 2026-04-01T00:00Z for 199 d; due 2026-10-17T00:00Z - 66d8h = 2026-08-11T16:00Z; opens 90 days before 2026-10-17 JST; " +
				"term from the held notAfter would end 2027-05-03, cut to 2026-08-11T16:00Z + 199 d - 1 s = 2027-02-26T15:59:59Z (one-year contract = 2 × 199 days)",
			h:  lifetime(utc(2026, 4, 1, 0, 0, 0), 199*day),
			at: utc(2026, 6, 1, 0, 0, 0), p: GlobalSign.Policy(),
			want: Schedule{
				Opens: jst(2026, 7, 19, 0, 0, 0, 0), Due: utc(2026, 8, 11, 16, 0, 0), DueRule: DueFraction,
				Deadline: utc(2026, 10, 9, 23, 59, 59),
				Next:     next(utc(2026, 8, 11, 16, 0, 0), utc(2027, 2, 26, 15, 59, 59), CapCA),
			},
		},
		{
			name: "RN-11 DigiCert transfers validity up to 199 days, counting days in UTC",
			why: "held 2026-05-10T00:00Z for 199 d (notAfter 2026-11-24T23:59:59Z); opens 90 days before 2026-11-24 UTC: 2026-08-26T00:00Z; " +
				"due 2026-11-25T00:00Z - 66d8h = 2026-09-19T16:00Z; cut to + 199 d - 1 s = 2027-04-06T15:59:59Z",
			h:  lifetime(utc(2026, 5, 10, 0, 0, 0), 199*day),
			at: utc(2026, 6, 1, 0, 0, 0), p: DigiCert.Policy(),
			want: Schedule{
				Opens: utc(2026, 8, 26, 0, 0, 0), Due: utc(2026, 9, 19, 16, 0, 0), DueRule: DueFraction,
				Deadline: utc(2026, 11, 17, 23, 59, 59),
				Next:     next(utc(2026, 9, 19, 16, 0, 0), utc(2027, 4, 6, 15, 59, 59), CapCA),
			},
		},
		{
			name: "RN-10 due with half left never before renewal opens",
			why:  "23.5 days after issue is before the 30-day wait of RN-3",
			h:    d47, at: utc(2029, 4, 10, 0, 0, 0), p: seed, opts: []Option{DueWhenRemaining(0.5)},
			want: Schedule{
				Opens: jst(2029, 5, 3, 0, 0, 0, 0), Due: jst(2029, 5, 3, 0, 0, 0, 0), DueRule: DueOpens,
				Deadline: utc(2029, 5, 11, 23, 59, 59),
				Next:     next(jst(2029, 5, 3, 0, 0, 0, 0), jst(2029, 5, 3, 0, 0, 0, 0).Add(47*day-time.Second), CapNone),
			},
		},
		{
			name: "RN-10 due never after the deadline",
			why:  "a 2-day margin puts the deadline at 2029-05-16T23:59:59Z, before the instant 1% is left (2029-05-18T12:43:12Z)",
			h:    d47, at: utc(2029, 4, 10, 0, 0, 0), p: seed, opts: []Option{SafetyMargin(2 * day), DueWhenRemaining(0.01)},
			want: Schedule{
				Opens: jst(2029, 5, 3, 0, 0, 0, 0), Due: utc(2029, 5, 16, 23, 59, 59), DueRule: DueDeadline,
				Deadline: utc(2029, 5, 16, 23, 59, 59),
				Next:     next(utc(2029, 5, 16, 23, 59, 59), utc(2029, 5, 16, 23, 59, 59).Add(47*day-time.Second), CapNone),
			},
		},
		{
			name: "RN-12 a safety margin is cut to a sixth of the lifetime",
			why:  "16 days before the end of a 47-day certificate would be before renewal opens; 47 d / 6 = 7d20h",
			h:    d47, at: utc(2029, 4, 10, 0, 0, 0), p: seed, opts: []Option{SafetyMargin(16 * day)},
			want: Schedule{
				Opens: jst(2029, 5, 3, 0, 0, 0, 0), Due: utc(2029, 5, 3, 8, 0, 0), DueRule: DueFraction,
				Deadline: utc(2029, 5, 11, 3, 59, 59),
				Next:     next(utc(2029, 5, 3, 8, 0, 0), utc(2029, 6, 19, 7, 59, 59), CapNone),
				Warnings: []Warning{w(WarnMarginCapped)},
			},
		},
		{
			name: "RN-10 RN-3 elapsed policy opens 30×24h after issue",
			h:    d47, at: utc(2029, 4, 10, 0, 0, 0), p: elapsed(),
			want: Schedule{
				Opens: utc(2029, 5, 2, 0, 0, 0), Due: utc(2029, 5, 3, 8, 0, 0), DueRule: DueFraction,
				Deadline: utc(2029, 5, 11, 23, 59, 59),
				Next:     next(utc(2029, 5, 3, 8, 0, 0), utc(2029, 6, 19, 7, 59, 59), CapNone),
			},
		},
		{
			name: "RN-10 an expired certificate still gets its schedule, every instant in the past",
			h:    d47, at: utc(2030, 1, 1, 0, 0, 0), p: acme,
			want: Schedule{
				Opens: utc(2029, 4, 2, 0, 0, 0), Due: utc(2029, 5, 3, 8, 0, 0), DueRule: DueFraction,
				Deadline: utc(2029, 5, 11, 23, 59, 59),
				Next:     next(utc(2029, 5, 3, 8, 0, 0), utc(2029, 6, 19, 7, 59, 59), CapNone),
			},
		},
		// Bad input.
		{name: "RN-10 TV-3 no validity is an error", h: Held{NotBefore: utc(2029, 4, 2, 0, 0, 0)}, at: utc(2029, 4, 2, 0, 0, 0), p: seed, wantReason: ReasonNoValidity},
		{name: "RN-10 TV-3 notAfter before notBefore is an error", h: Held{NotBefore: utc(2029, 4, 2, 0, 0, 0), NotAfter: utc(2029, 4, 1, 0, 0, 0)}, at: utc(2029, 4, 2, 0, 0, 0), p: seed, wantReason: ReasonNoValidity},
		{name: "RN-10 a zero instant is an error, not now", h: d47, p: seed, wantReason: ReasonZeroTime},
		{name: "RN-11 the zero Policy is an error, not a 30-day default", h: d47, at: utc(2029, 4, 10, 0, 0, 0), wantReason: ReasonBadPolicy},
		{name: "RN-11 a wait of 2^63-1 days is an error, not an overflow", h: d47, at: utc(2029, 4, 10, 0, 0, 0),
			p: with(func(p *Policy) { p.Opens.N = 1<<63 - 1 }), wantReason: ReasonBadPolicy},
		{name: "RN-10 a fraction left of 1.5 is an error", h: d47, at: utc(2029, 4, 10, 0, 0, 0), p: seed, opts: []Option{DueWhenRemaining(1.5)}, wantReason: ReasonBadOption},
		{name: "RN-10 a fraction left of 0 is an error", h: d47, at: utc(2029, 4, 10, 0, 0, 0), p: seed, opts: []Option{DueWhenRemaining(0)}, wantReason: ReasonBadOption},
		{name: "RN-10 a negative margin is an error", h: d47, at: utc(2029, 4, 10, 0, 0, 0), p: seed, opts: []Option{SafetyMargin(-time.Hour)}, wantReason: ReasonBadOption},
		{name: "RN-10 a negative spread is an error", h: d47, at: utc(2029, 4, 10, 0, 0, 0), p: seed, opts: []Option{Spread(-time.Hour)}, wantReason: ReasonBadOption},
		{name: "RN-10 the zero Option is an error", h: d47, at: utc(2029, 4, 10, 0, 0, 0), p: seed, opts: []Option{{}}, wantReason: ReasonBadOption},
		{name: "RN-4 a Classify option given to Plan is an error", h: d47, at: utc(2029, 4, 10, 0, 0, 0), p: seed,
			opts: []Option{IgnoreAttributes()}, wantReason: ReasonBadOption},
	}
}

func TestPlan(t *testing.T) {
	for _, tt := range planCases() {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Plan(tt.h, tt.at, tt.p, tt.opts...)
			checkPlan(t, tt, got, err)
		})
	}
}

func checkPlan(t *testing.T, tt planCase, got Schedule, err error) {
	t.Helper()
	switch {
	case tt.wantReason != 0:
		var e *Error
		if !errors.As(err, &e) || e.Reason != tt.wantReason {
			t.Fatalf("Plan() error = %v, want reason %v (%s)", err, tt.wantReason, tt.why)
		}
	case tt.wantScheduleReason != 0:
		var e *ScheduleError
		if !errors.As(err, &e) || e.Reason != tt.wantScheduleReason || !errors.Is(err, ErrNoSchedule) {
			t.Fatalf("Plan() error = %v, want a *ScheduleError %v (%s)", err, tt.wantScheduleReason, tt.why)
		}
	case err != nil:
		t.Fatalf("Plan() error = %v (%s)", err, tt.why)
	default:
		if diff := cmp.Diff(tt.want, got, warningCodes, cmp.Comparer(time.Time.Equal)); diff != "" {
			t.Errorf("Plan() mismatch (-want +got): %s\n%s", tt.why, diff)
		}
		if got.Due.After(tt.h.NotAfter) || got.Next.NotBefore.After(got.Next.NotAfter) {
			t.Errorf("RN-12 Due %v after notAfter %v, or next certificate ends before it starts", got.Due, tt.h.NotAfter)
		}
	}
}

func TestPlanYearlyCadenceWarning(t *testing.T) {
	s, err := Plan(held("www.example.jp", utc(2025, 3, 1, 0, 0, 0), nil, 1), utc(2025, 6, 1, 0, 0, 0), DefaultPolicy())
	if err != nil {
		t.Fatal(err)
	}
	want := "TV-6 lifetime limit shrinks: certificates issued from 2026-03-15T00:00:00Z may last at most 200 days; " +
		"a 398-day successor issued at the due instant is itself due about 2026-08-13T16:00:00Z, under that limit " +
		"(BR 6.3.2, ballot SC-081: issued on or after 15 March 2026, 200 days (SHOULD 199))"
	if len(s.Warnings) != 1 || s.Warnings[0].String() != want {
		t.Errorf("RN-10 TV-6 warnings = %q, want %q", s.Warnings, want)
	}
}

// TestPlanSpread checks that spreading is reproducible, bounded, varies
// across a fleet and never leaves [Opens, Deadline].
func TestPlanSpread(t *testing.T) {
	base := held("www.example.jp", utc(2025, 3, 1, 0, 0, 0), nil, 1)
	at := utc(2025, 3, 2, 0, 0, 0)
	plain, err := Plan(base, at, DefaultPolicy())
	if err != nil {
		t.Fatal(err)
	}
	window := 14 * 24 * time.Hour
	seen := map[time.Time]bool{}
	for i := int64(0); i < 1000; i++ {
		h := base
		h.SerialNumber = big.NewInt(i*7919 + 1)
		a, _ := Plan(h, at, DefaultPolicy(), Spread(window))
		b, _ := Plan(h, at, DefaultPolicy(), Spread(window))
		if !a.Due.Equal(b.Due) {
			t.Fatalf("RN-10 spread not reproducible: %v, %v", a.Due, b.Due)
		}
		if off := a.Due.Sub(plain.Due); off < -window/2-time.Second || off > window/2 {
			t.Fatalf("RN-10 spread offset %v outside ±%v", off, window/2)
		}
		if a.Due.Before(a.Opens) || a.Due.After(a.Deadline) {
			t.Fatalf("RN-10 spread due %v outside [%v, %v]", a.Due, a.Opens, a.Deadline)
		}
		seen[a.Due] = true
	}
	if len(seen) < 900 {
		t.Errorf("RN-10 spread gave only %d distinct due instants for 1000 certificates", len(seen))
	}
	// A window far larger than the lifetime is still clamped.
	for i := int64(0); i < 100; i++ {
		h := base
		h.SerialNumber = big.NewInt(i)
		s, _ := Plan(h, at, DefaultPolicy(), Spread(1000*24*time.Hour))
		if s.Due.Before(s.Opens) || s.Due.After(s.Deadline) {
			t.Fatalf("RN-10 wide spread due %v outside [%v, %v]", s.Due, s.Opens, s.Deadline)
		}
	}
}

// TestPlanARI pins RN-13: a suggested window overrides the fraction of
// the lifetime; the instant is reproducible and inside the window; a past
// window means now; a malformed one is refused.
func TestPlanARI(t *testing.T) {
	h := lifetime(utc(2026, 9, 1, 0, 0, 0), 90*24*time.Hour) // notAfter 2026-11-29T23:59:59Z
	start, end := utc(2026, 10, 30, 0, 0, 0), utc(2026, 11, 1, 0, 0, 0)
	future := RenewalInfo{Start: start, End: end}
	at := utc(2026, 10, 1, 0, 0, 0)
	t.Run("RN-13 window in the future: an instant in it derived from the certificate", func(t *testing.T) {
		a, err := Plan(h, at, ACME.Policy(), SuggestedWindow(future))
		if err != nil {
			t.Fatal(err)
		}
		b, _ := Plan(h, at.Add(time.Hour), ACME.Policy(), SuggestedWindow(future))
		if a.DueRule != DueARI || a.Due.Before(start) || !a.Due.Before(end) || !a.Due.Equal(b.Due) {
			t.Errorf("Due = %v (%v), again %v; want one reproducible instant in [%v, %v)", a.Due, a.DueRule, b.Due, start, end)
		}
		other := h
		other.SerialNumber = big.NewInt(0xfeed)
		if c, _ := Plan(other, at, ACME.Policy(), SuggestedWindow(future)); c.Due.Equal(a.Due) {
			t.Errorf("two certificates got the same instant %v", a.Due)
		}
	})
	t.Run("RN-13 window in the past: now", func(t *testing.T) {
		past := RenewalInfo{Start: utc(2026, 9, 20, 0, 0, 0), End: utc(2026, 9, 21, 0, 0, 0)}
		s, err := Plan(h, at, ACME.Policy(), SuggestedWindow(past))
		if err != nil || s.DueRule != DueARIPast || !s.Due.Equal(at) {
			t.Errorf("Due = %v (%v), %v; want %v (%v)", s.Due, s.DueRule, err, at, DueARIPast)
		}
	})
	t.Run("RN-13 window overlapping now: an instant in it, or now", func(t *testing.T) {
		s, err := Plan(h, at, ACME.Policy(), SuggestedWindow(RenewalInfo{Start: at.Add(-time.Hour), End: at.Add(time.Hour)}))
		if err != nil || s.Due.Before(at) || !s.Due.Before(at.Add(time.Hour)) {
			t.Errorf("Due = %v, %v", s.Due, err)
		}
	})
	t.Run("RN-13 malformed window: end not after start", func(t *testing.T) {
		_, err := Plan(h, at, ACME.Policy(), SuggestedWindow(RenewalInfo{Start: end, End: start}))
		var e *Error
		if !errors.As(err, &e) || e.Reason != ReasonBadOption {
			t.Errorf("err = %v, want ReasonBadOption", err)
		}
	})
	t.Run("RN-13 window after notAfter: due at the deadline, with a warning", func(t *testing.T) {
		late := RenewalInfo{Start: utc(2026, 12, 1, 0, 0, 0), End: utc(2026, 12, 2, 0, 0, 0)}
		s, err := Plan(h, at, ACME.Policy(), SuggestedWindow(late))
		if err != nil || !s.Due.Equal(s.Deadline) || len(s.Warnings) != 1 || s.Warnings[0].Code != WarnARIAfterDeadline {
			t.Errorf("Due = %v, deadline %v, warnings %v, err %v", s.Due, s.Deadline, s.Warnings, err)
		}
	})
}

// TestPlanWindows pins the renewal windows: Due moves to the next allowed
// instant before the deadline, and a window that cannot be met is an
// error, not a schedule.
func TestPlanWindows(t *testing.T) {
	// A 90-day ACME certificate due 2026-12-30 12:00 JST, in the year-end
	// closing.
	end := jst(2027, 1, 29, 12, 0, 0, 0)
	h := lifetime(end.Add(-90*24*time.Hour), 90*24*time.Hour)
	at := jst(2026, 12, 1, 0, 0, 0, 0)
	office := BusinessHours(tz.BusinessCalendar{}, 10*time.Hour, 17*time.Hour, tz.JST)
	yearEnd := NotOn("year-end closing", tz.YearEndClosing(), tz.JST)
	tests := []struct {
		name    string
		why     string
		ws      []Window
		want    time.Time
		wantErr ScheduleReason
	}{
		{name: "RN-10 no window leaves Due alone", want: jst(2026, 12, 30, 12, 0, 0, 0)},
		{
			name: "RN-10 TV-7 Due moved out of the year-end closing to the first business morning",
			why:  "29 Dec to 3 Jan closed; 2027-01-02/03 a weekend; Monday 2027-01-04 10:00 JST",
			ws:   []Window{yearEnd, office}, want: jst(2027, 1, 4, 10, 0, 0, 0),
		},
		{
			name: "RN-10 a maintenance span pushes Due to its end",
			ws:   []Window{NotDuring("maintenance", Span{jst(2026, 12, 30, 11, 0, 0, 0), jst(2026, 12, 30, 13, 0, 0, 0)})},
			want: jst(2026, 12, 30, 13, 0, 0, 0),
		},
		{
			name: "RN-10 nothing allowed after Due: the earliest allowed instant before it",
			why:  "blocked from 2026-12-30 to the deadline; allowed from the plan's instant",
			ws:   []Window{NotDuring("freeze", Span{jst(2026, 12, 20, 0, 0, 0, 0), end})},
			want: at,
		},
		{
			name:    "RN-10 a blocked window that cannot be met is an error",
			why:     "unlike cert-manager, which accepts windows that are never met",
			ws:      []Window{NotDuring("freeze", Span{h.NotBefore, end})},
			wantErr: ScheduleNoAllowedInstant,
		},
		{
			name:    "RN-10 TV-7 business hours on a calendar closed to the deadline cannot be met",
			ws:      []Window{BusinessHours(tz.BusinessCalendar{}.With(tz.ClosingRange(tz.Date{Year: 2026, Month: 12, Day: 1}, tz.Date{Year: 2027, Month: 2, Day: 1})), 10*time.Hour, 17*time.Hour, tz.JST)},
			wantErr: ScheduleNoAllowedInstant,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var opts []Option
			if tt.ws != nil {
				opts = append(opts, Windows(tt.ws...))
			}
			s, err := Plan(h, at, ACME.Policy(), opts...)
			if tt.wantErr != 0 {
				var e *ScheduleError
				if !errors.As(err, &e) || e.Reason != tt.wantErr || !errors.Is(err, ErrNoSchedule) {
					t.Fatalf("err = %v, want %v (%s)", err, tt.wantErr, tt.why)
				}
				return
			}
			if err != nil || !s.Due.Equal(tt.want) {
				t.Errorf("Due = %v, %v; want %v (%s)", s.Due.In(tz.JST), err, tt.want, tt.why)
			}
			if tt.ws != nil && !s.Due.Equal(jst(2026, 12, 30, 12, 0, 0, 0)) && (len(s.Warnings) == 0 || s.Warnings[len(s.Warnings)-1].Code != WarnDueMoved) {
				t.Errorf("moved Due without a WarnDueMoved warning: %v", s.Warnings)
			}
		})
	}
}

func TestWindowErrors(t *testing.T) {
	h := lifetime(utc(2026, 9, 1, 0, 0, 0), 90*24*time.Hour)
	at := utc(2026, 9, 2, 0, 0, 0)
	tests := []struct {
		name string
		w    Window
		want Reason
	}{
		{"RN-10 business hours closing before they open", BusinessHours(tz.BusinessCalendar{}, 17*time.Hour, 10*time.Hour, nil), ReasonBadOption},
		{"RN-10 a span ending before it starts", NotDuring("x", Span{utc(2026, 10, 2, 0, 0, 0), utc(2026, 10, 1, 0, 0, 0)}), ReasonBadOption},
		{"RN-10 a nil closing", NotOn("x", nil, nil), ReasonBadOption},
		{"RN-10 a nil function", NotWhen("x", nil), ReasonBadOption},
		{"RN-10 the zero Window", Window{}, ReasonBadOption},
		{"RN-10 a function that never lets go", NotWhen("stuck", func(t time.Time) (time.Time, bool) { return t, true }), ReasonBadOption},
		{"RN-10 TV-7 a calendar closed every day", NotOn("always", func(tz.Date) bool { return true }, nil), ReasonCalendar},
		{"RN-10 TV-7 a date past the known holidays", BusinessHours(tz.BusinessCalendar{}, 0, time.Hour, nil), 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Plan(h, at, ACME.Policy(), Windows(tt.w))
			var e *Error
			switch {
			case tt.want == 0 && err != nil:
				t.Errorf("err = %v", err)
			case tt.want != 0 && (!errors.As(err, &e) || e.Reason != tt.want):
				t.Errorf("err = %v, want %v", err, tt.want)
			}
		})
	}
	// TV-7: past 2099 the calendar cannot answer.
	late := lifetime(utc(2099, 12, 1, 0, 0, 0), 90*24*time.Hour)
	_, err := Plan(late, utc(2099, 12, 2, 0, 0, 0), ACME.Policy(), Windows(BusinessHours(tz.BusinessCalendar{}, 10*time.Hour, 17*time.Hour, nil)))
	var e *Error
	if !errors.As(err, &e) || e.Reason != ReasonCalendar || !errors.Is(err, tz.ErrOutOfRange) {
		t.Errorf("RN-10 TV-7 plan past 2099 with business hours: err = %v, want ReasonCalendar wrapping tz.ErrOutOfRange", err)
	}
}
