package renewal

import (
	"math/big"
	"testing"
	"time"

	"github.com/certlife/certlife/validity"
	"github.com/google/go-cmp/cmp"
)

func TestPlan(t *testing.T) {
	y2025 := held("www.example.jp", utc(2025, 3, 1, 0, 0, 0), nil, 1) // 398 days, notAfter 2026-04-02T23:59:59Z
	y2026 := held("www.example.jp", utc(2025, 12, 1, 0, 0, 0), nil, 1)
	d47 := Held{Subject: subject("www.example.jp"), NotBefore: utc(2029, 4, 2, 0, 0, 0), NotAfter: utc(2029, 5, 18, 23, 59, 59)}
	w := func(c WarningCode) Warning { return Warning{Code: c} }
	lim := validity.TLSServerLimit
	tests := []struct {
		name string
		why  string
		h    Held
		p    Policy
		opts []PlanOption
		want Schedule
	}{
		{
			name: "RN-10 TV-6 398-day certificate issued in 2025, yearly cadence ends 2026-03-15",
			why:  "due with a third left: 2026-04-03T00:00Z - 132d16h; its successor would be due after 2026-03-15",
			h:    y2025,
			want: Schedule{
				Opens:       jst(2025, 4, 1, 0, 0, 0, 0),
				Due:         utc(2025, 11, 21, 8, 0, 0),
				Deadline:    utc(2026, 3, 26, 23, 59, 59),
				NextMaxDays: 398,
				NextLimit:   lim(utc(2025, 11, 21, 8, 0, 0)),
				Warnings:    []Warning{w(WarnLimitShrinks)},
			},
		},
		{
			name: "RN-10 TV-6 398-day certificate due after 2026-03-15 can be renewed for 200 days only",
			h:    y2026,
			want: Schedule{
				Opens:       jst(2026, 1, 1, 0, 0, 0, 0),
				Due:         utc(2026, 8, 23, 8, 0, 0),
				Deadline:    utc(2026, 12, 26, 23, 59, 59),
				NextMaxDays: 200,
				NextLimit:   lim(utc(2026, 8, 23, 8, 0, 0)),
				Warnings:    []Warning{w(WarnLifetimeExceedsLimit)},
			},
		},
		{
			name: "RN-10 TV-6 47-day certificate issued in 2029",
			why:  "2029-05-19T00:00Z - 15d16h",
			h:    d47,
			want: Schedule{
				Opens:       jst(2029, 5, 3, 0, 0, 0, 0),
				Due:         utc(2029, 5, 3, 8, 0, 0),
				Deadline:    utc(2029, 5, 11, 23, 59, 59),
				NextMaxDays: 47,
				NextLimit:   lim(utc(2029, 5, 3, 8, 0, 0)),
			},
		},
		{
			name: "RN-10 due with half left",
			h:    d47,
			opts: []PlanOption{DueWhenRemaining(0.5)},
			why:  "23.5 days after issue is before the wait of RN-3 is over",
			want: Schedule{
				Opens:       jst(2029, 5, 3, 0, 0, 0, 0),
				Due:         jst(2029, 5, 3, 0, 0, 0, 0),
				Deadline:    utc(2029, 5, 11, 23, 59, 59),
				NextMaxDays: 47,
				NextLimit:   lim(jst(2029, 5, 3, 0, 0, 0, 0)),
				Warnings:    []Warning{w(WarnWindowClamped)},
			},
		},
		{
			name: "RN-10 RN-3 due never before renewal opens",
			why:  "with 90% left the due instant is 4.7 days after issue, before the 30-day wait",
			h:    d47,
			opts: []PlanOption{DueWhenRemaining(0.9)},
			want: Schedule{
				Opens:       jst(2029, 5, 3, 0, 0, 0, 0),
				Due:         jst(2029, 5, 3, 0, 0, 0, 0),
				Deadline:    utc(2029, 5, 11, 23, 59, 59),
				NextMaxDays: 47,
				NextLimit:   lim(jst(2029, 5, 3, 0, 0, 0, 0)),
				Warnings:    []Warning{w(WarnWindowClamped)},
			},
		},
		{
			name: "RN-10 due never after the deadline",
			why:  "a 16-day margin puts the deadline after opening but before the due instant",
			h:    d47,
			opts: []PlanOption{SafetyMargin(16 * 24 * time.Hour)},
			want: Schedule{
				Opens:       jst(2029, 5, 3, 0, 0, 0, 0),
				Due:         utc(2029, 5, 2, 23, 59, 59),
				Deadline:    utc(2029, 5, 2, 23, 59, 59),
				NextMaxDays: 47,
				NextLimit:   lim(utc(2029, 5, 2, 23, 59, 59)),
			},
		},
		{
			name: "RN-10 RN-3 deadline never before renewal opens",
			h:    d47,
			opts: []PlanOption{SafetyMargin(40 * 24 * time.Hour)},
			want: Schedule{
				Opens:       jst(2029, 5, 3, 0, 0, 0, 0),
				Due:         jst(2029, 5, 3, 0, 0, 0, 0),
				Deadline:    jst(2029, 5, 3, 0, 0, 0, 0),
				NextMaxDays: 47,
				NextLimit:   lim(jst(2029, 5, 3, 0, 0, 0, 0)),
				Warnings:    []Warning{w(WarnWindowClamped)},
			},
		},
		{
			name: "RN-10 options out of range are ignored with warnings",
			h:    d47,
			opts: []PlanOption{DueWhenRemaining(1.5), DueWhenRemaining(0), SafetyMargin(-time.Hour), Spread(-time.Hour), {}},
			want: Schedule{
				Opens:       jst(2029, 5, 3, 0, 0, 0, 0),
				Due:         utc(2029, 5, 3, 8, 0, 0),
				Deadline:    utc(2029, 5, 11, 23, 59, 59),
				NextMaxDays: 47,
				NextLimit:   lim(utc(2029, 5, 3, 8, 0, 0)),
				Warnings:    []Warning{w(WarnBadOption), w(WarnBadOption), w(WarnBadOption), w(WarnBadOption)},
			},
		},
		{
			name: "RN-10 RN-3 elapsed policy opens 30×24h after issue",
			h:    d47,
			p:    Policy{Counting: Elapsed},
			want: Schedule{
				Opens:       utc(2029, 5, 2, 0, 0, 0),
				Due:         utc(2029, 5, 3, 8, 0, 0),
				Deadline:    utc(2029, 5, 11, 23, 59, 59),
				NextMaxDays: 47,
				NextLimit:   lim(utc(2029, 5, 3, 8, 0, 0)),
			},
		},
		{
			name: "RN-10 TV-3 no validity gives an empty schedule with a warning",
			h:    Held{Subject: subject("www.example.jp"), NotBefore: utc(2029, 4, 2, 0, 0, 0)},
			want: Schedule{Warnings: []Warning{w(WarnNoValidity)}},
		},
		{
			name: "RN-10 TV-3 notAfter before notBefore gives an empty schedule",
			h:    Held{NotBefore: utc(2029, 4, 2, 0, 0, 0), NotAfter: utc(2029, 4, 1, 0, 0, 0)},
			want: Schedule{Warnings: []Warning{w(WarnNoValidity)}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Plan(tt.h, tt.p, tt.opts...)
			if diff := cmp.Diff(tt.want, got, warningCodes); diff != "" {
				t.Errorf("Plan() mismatch (-want +got): %s\n%s", tt.why, diff)
			}
		})
	}
}

func TestPlanYearlyCadenceWarning(t *testing.T) {
	s := Plan(held("www.example.jp", utc(2025, 3, 1, 0, 0, 0), nil, 1), Policy{})
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
	plain := Plan(base, Policy{})
	window := 14 * 24 * time.Hour
	seen := map[time.Time]bool{}
	for i := int64(0); i < 1000; i++ {
		h := base
		h.SerialNumber = big.NewInt(i*7919 + 1)
		a := Plan(h, Policy{}, Spread(window))
		b := Plan(h, Policy{}, Spread(window))
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
		s := Plan(h, Policy{}, Spread(1000*24*time.Hour))
		if s.Due.Before(s.Opens) || s.Due.After(s.Deadline) {
			t.Fatalf("RN-10 wide spread due %v outside [%v, %v]", s.Due, s.Opens, s.Deadline)
		}
	}
}
