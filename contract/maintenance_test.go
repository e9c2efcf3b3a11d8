package contract_test

import (
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
			got, ok := tt.m.At(tt.t)
			if ok != tt.wantOK {
				t.Fatalf("At(%v) ok = %v, want %v\nwhy: %s", tt.t, ok, tt.wantOK, tt.why)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("At(%v): (-want +got)\n%s\nwhy: %s", tt.t, diff, tt.why)
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
			got := tt.m.Next(tt.after)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Next(%v): (-want +got)\n%s", tt.after, diff)
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
