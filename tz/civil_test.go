package tz

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestDaysAfter(t *testing.T) {
	tests := []struct {
		name string
		from Date
		n    int
		want Date
	}{
		{"RN-3 issue's day not counted", Date{2024, 1, 10}, 30, Date{2024, 2, 9}},
		{"RN-3 TV-2 certificate issued 2011-12-10 JST", Date{2011, 12, 10}, 30, Date{2012, 1, 9}},
		{"RN-3 across 29 February", Date{2024, 2, 1}, 30, Date{2024, 3, 2}},
		{"RN-3 across 28 February", Date{2023, 2, 1}, 30, Date{2023, 3, 3}},
		{"CT-8 14 days from a mail", Date{2026, 5, 7}, 14, Date{2026, 5, 21}},
		{"CT-8 across a year end", Date{2026, 12, 25}, 14, Date{2027, 1, 8}},
		{"zero days is the day itself", Date{2024, 1, 10}, 0, Date{2024, 1, 10}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, DaysAfter(tt.from, tt.n)); diff != "" {
				t.Errorf("DaysAfter(%v, %d) mismatch (-want +got):\n%s", tt.from, tt.n, diff)
			}
		})
	}
}

func TestMonthsAfter(t *testing.T) {
	tests := []struct {
		name string
		from Date
		n    int
		want Date
	}{
		{"RN-6 day before the corresponding day", Date{2024, 1, 10}, 3, Date{2024, 4, 10}},
		{"RN-6 from 30 November ends 29 February (leap)", Date{2023, 11, 30}, 3, Date{2024, 2, 29}},
		{"RN-6 from 30 November ends 28 February (common)", Date{2024, 11, 30}, 3, Date{2025, 2, 28}},
		{"RN-6 from 31 January ends 30 April", Date{2024, 1, 31}, 3, Date{2024, 4, 30}},
		{"RN-6 last day of a month ends on a last day", Date{2024, 4, 30}, 1, Date{2024, 5, 31}},
		{"RN-6 from 28 February (leap) ends 28 May", Date{2024, 2, 28}, 3, Date{2024, 5, 28}},
		{"RN-6 from 29 February ends 31 May", Date{2024, 2, 29}, 3, Date{2024, 5, 31}},
		{"RN-6 from 29 November: no 30 February, end of month", Date{2022, 11, 29}, 3, Date{2023, 2, 28}},
		{"RN-6 from 28 November (leap) ends 28 February", Date{2023, 11, 28}, 3, Date{2024, 2, 28}},
		{"RN-6 from 30 December ends 30 March", Date{2023, 12, 30}, 3, Date{2024, 3, 30}},
		{"RN-6 across a year", Date{2024, 10, 15}, 3, Date{2025, 1, 15}},
		{"RN-6 twelve months", Date{2024, 2, 29}, 12, Date{2025, 2, 28}},
		{"RN-6 zero months is the day itself", Date{2024, 1, 10}, 0, Date{2024, 1, 10}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, MonthsAfter(tt.from, tt.n)); diff != "" {
				t.Errorf("MonthsAfter(%v, %d) mismatch (-want +got):\n%s", tt.from, tt.n, diff)
			}
		})
	}
}

// TestPeriodEndInstant pins when a civil-law period is over: at the first
// instant of the day after its last day, in the zone the rule counts in.
func TestPeriodEndInstant(t *testing.T) {
	// RN-3: issued 2011-12-10 09:00 JST, the last day of the 30-day wait is
	// 2012-01-09, so renewal opens at 2012-01-10 00:00 JST.
	last := DaysAfter(DateOf(utc(2011, 12, 10, 0, 0, 0, 0), JST), 30)
	opens := last.EndIn(JST)
	want := time.Date(2012, 1, 10, 0, 0, 0, 0, JST)
	if !opens.Equal(want) {
		t.Errorf("RN-3 period over at %v, want %v", opens, want)
	}
	if !last.Contains(opens.Add(-time.Nanosecond), JST) {
		t.Errorf("RN-3 one nanosecond before the end is still in the last day")
	}
}
