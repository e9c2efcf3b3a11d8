package contract_test

import (
	"math/rand/v2"
	"testing"
	"time"

	"github.com/certlife/certlife/contract"
	"github.com/certlife/certlife/tz"
	"github.com/google/go-cmp/cmp"
)

// win returns the window from start to end.
func win(start, end time.Time) contract.Window { return contract.Window{Start: start, End: end} }

func TestMaintenanceCT9ThirdTuesdayNeverCrossesAMonth(t *testing.T) {
	// The third Tuesday is the first Tuesday (day 1..7) plus 14: always
	// day 15..21, so 08:00 the next day is day 16..22 of the same month,
	// never the first of the next one. Checked for every month from 1900
	// to 2200, with the zero Maintenance.
	var m contract.Maintenance
	for y := 1900; y <= 2200; y++ {
		for mo := time.January; mo <= time.December; mo++ {
			w := m.Next(tz.Date{Year: y, Month: mo, Day: 1}.In(tz.JST).Add(-1))
			s := w.Start.In(tz.JST)
			e := w.End.In(tz.JST)
			if s.Year() != y || s.Month() != mo || s.Weekday() != time.Tuesday ||
				s.Day() < 15 || s.Day() > 21 || s.Hour() != 22 || s.Minute() != 0 || s.Second() != 0 || s.Nanosecond() != 0 {
				t.Fatalf("CT-9 %d-%02d: usual window starts %v, want the third Tuesday at 22:00 JST", y, mo, s)
			}
			if e.Year() != y || e.Month() != mo || e.Day() != s.Day()+1 || e.Hour() != 8 || e.Minute() != 0 {
				t.Fatalf("CT-9 %d-%02d: usual window ends %v, want 08:00 JST the next day, same month", y, mo, e)
			}
		}
	}
}

func TestMaintenanceAt(t *testing.T) {
	may := win(jst(2026, 5, 19, 22, 0, 0, 0), jst(2026, 5, 20, 8, 0, 0, 0))
	june := win(jst(2026, 6, 16, 22, 0, 0, 0), jst(2026, 6, 17, 8, 0, 0, 0))
	acrossMonth := win(jst(2026, 6, 30, 22, 0, 0, 0), jst(2026, 7, 1, 8, 0, 0, 0))
	acrossYear := win(jst(2026, 12, 31, 22, 0, 0, 0), jst(2027, 1, 1, 8, 0, 0, 0))
	leapNight := win(jst(2028, 2, 29, 22, 0, 0, 0), jst(2028, 3, 1, 8, 0, 0, 0))
	tests := []struct {
		name   string
		why    string
		m      contract.Maintenance
		t      time.Time
		want   contract.Window
		wantOK bool
	}{
		{name: "CT-9 usual window: open one nanosecond before 22:00 JST", t: may.Start.Add(-1)},
		{name: "CT-9 usual window: down at 22:00 JST on the third Tuesday", t: may.Start, want: may, wantOK: true},
		{name: "CT-9 usual window: down across midnight", t: jst(2026, 5, 20, 0, 0, 0, 0), want: may, wantOK: true},
		{name: "CT-9 usual window: down at 07:59:59.999999999 JST", t: may.End.Add(-1), want: may, wantOK: true},
		{name: "CT-9 usual window: open again at 08:00 JST", t: may.End},
		{
			name: "CT-9 usual window judged from a UTC instant",
			why:  "2026-05-19T13:00:00Z is 22:00 JST",
			t:    time.Date(2026, 5, 19, 13, 0, 0, 0, time.UTC), want: may, wantOK: true,
		},
		{name: "CT-9 the second Tuesday is not a maintenance day", t: jst(2026, 5, 12, 23, 0, 0, 0)},
		{
			name: "CT-9 announced window crossing a month end: down on the 1st",
			m:    contract.Maintenance{Announced: []contract.Window{acrossMonth}},
			t:    jst(2026, 7, 1, 3, 0, 0, 0), want: acrossMonth, wantOK: true,
		},
		{
			name: "CT-9 announced window crossing a month end: down on the 30th",
			m:    contract.Maintenance{Announced: []contract.Window{acrossMonth}},
			t:    acrossMonth.Start, want: acrossMonth, wantOK: true,
		},
		{
			name: "CT-9 announced window replaces the usual window of the month it starts in",
			why:  "June's announced window is on the 30th, so 16 June is open",
			m:    contract.Maintenance{Announced: []contract.Window{acrossMonth}},
			t:    jst(2026, 6, 16, 23, 0, 0, 0),
		},
		{
			name: "CT-9 an announced window crossing into July leaves July's usual window",
			m:    contract.Maintenance{Announced: []contract.Window{acrossMonth}},
			t:    jst(2026, 7, 21, 23, 0, 0, 0),
			want: win(jst(2026, 7, 21, 22, 0, 0, 0), jst(2026, 7, 22, 8, 0, 0, 0)), wantOK: true,
		},
		{
			name: "CT-9 announced window crossing the year end",
			m:    contract.Maintenance{Announced: []contract.Window{acrossYear}},
			t:    jst(2027, 1, 1, 7, 59, 59, lastNS), want: acrossYear, wantOK: true,
		},
		{
			name: "CT-9 announced window on 29 February crossing into March",
			m:    contract.Maintenance{Announced: []contract.Window{leapNight}},
			t:    jst(2028, 3, 1, 0, 0, 0, 0), want: leapNight, wantOK: true,
		},
		{
			name: "CT-9 cancelled month has no usual window",
			m:    contract.Maintenance{Cancelled: []tz.Date{date(2026, 5, 19)}},
			t:    jst(2026, 5, 19, 23, 0, 0, 0),
		},
		{
			name: "CT-9 a cancellation names its month by any day",
			m:    contract.Maintenance{Cancelled: []tz.Date{date(2026, 5, 1)}},
			t:    jst(2026, 5, 19, 23, 0, 0, 0),
		},
		{
			name: "CT-9 cancellation of May leaves June",
			m:    contract.Maintenance{Cancelled: []tz.Date{date(2026, 5, 19)}},
			t:    june.Start, want: june, wantOK: true,
		},
		{
			name: "CT-9 cancelled month with an announced window: the announcement applies",
			m: contract.Maintenance{Cancelled: []tz.Date{date(2026, 6, 16)},
				Announced: []contract.Window{acrossMonth}},
			t: jst(2026, 6, 30, 23, 0, 0, 0), want: acrossMonth, wantOK: true,
		},
		{
			name: "CT-9 overlapping announced windows are one window",
			m: contract.Maintenance{Announced: []contract.Window{
				win(jst(2026, 5, 26, 22, 0, 0, 0), jst(2026, 5, 27, 2, 0, 0, 0)),
				win(jst(2026, 5, 27, 1, 0, 0, 0), jst(2026, 5, 27, 8, 0, 0, 0)),
			}},
			t:    jst(2026, 5, 26, 23, 0, 0, 0),
			want: win(jst(2026, 5, 26, 22, 0, 0, 0), jst(2026, 5, 27, 8, 0, 0, 0)), wantOK: true,
		},
		{
			name: "CT-9 touching announced windows are one window, judged from the second",
			m: contract.Maintenance{Announced: []contract.Window{
				win(jst(2026, 5, 26, 22, 0, 0, 0), jst(2026, 5, 27, 2, 0, 0, 0)),
				win(jst(2026, 5, 27, 2, 0, 0, 0), jst(2026, 5, 27, 8, 0, 0, 0)),
			}},
			t:    jst(2026, 5, 27, 5, 0, 0, 0),
			want: win(jst(2026, 5, 26, 22, 0, 0, 0), jst(2026, 5, 27, 8, 0, 0, 0)), wantOK: true,
		},
		{
			name: "CT-9 an empty announced window is ignored and does not replace the usual one",
			m:    contract.Maintenance{Announced: []contract.Window{win(jst(2026, 5, 5, 22, 0, 0, 0), jst(2026, 5, 5, 22, 0, 0, 0))}},
			t:    may.Start, want: may, wantOK: true,
		},
		{name: "CT-9 zero instant is in no window"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, m := range bothForms(tt.m) {
				got, ok := m.m.At(tt.t)
				if ok != tt.wantOK {
					t.Fatalf("%s: At(%v) ok = %v, want %v\nwhy: %s", m.form, tt.t, ok, tt.wantOK, tt.why)
				}
				if diff := cmp.Diff(tt.want, got); diff != "" {
					t.Errorf("%s: At(%v): (-want +got)\n%s\nwhy: %s", m.form, tt.t, diff, tt.why)
				}
			}
		})
	}
}

func TestMaintenanceNext(t *testing.T) {
	may := win(jst(2026, 5, 19, 22, 0, 0, 0), jst(2026, 5, 20, 8, 0, 0, 0))
	june := win(jst(2026, 6, 16, 22, 0, 0, 0), jst(2026, 6, 17, 8, 0, 0, 0))
	early := win(jst(2026, 5, 5, 22, 0, 0, 0), jst(2026, 5, 6, 8, 0, 0, 0))
	acrossMonth := win(jst(2026, 6, 30, 22, 0, 0, 0), jst(2026, 7, 1, 8, 0, 0, 0))
	tests := []struct {
		name  string
		m     contract.Maintenance
		after time.Time
		want  contract.Window
	}{
		{name: "CT-9 next usual window after a contract date", after: jst(2026, 4, 28, 12, 0, 0, 0), want: may},
		{name: "CT-9 next is strictly after: from one nanosecond before the start", after: may.Start.Add(-1), want: may},
		{name: "CT-9 next after a window's start is the following month's", after: may.Start, want: june},
		{name: "CT-9 next from inside a window is the following month's", after: jst(2026, 5, 20, 3, 0, 0, 0), want: june},
		{name: "CT-9 next across the year end", after: jst(2026, 12, 16, 0, 0, 0, 0),
			want: win(jst(2027, 1, 19, 22, 0, 0, 0), jst(2027, 1, 20, 8, 0, 0, 0))},
		{
			name: "CT-9 an earlier announced window replaces the month's usual one",
			m:    contract.Maintenance{Announced: []contract.Window{early}}, after: jst(2026, 4, 28, 12, 0, 0, 0), want: early,
		},
		{
			name: "CT-9 after the announced window, the month's usual window does not come",
			m:    contract.Maintenance{Announced: []contract.Window{early}}, after: early.Start, want: june,
		},
		{
			name:  "CT-9 next skips cancelled months",
			m:     contract.Maintenance{Cancelled: []tz.Date{date(2026, 5, 19), date(2026, 6, 16), date(2026, 7, 21)}},
			after: jst(2026, 4, 28, 12, 0, 0, 0),
			want:  win(jst(2026, 8, 18, 22, 0, 0, 0), jst(2026, 8, 19, 8, 0, 0, 0)),
		},
		{
			name: "CT-9 next finds an announced window crossing a month end",
			m:    contract.Maintenance{Announced: []contract.Window{acrossMonth}}, after: may.End, want: acrossMonth,
		},
		{
			name: "CT-9 next merges forward with an overlapping announced window",
			m: contract.Maintenance{Announced: []contract.Window{
				win(jst(2026, 5, 26, 22, 0, 0, 0), jst(2026, 5, 27, 2, 0, 0, 0)),
				win(jst(2026, 5, 27, 1, 0, 0, 0), jst(2026, 5, 27, 9, 0, 0, 0)),
			}},
			after: jst(2026, 5, 1, 0, 0, 0, 0),
			want:  win(jst(2026, 5, 26, 22, 0, 0, 0), jst(2026, 5, 27, 9, 0, 0, 0)),
		},
		{name: "CT-9 zero instant gives the zero window"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, m := range bothForms(tt.m) {
				got := m.m.Next(tt.after)
				if diff := cmp.Diff(tt.want, got); diff != "" {
					t.Errorf("%s: Next(%v): (-want +got)\n%s", m.form, tt.after, diff)
				}
			}
		})
	}
}

func TestWindowContains(t *testing.T) {
	w := win(jst(2026, 5, 19, 22, 0, 0, 0), jst(2026, 5, 20, 8, 0, 0, 0))
	got := []bool{w.Contains(w.Start.Add(-1)), w.Contains(w.Start), w.Contains(w.End.Add(-1)), w.Contains(w.End)}
	if diff := cmp.Diff([]bool{false, true, true, false}, got); diff != "" {
		t.Errorf("CT-9 Contains at start-1ns, start, end-1ns, end: (-want +got)\n%s", diff)
	}
}

// bothForms returns m as a literal and as built by NewMaintenance: both
// must give the same answers.
func bothForms(m contract.Maintenance) []struct {
	form string
	m    contract.Maintenance
} {
	return []struct {
		form string
		m    contract.Maintenance
	}{{"literal", m}, {"NewMaintenance", contract.NewMaintenance(m.Announced, m.Cancelled)}}
}

func TestNewMaintenanceCopiesAndForgetsItsIndex(t *testing.T) {
	announced := []contract.Window{win(jst(2026, 5, 5, 22, 0, 0, 0), jst(2026, 5, 6, 8, 0, 0, 0))}
	m := contract.NewMaintenance(announced, nil)
	// The caller reuses its slice: m kept a copy.
	announced[0] = win(jst(2026, 5, 12, 22, 0, 0, 0), jst(2026, 5, 13, 8, 0, 0, 0))
	if _, ok := m.At(jst(2026, 5, 5, 23, 0, 0, 0)); !ok {
		t.Errorf("CT-9 NewMaintenance did not copy the announced windows")
	}
	// New slices in the fields replace what the index was built from.
	m.Announced = announced
	if _, ok := m.At(jst(2026, 5, 5, 23, 0, 0, 0)); ok {
		t.Errorf("CT-9 At used a stale index after Announced was replaced")
	}
	if _, ok := m.At(jst(2026, 5, 12, 23, 0, 0, 0)); !ok {
		t.Errorf("CT-9 At ignored the new Announced")
	}
	m.Cancelled = []tz.Date{date(2026, 6, 1)}
	if _, ok := m.At(jst(2026, 6, 16, 23, 0, 0, 0)); ok {
		t.Errorf("CT-9 At ignored the new Cancelled")
	}
}

// TestMaintenanceAgreesWithAScan compares At and Next with a direct
// reading of the rule on schedules of random announced windows and
// cancellations: every window written out over the span, merged by a
// linear scan. The random source has a fixed seed.
func TestMaintenanceAgreesWithAScan(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 20260519))
	base := jst(2026, 1, 1, 0, 0, 0, 0)
	const span = 3 * 365 * 24 * time.Hour
	for round := 0; round < 100; round++ {
		var announced []contract.Window
		for n := rng.IntN(12); n > 0; n-- {
			s := base.Add(time.Duration(rng.Int64N(int64(span))).Truncate(time.Hour))
			announced = append(announced, win(s, s.Add(time.Duration(rng.IntN(80)-5)*time.Hour)))
		}
		var cancelled []tz.Date
		for n := rng.IntN(6); n > 0; n-- {
			cancelled = append(cancelled, tz.DateOf(base.Add(time.Duration(rng.Int64N(int64(span)))), tz.JST))
		}
		lit := contract.Maintenance{Announced: announced, Cancelled: cancelled}
		idx := contract.NewMaintenance(announced, cancelled)
		all := scanWindows(lit, base.AddDate(-1, 0, 0), base.Add(span).AddDate(2, 0, 0))
		for q := 0; q < 50; q++ {
			at := base.Add(time.Duration(rng.Int64N(int64(span))))
			if w := all[rng.IntN(len(all))]; q%5 == 0 && w.Start.Before(base.Add(span)) { // an edge exactly
				at = []time.Time{w.Start, w.End, w.Start.Add(-1), w.End.Add(-1)}[rng.IntN(4)]
			}
			wantAt, wantOK := scanAt(all, at)
			wantNext := scanNext(all, at)
			for _, m := range []contract.Maintenance{lit, idx} {
				gotAt, gotOK := m.At(at)
				if gotOK != wantOK || !cmp.Equal(wantAt, gotAt) {
					t.Fatalf("CT-9 round %d: At(%v) = %v, %v; the scan says %v, %v\nannounced %v\ncancelled %v",
						round, at, gotAt, gotOK, wantAt, wantOK, announced, cancelled)
				}
				if got := m.Next(at); !cmp.Equal(wantNext, got) {
					t.Fatalf("CT-9 round %d: Next(%v) = %v; the scan says %v\nannounced %v\ncancelled %v",
						round, at, got, wantNext, announced, cancelled)
				}
			}
		}
	}
}

// scanWindows writes out every window of m, announced and usual, that
// starts between from and to.
func scanWindows(m contract.Maintenance, from, to time.Time) []contract.Window {
	var all []contract.Window
	blocked := map[[2]int]bool{}
	for _, w := range m.Announced {
		if w.End.After(w.Start) {
			all = append(all, w)
			d := tz.DateOf(w.Start, tz.JST)
			blocked[[2]int{d.Year, int(d.Month)}] = true
		}
	}
	for _, d := range m.Cancelled {
		blocked[[2]int{d.Year, int(d.Month)}] = true
	}
	for d := tz.DateOf(from, tz.JST); d.In(tz.JST).Before(to); d = d.AddDays(1) {
		if blocked[[2]int{d.Year, int(d.Month)}] || d.Weekday() != time.Tuesday || d.Day < 15 || d.Day > 21 {
			continue
		}
		all = append(all, win(d.In(tz.JST).Add(22*time.Hour), d.In(tz.JST).Add(32*time.Hour)))
	}
	return all
}

// scanAt merges, from the window containing t, every window touching the
// result, both ways, until nothing changes.
func scanAt(all []contract.Window, t time.Time) (contract.Window, bool) {
	for _, w := range all {
		if w.Contains(t) {
			return scanMerge(all, w, true), true
		}
	}
	return contract.Window{}, false
}

// scanNext takes the window with the first start after t and merges it
// forward.
func scanNext(all []contract.Window, t time.Time) contract.Window {
	var best contract.Window
	for _, w := range all {
		if w.Start.After(t) && (best.Start.IsZero() || w.Start.Before(best.Start)) {
			best = w
		}
	}
	return scanMerge(all, best, false)
}

func scanMerge(all []contract.Window, w contract.Window, backward bool) contract.Window {
	for changed := true; changed; {
		changed = false
		for _, v := range all {
			if v.Start.After(w.End) || v.End.Before(w.Start) {
				continue
			}
			if v.End.After(w.End) {
				w.End, changed = v.End, true
			}
			if backward && v.Start.Before(w.Start) {
				w.Start, changed = v.Start, true
			}
		}
	}
	return w
}
