package tz

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestDateOf(t *testing.T) {
	tests := []struct {
		name string
		t    time.Time
		loc  *time.Location
		want Date
	}{
		{"TV-2 notAfter 23:59:59 GMT is the next day in JST", utc(2012, 12, 10, 23, 59, 59, 0), JST, Date{2012, 12, 11}},
		{"TV-2 notAfter stays on its day in UTC", utc(2012, 12, 10, 23, 59, 59, 0), UTC, Date{2012, 12, 10}},
		{"TV-1 last nanosecond of a JST day", utc(2012, 12, 11, 14, 59, 59, 999999999), JST, Date{2012, 12, 11}},
		{"TV-1 first nanosecond of the next JST day", utc(2012, 12, 11, 15, 0, 0, 0), JST, Date{2012, 12, 12}},
		{"TV-1 nil zone means JST", utc(2012, 12, 11, 15, 0, 0, 0), nil, Date{2012, 12, 12}},
		{"TV-1 29 February in JST", utc(2024, 2, 28, 15, 0, 0, 0), JST, Date{2024, 2, 29}},
		{"TV-1 year end in JST", utc(2049, 12, 31, 15, 0, 0, 0), JST, Date{2050, 1, 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, DateOf(tt.t, tt.loc)); diff != "" {
				t.Errorf("DateOf(%v) mismatch (-want +got):\n%s", tt.t, diff)
			}
		})
	}
}

func TestDateInAndEndIn(t *testing.T) {
	d := Date{2012, 12, 11}
	if got, want := d.In(JST), utc(2012, 12, 10, 15, 0, 0, 0); !got.Equal(want) {
		t.Errorf("In(JST) = %v, want %v", got, want)
	}
	if got, want := d.In(nil), d.In(JST); !got.Equal(want) {
		t.Errorf("In(nil) = %v, want %v", got, want)
	}
	if got, want := d.EndIn(JST), utc(2012, 12, 11, 15, 0, 0, 0); !got.Equal(want) {
		t.Errorf("EndIn(JST) = %v, want %v", got, want)
	}
	end := d.EndIn(JST)
	if !d.Contains(end.Add(-1), JST) || d.Contains(end, JST) {
		t.Errorf("the day's last nanosecond must be on the day, and EndIn must not")
	}
	if got := (Date{2024, 2, 29}).EndIn(UTC); !got.Equal(utc(2024, 3, 1, 0, 0, 0, 0)) {
		t.Errorf("EndIn on 29 February = %v", got)
	}
}

func TestDateArithmetic(t *testing.T) {
	tests := []struct {
		name string
		got  Date
		want Date
	}{
		{"AddDays across 29 February", Date{2024, 2, 28}.AddDays(2), Date{2024, 3, 1}},
		{"AddDays common year", Date{2023, 2, 28}.AddDays(1), Date{2023, 3, 1}},
		{"AddDays negative across year", Date{2025, 1, 1}.AddDays(-1), Date{2024, 12, 31}},
		{"AddDays zero normalizes", Date{2024, 2, 30}.AddDays(0), Date{2024, 3, 1}},
		{"AddMonths clamps 31 January", Date{2024, 1, 31}.AddMonths(1), Date{2024, 2, 29}},
		{"AddMonths clamps in a common year", Date{2023, 1, 31}.AddMonths(1), Date{2023, 2, 28}},
		{"AddMonths 29 February plus a year", Date{2024, 2, 29}.AddMonths(12), Date{2025, 2, 28}},
		{"AddMonths negative", Date{2024, 3, 31}.AddMonths(-1), Date{2024, 2, 29}},
		{"AddMonths across years backwards", Date{2024, 1, 15}.AddMonths(-13), Date{2022, 12, 15}},
		{"NewDate normalizes", NewDate(2024, 2, 30), Date{2024, 3, 1}},
		{"NewDate month 13", NewDate(2024, 13, 1), Date{2025, 1, 1}},
		{"NewDate day 0", NewDate(2024, 3, 0), Date{2024, 2, 29}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, tt.got); diff != "" {
				t.Errorf("mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestDateMatchesTime checks the day arithmetic against the standard
// library for every day from 1600 to 2400.
func TestDateMatchesTime(t *testing.T) {
	start := time.Date(1600, 1, 1, 0, 0, 0, 0, time.UTC)
	d0 := Date{1600, 1, 1}
	for i := 0; i < 292_194; i++ { // 800 years
		tm := start.AddDate(0, 0, i)
		want := Date{tm.Year(), tm.Month(), tm.Day()}
		got := d0.AddDays(i)
		if got != want {
			t.Fatalf("Date{1600,1,1}.AddDays(%d) = %v, want %v", i, got, want)
		}
		if got.Weekday() != tm.Weekday() {
			t.Fatalf("%v.Weekday() = %v, want %v", got, got.Weekday(), tm.Weekday())
		}
		if got.Sub(d0) != i {
			t.Fatalf("%v.Sub(%v) = %d, want %d", got, d0, got.Sub(d0), i)
		}
		if !got.In(UTC).Equal(tm) {
			t.Fatalf("%v.In(UTC) = %v", got, got.In(UTC))
		}
	}
}

func TestDateCompare(t *testing.T) {
	a, b := Date{2024, 2, 29}, Date{2024, 3, 1}
	if a.Compare(b) != -1 || b.Compare(a) != 1 || a.Compare(a) != 0 {
		t.Error("Compare")
	}
	if !a.Before(b) || a.After(b) || !b.After(a) || a.Before(a) {
		t.Error("Before/After")
	}
	if !(Date{}).IsZero() || a.IsZero() {
		t.Error("IsZero")
	}
}

func TestDateValid(t *testing.T) {
	for _, tt := range []struct {
		d    Date
		want bool
	}{
		{Date{2024, 2, 29}, true}, {Date{2023, 2, 29}, false}, {Date{2000, 2, 29}, true},
		{Date{1900, 2, 29}, false}, {Date{2024, 4, 31}, false}, {Date{2024, 0, 1}, false},
		{Date{2024, 13, 1}, false}, {Date{2024, 1, 0}, false}, {Date{}, false},
	} {
		if got := tt.d.IsValid(); got != tt.want {
			t.Errorf("%v.IsValid() = %v, want %v", tt.d, got, tt.want)
		}
	}
}

func TestDateString(t *testing.T) {
	for _, tt := range []struct {
		d    Date
		want string
	}{
		{Date{2012, 12, 11}, "2012-12-11"}, {Date{7, 1, 2}, "0007-01-02"},
		{Date{12345, 1, 2}, "12345-01-02"}, {Date{-44, 3, 15}, "-0044-03-15"},
	} {
		if got := tt.d.String(); got != tt.want {
			t.Errorf("String() = %q, want %q", got, tt.want)
		}
	}
}

func TestDateJSON(t *testing.T) {
	type doc struct{ Issued Date }
	b, err := json.Marshal(doc{Date{2026, 4, 28}})
	if err != nil {
		t.Fatal(err)
	}
	if string(b) != `{"Issued":"2026-04-28"}` {
		t.Errorf("Marshal = %s", b)
	}
	var back doc
	if err := json.Unmarshal(b, &back); err != nil || back.Issued != (Date{2026, 4, 28}) {
		t.Errorf("Unmarshal = %v, %v", back, err)
	}
	if _, err := json.Marshal(doc{Date{2023, 2, 29}}); err == nil {
		t.Error("Marshal of an invalid date must fail")
	}
	if err := json.Unmarshal([]byte(`{"Issued":"2023-02-29"}`), &back); err == nil {
		t.Error("Unmarshal of an invalid date must fail")
	}
}

func TestDaysIn(t *testing.T) {
	for _, tt := range []struct {
		y    int
		m    time.Month
		want int
	}{
		{2024, 2, 29}, {2023, 2, 28}, {2100, 2, 28}, {2000, 2, 29}, {2024, 4, 30}, {2024, 12, 31}, {2024, 13, 31},
	} {
		if got := DaysIn(tt.y, tt.m); got != tt.want {
			t.Errorf("DaysIn(%d, %d) = %d, want %d", tt.y, tt.m, got, tt.want)
		}
	}
}

func TestDateAllocs(t *testing.T) {
	tm := utc(2012, 12, 10, 23, 59, 59, 0)
	d := Date{2024, 1, 31}
	n := testing.AllocsPerRun(100, func() {
		_ = DateOf(tm, JST).AddDays(30).AddMonths(1).In(JST)
		_ = MonthsAfter(d, 3)
		_ = d.Weekday()
	})
	if n != 0 {
		t.Errorf("date arithmetic allocates %v times", n)
	}
}

func BenchmarkDateOf(b *testing.B) {
	tm := utc(2012, 12, 10, 23, 59, 59, 0)
	b.ReportAllocs()
	for b.Loop() {
		_ = DateOf(tm, JST)
	}
}

func BenchmarkAddDays(b *testing.B) {
	d := Date{2024, 2, 28}
	b.ReportAllocs()
	for b.Loop() {
		d = d.AddDays(1)
	}
}
