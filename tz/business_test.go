package tz

import (
	"errors"
	"math"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestIsBusinessDay(t *testing.T) {
	zero := BusinessCalendar{}
	yearEnd := BusinessCalendar{}.With(YearEndClosing())
	tests := []struct {
		name string
		cal  BusinessCalendar
		d    Date
		want bool
		why  string
	}{
		{"CT-7 weekday is a business day", zero, Date{2026, 9, 24}, true, "a Thursday, no holiday"},
		{"CT-7 Saturday is closed", zero, Date{2026, 9, 19}, false, ""},
		{"CT-7 Sunday is closed", zero, Date{2026, 9, 20}, false, ""},
		{"CT-7 national holiday is closed", zero, Date{2026, 9, 21}, false, "Respect for the Aged Day"},
		{"CT-7 citizens' holiday 2026-09-22 is closed", zero, Date{2026, 9, 22}, false, "TV-7 citizens' holiday"},
		{"CT-7 citizens' holiday 2032-09-21 is closed", zero, Date{2032, 9, 21}, false, "TV-7 citizens' holiday (the peer calendar library has it; its first miss is 2037-09-22)"},
		{"CT-7 citizens' holiday 2037-09-22 is closed", zero, Date{2037, 9, 22}, false, "TV-7 citizens' holiday, the first one the peer calendar library misses"},
		{"CT-7 substitute holiday 2026-05-06 is closed", zero, Date{2026, 5, 6}, false, "TV-7 substitute holiday"},
		{"CT-7 zero calendar keeps 2026-12-29 open", zero, Date{2026, 12, 29}, true, "no company closing in the zero value"},
		{"CT-7 year-end closing 12-28 open", yearEnd, Date{2026, 12, 28}, true, "a Monday, the day before the closing"},
		{"CT-7 year-end closing 12-29 closed", yearEnd, Date{2026, 12, 29}, false, "first closing day"},
		{"CT-7 year-end closing 12-31 closed", yearEnd, Date{2026, 12, 31}, false, ""},
		{"CT-7 year-end closing 01-02 closed", yearEnd, Date{2026, 1, 2}, false, "a Friday"},
		{"CT-7 year-end closing 01-03 closed", yearEnd, Date{2028, 1, 3}, false, "a Monday, last closing day"},
		{"CT-7 year-end closing 01-04 open", yearEnd, Date{2027, 1, 4}, true, "a Monday, the day after the closing"},
		{"CT-7 year-end closing keeps holidays", yearEnd, Date{2026, 9, 22}, false, ""},
		{"CT-7 nil closing closes nothing", BusinessCalendar{Closings: []Closing{nil}}, Date{2026, 9, 24}, true, ""},
		{"CT-7 invalid date normalized", zero, Date{2026, 9, 0}, true, "2026-09-00 is 2026-08-31, a Monday"},
		{"CT-7 invalid date normalized to a holiday", zero, Date{2026, 12, 32}, false, "2026-12-32 is 2027-01-01"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := mustOpen(t, tc.cal, tc.d); got != tc.want {
				t.Errorf("IsBusinessDay(%s) = %v, want %v (%s)", tc.d, got, tc.want, tc.why)
			}
		})
	}
}

func TestAddBusinessDays(t *testing.T) {
	zero := BusinessCalendar{}
	yearEnd := BusinessCalendar{}.With(YearEndClosing())
	tests := []struct {
		name string
		cal  BusinessCalendar
		d    Date
		n    int
		want Date
		why  string
	}{
		{"CT-7 5 business days over a plain week", zero, Date{2026, 6, 1}, 5, Date{2026, 6, 8}, "Mon + 5: Tue..Fri, Mon"},
		{"CT-7 the start day is not counted", zero, Date{2026, 6, 1}, 1, Date{2026, 6, 2}, "civil-law style, art. 140"},
		{"CT-7 start on a Saturday", zero, Date{2026, 6, 6}, 1, Date{2026, 6, 8}, ""},
		{"CT-7 silver week 2026", zero, Date{2026, 9, 18}, 1, Date{2026, 9, 24}, "19-20 weekend, 21 holiday, 22 citizens', 23 equinox"},
		{"CT-7 golden week 2026", zero, Date{2026, 4, 30}, 5, Date{2026, 5, 12}, "05-01, then 05-02..05-06 closed (substitute 05-06), 05-07, 08, 11, 12"},
		{"CT-7 year end without company closing", zero, Date{2026, 12, 25}, 5, Date{2027, 1, 4}, "12-28..31, then 01-04; 01-01 a holiday"},
		{"CT-7 year end with YearEndClosing", yearEnd, Date{2026, 12, 25}, 5, Date{2027, 1, 7}, "12-28, then 01-04..07"},
		{"CT-7 contract on the first closing day", yearEnd, Date{2026, 12, 29}, 1, Date{2027, 1, 4}, ""},
		{"CT-7 n == 0 on a business day is that day", zero, Date{2026, 9, 24}, 0, Date{2026, 9, 24}, ""},
		{"CT-7 n == 0 on a closed day is the next business day", zero, Date{2026, 9, 19}, 0, Date{2026, 9, 24}, ""},
		{"CT-7 n < 0 counts backwards", zero, Date{2026, 9, 24}, -1, Date{2026, 9, 18}, ""},
		{"CT-7 n < 0 across the year end", yearEnd, Date{2027, 1, 4}, -1, Date{2026, 12, 28}, ""},
		{"CT-7 n < 0 from a closed day", zero, Date{2026, 9, 20}, -2, Date{2026, 9, 17}, ""},
		{"CT-7 29 February is a business day", zero, Date{2028, 2, 28}, 1, Date{2028, 2, 29}, "a Tuesday in a leap year"},
		{"CT-7 across 2049/2050", zero, Date{2049, 12, 31}, 1, Date{2050, 1, 3}, "2050-01-01 Sat (holiday), 01-02 Sun"},
		{"CT-7 a year of business days", zero, Date{2025, 12, 31}, 244, Date{2026, 12, 31}, "2026 has 244 business days (TestBusinessDaysYear2026)"},
		{"CT-7 invalid start normalized", zero, Date{2026, 9, 0}, 1, Date{2026, 9, 1}, "2026-09-00 is 2026-08-31"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := mustAdd(t, tc.cal, tc.d, tc.n)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("AddBusinessDays(%s, %d) (-want +got):\n%s\nwhy: %s", tc.d, tc.n, diff, tc.why)
			}
		})
	}
}

func TestBusinessDaysYear2026(t *testing.T) {
	// 2026 has 261 weekdays (Monday to Friday) and 18 holidays, of which
	// only 05-03 falls on a weekend: 261 - 17 = 244 business days. They
	// are the business days after 2025-12-31 up to 2026-12-31 inclusive.
	got := mustBetween(t, BusinessCalendar{}, Date{2025, 12, 31}, Date{2026, 12, 31})
	if got != 244 {
		t.Errorf("CT-7 business days in 2026 = %d, want 244", got)
	}
	got = mustBetween(t, BusinessCalendar{}.With(YearEndClosing()), Date{2025, 12, 31}, Date{2026, 12, 31})
	// Year-end closing removes the weekdays 01-02 and 12-29, 12-30, 12-31.
	if got != 240 {
		t.Errorf("CT-7 business days in 2026 with year-end closing = %d, want 240", got)
	}
}

func TestNextBusinessDay(t *testing.T) {
	cal := BusinessCalendar{}.With(YearEndClosing())
	tests := []struct {
		name string
		d    Date
		want Date
	}{
		{"CT-7 next after a business day", Date{2026, 6, 1}, Date{2026, 6, 2}},
		{"CT-7 next after Friday", Date{2026, 6, 5}, Date{2026, 6, 8}},
		{"CT-7 next after 12-28 skips the year-end closing", Date{2026, 12, 28}, Date{2027, 1, 4}},
		{"CT-7 next after the last closing day 01-03", Date{2028, 1, 3}, Date{2028, 1, 4}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, mustAdd(t, cal, tc.d, 1)); diff != "" {
				t.Errorf("NextBusinessDay(%s) (-want +got):\n%s", tc.d, diff)
			}
		})
	}
}

func TestBusinessDaysBetween(t *testing.T) {
	zero := BusinessCalendar{}
	tests := []struct {
		name string
		a, b Date
		want int
	}{
		{"CT-7 same day is zero", Date{2026, 9, 24}, Date{2026, 9, 24}, 0},
		{"CT-7 next day", Date{2026, 9, 24}, Date{2026, 9, 25}, 1},
		{"CT-7 a is not counted, b is", Date{2026, 9, 18}, Date{2026, 9, 24}, 1},
		{"CT-7 over silver week, closed end", Date{2026, 9, 18}, Date{2026, 9, 23}, 0},
		{"CT-7 backwards is negative", Date{2026, 9, 24}, Date{2026, 9, 18}, -1},
		{"CT-7 backwards counts b, not a", Date{2026, 9, 19}, Date{2026, 9, 17}, -2},
		{"CT-7 backwards to a closed day", Date{2026, 9, 24}, Date{2026, 9, 19}, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := mustBetween(t, zero, tc.a, tc.b); got != tc.want {
				t.Errorf("BusinessDaysBetween(%s, %s) = %d, want %d", tc.a, tc.b, got, tc.want)
			}
		})
	}
}

// TestAddBusinessDaysProperties checks AddBusinessDays against
// BusinessDaysBetween and itself over two years of start days.
func TestAddBusinessDaysProperties(t *testing.T) {
	cal := BusinessCalendar{}.With(YearEndClosing(), ClosingDates(Date{2026, 8, 14}))
	for d := (Date{2025, 12, 1}); d.Before(Date{2027, 2, 1}); d = d.AddDays(1) {
		for n := -12; n <= 12; n++ {
			got := mustAdd(t, cal, d, n)
			if !mustOpen(t, cal, got) {
				t.Fatalf("CT-7 AddBusinessDays(%s, %d) = %s, not a business day", d, n, got)
			}
			if n == 0 {
				if mustOpen(t, cal, d) && got != d {
					t.Fatalf("CT-7 AddBusinessDays(%s, 0) = %s, want the day itself", d, got)
				}
				if !mustOpen(t, cal, d) && got != mustAdd(t, cal, d, 1) {
					t.Fatalf("CT-7 AddBusinessDays(%s, 0) = %s, want the next business day", d, got)
				}
				continue
			}
			if between := mustBetween(t, cal, d, got); between != n {
				t.Fatalf("CT-7 BusinessDaysBetween(%s, AddBusinessDays(%s, %d) = %s) = %d", d, d, n, got, between)
			}
			if mustOpen(t, cal, d) {
				if back := mustAdd(t, cal, got, -n); back != d {
					t.Fatalf("CT-7 AddBusinessDays(AddBusinessDays(%s, %d), %d) = %s", d, n, -n, back)
				}
			}
		}
	}
}

func TestAddBusinessDaysAllClosed(t *testing.T) {
	cal := BusinessCalendar{}.With(func(Date) bool { return true })
	for _, n := range []int{1, -1, 0} {
		got, err := cal.AddBusinessDays(Date{2026, 1, 1}, n)
		var ce *ClosedError
		if !errors.As(err, &ce) || !errors.Is(err, ErrNoBusinessDay) {
			t.Errorf("CT-7 AddBusinessDays(_, %d) on an all-closed calendar = %s, %v; want a *ClosedError", n, got, err)
			continue
		}
		if days := ce.Last.Sub(ce.First) + 1; days != maxClosedRun {
			t.Errorf("CT-7 AddBusinessDays(_, %d): ClosedError %s..%s spans %d days, want %d", n, ce.First, ce.Last, days, maxClosedRun)
		}
	}
	if _, err := cal.NextBusinessDay(Date{2026, 1, 1}); !errors.Is(err, ErrNoBusinessDay) {
		t.Errorf("CT-7 NextBusinessDay on an all-closed calendar: err = %v, want ErrNoBusinessDay", err)
	}
	// A long closure that ends is not mistaken for an all-closed calendar.
	long := BusinessCalendar{}.With(ClosingRange(Date{2026, 1, 1}, Date{2030, 12, 31}))
	if got, err := long.NextBusinessDay(Date{2025, 12, 31}); err != nil || got != (Date{2031, 1, 2}) {
		t.Errorf("CT-7 NextBusinessDay over a five-year closure = %s, %v, want 2031-01-02", got, err)
	}
}

// TestBusinessCalendarRange pins the range where holidays are known: a
// business calendar refuses to answer outside it rather than call 2100-01-01
// a business day.
func TestBusinessCalendarRange(t *testing.T) {
	var cal BusinessCalendar
	for _, tc := range []struct {
		name string
		d    Date
		ok   bool
	}{
		{"TV-7 1948-07-19 is before the Act", Date{1948, 7, 19}, false},
		{"TV-7 1948-07-20 the Act in force", Date{1948, 7, 20}, true},
		{"TV-7 2099-12-31 the last known day", Date{2099, 12, 31}, true},
		{"TV-7 2100-01-01 beyond the equinox formula", Date{2100, 1, 1}, false},
		{"TV-7 1900-01-01 long before the Act", Date{1900, 1, 1}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := HolidaysKnown(tc.d); got != tc.ok {
				t.Errorf("HolidaysKnown(%s) = %v, want %v", tc.d, got, tc.ok)
			}
			_, err := cal.IsBusinessDay(tc.d)
			if tc.ok != (err == nil) {
				t.Errorf("IsBusinessDay(%s) err = %v, want error %v", tc.d, err, !tc.ok)
			}
			var re *RangeError
			if !tc.ok && (!errors.As(err, &re) || re.Date != tc.d || !errors.Is(err, ErrOutOfRange)) {
				t.Errorf("IsBusinessDay(%s) err = %#v, want *RangeError for that date", tc.d, err)
			}
		})
	}
	if _, err := cal.AddBusinessDays(Date{2099, 12, 30}, 5); !errors.Is(err, ErrOutOfRange) {
		t.Errorf("TV-7 AddBusinessDays counting past 2099: err = %v, want ErrOutOfRange", err)
	}
	if _, err := cal.AddBusinessDays(Date{1948, 7, 21}, -5); !errors.Is(err, ErrOutOfRange) {
		t.Errorf("TV-7 AddBusinessDays counting back before 1948-07-20: err = %v, want ErrOutOfRange", err)
	}
	for _, n := range []int{math.MaxInt, math.MinInt, math.MinInt + 1} {
		if got, err := cal.AddBusinessDays(Date{2026, 1, 1}, n); !errors.Is(err, ErrOutOfRange) {
			t.Errorf("TV-7 AddBusinessDays(2026-01-01, %d) = %s, %v; want ErrOutOfRange", n, got, err)
		}
	}
	if _, err := cal.BusinessDaysBetween(Date{2026, 1, 1}, Date{2100, 1, 1}); !errors.Is(err, ErrOutOfRange) {
		t.Errorf("TV-7 BusinessDaysBetween to 2100: err = %v, want ErrOutOfRange", err)
	}
	want := "tz: 2100-01-01 is outside 1948-07-20..2099-12-31, where national holidays are known"
	if _, err := cal.IsBusinessDay(Date{2100, 1, 1}); err == nil || err.Error() != want {
		t.Errorf("TV-7 RangeError message = %v, want %q", err, want)
	}
}

func TestWithDoesNotAlias(t *testing.T) {
	closeMon := func(d Date) bool { return d.Weekday() == time.Monday }
	closeTue := func(d Date) bool { return d.Weekday() == time.Tuesday }
	// A base with spare capacity: appending to it in place would let one
	// derived calendar overwrite the other's closing.
	base := BusinessCalendar{Closings: make([]Closing, 0, 8)}
	mon := base.With(closeMon)
	tue := base.With(closeTue)
	if len(base.Closings) != 0 {
		t.Fatalf("CT-7 With modified its receiver: %d closings", len(base.Closings))
	}
	monday, tuesday := Date{2026, 6, 1}, Date{2026, 6, 2}
	if mustOpen(t, mon, monday) || !mustOpen(t, mon, tuesday) {
		t.Error("CT-7 calendar With(closeMon) lost its closing")
	}
	if mustOpen(t, tue, tuesday) || !mustOpen(t, tue, monday) {
		t.Error("CT-7 calendar With(closeTue) lost its closing")
	}
	// Changing a derived calendar's slice does not change the other.
	mon.Closings[0] = closeTue
	if !mustOpen(t, base.With(), monday) {
		t.Error("CT-7 base changed")
	}
}

func TestClosingDates(t *testing.T) {
	ds := []Date{{2026, 8, 14}, {2026, 8, 13}, {2026, 8, 14}, {2026, 7, 32}}
	cl := ClosingDates(ds...)
	ds[0] = Date{2026, 8, 20} // must not change cl
	tests := []struct {
		name string
		d    Date
		want bool
	}{
		{"CT-7 announced date closed", Date{2026, 8, 13}, true},
		{"CT-7 announced date closed, given twice", Date{2026, 8, 14}, true},
		{"CT-7 announced date normalized", Date{2026, 8, 1}, true},
		{"CT-7 other day open", Date{2026, 8, 12}, false},
		{"CT-7 argument copied", Date{2026, 8, 20}, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := cl(tc.d); got != tc.want {
				t.Errorf("ClosingDates(...)(%s) = %v, want %v", tc.d, got, tc.want)
			}
		})
	}
	if ClosingDates()(Date{2026, 8, 13}) {
		t.Error("CT-7 ClosingDates() closes a day")
	}
}

func TestClosingRange(t *testing.T) {
	cl := ClosingRange(Date{2026, 8, 10}, Date{2026, 8, 14})
	tests := []struct {
		name string
		d    Date
		want bool
	}{
		{"CT-7 range day before first open", Date{2026, 8, 9}, false},
		{"CT-7 range first day closed", Date{2026, 8, 10}, true},
		{"CT-7 range last day closed", Date{2026, 8, 14}, true},
		{"CT-7 range day after last open", Date{2026, 8, 15}, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := cl(tc.d); got != tc.want {
				t.Errorf("ClosingRange(2026-08-10, 2026-08-14)(%s) = %v, want %v", tc.d, got, tc.want)
			}
		})
	}
	if ClosingRange(Date{2026, 8, 14}, Date{2026, 8, 10})(Date{2026, 8, 12}) {
		t.Error("CT-7 reversed ClosingRange closes a day")
	}
}

func TestAnnualClosing(t *testing.T) {
	yearEnd := YearEndClosing()
	obon := AnnualClosing(time.August, 13, time.August, 16)
	leap := AnnualClosing(time.February, 29, time.February, 29)
	tests := []struct {
		name string
		cl   Closing
		d    Date
		want bool
	}{
		{"CT-7 year-end 12-28 open", yearEnd, Date{2026, 12, 28}, false},
		{"CT-7 year-end 12-29 closed", yearEnd, Date{2026, 12, 29}, true},
		{"CT-7 year-end 12-31 closed", yearEnd, Date{2049, 12, 31}, true},
		{"CT-7 year-end 01-01 closed", yearEnd, Date{2050, 1, 1}, true},
		{"CT-7 year-end 01-03 closed", yearEnd, Date{2027, 1, 3}, true},
		{"CT-7 year-end 01-04 open", yearEnd, Date{2027, 1, 4}, false},
		{"CT-7 year-end invalid date normalized", yearEnd, Date{2026, 12, 32}, true},
		{"CT-7 annual range 08-12 open", obon, Date{2026, 8, 12}, false},
		{"CT-7 annual range 08-13 closed", obon, Date{2026, 8, 13}, true},
		{"CT-7 annual range 08-16 closed", obon, Date{2026, 8, 16}, true},
		{"CT-7 annual range 08-17 open", obon, Date{2026, 8, 17}, false},
		{"CT-7 annual 29 February in a leap year", leap, Date{2028, 2, 29}, true},
		{"CT-7 annual 29 February: 1 March open", leap, Date{2027, 3, 1}, false},
		{"CT-7 annual 29 February: 28 February open", leap, Date{2027, 2, 28}, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.cl(tc.d); got != tc.want {
				t.Errorf("closing(%s) = %v, want %v", tc.d, got, tc.want)
			}
		})
	}
}

func TestBusinessAllocs(t *testing.T) {
	zero := BusinessCalendar{}
	yearEnd := BusinessCalendar{}.With(YearEndClosing(), ClosingDates(Date{2026, 8, 14}))
	d := Date{2026, 9, 18}
	checks := []struct {
		name string
		f    func()
	}{
		{"CT-7 IsBusinessDay zero calendar", func() { zero.IsBusinessDay(d) }},
		{"CT-7 IsBusinessDay with closings", func() { yearEnd.IsBusinessDay(d) }},
		{"CT-7 AddBusinessDays zero calendar", func() { zero.AddBusinessDays(d, 5) }},
		{"CT-7 AddBusinessDays with closings", func() { yearEnd.AddBusinessDays(d, -5) }},
		{"CT-7 BusinessDaysBetween", func() { yearEnd.BusinessDaysBetween(d, d.AddDays(30)) }},
	}
	for _, c := range checks {
		if n := testing.AllocsPerRun(100, c.f); n != 0 {
			t.Errorf("%s: %v allocations per call, want 0", c.name, n)
		}
	}
}

// TestBusinessCalendarConcurrent gives the race detector a shared calendar
// to look at; there is no state to race on.
func TestBusinessCalendarConcurrent(t *testing.T) {
	cal := BusinessCalendar{}.With(YearEndClosing(), ClosingDates(Date{2026, 8, 14}))
	want := mustAdd(t, cal, Date{2026, 1, 1}, 100)
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if got, err := cal.AddBusinessDays(Date{2026, 1, 1}, 100); err != nil || got != want {
				t.Errorf("CT-7 concurrent AddBusinessDays = %s, %v, want %s", got, err, want)
			}
			Holidays(2026)
		}()
	}
	wg.Wait()
}

func BenchmarkIsBusinessDay(b *testing.B) {
	b.ReportAllocs()
	cal := BusinessCalendar{}
	d := Date{2026, time.January, 1}
	for i := 0; b.Loop(); i++ {
		cal.IsBusinessDay(d.AddDays(i % 366))
	}
}

func BenchmarkAddBusinessDays(b *testing.B) {
	b.ReportAllocs()
	cal := BusinessCalendar{}.With(YearEndClosing())
	d := Date{2026, time.December, 25}
	for b.Loop() {
		cal.AddBusinessDays(d, 5)
	}
}

func mustOpen(t testing.TB, c BusinessCalendar, d Date) bool {
	t.Helper()
	ok, err := c.IsBusinessDay(d)
	if err != nil {
		t.Fatalf("IsBusinessDay(%s): %v", d, err)
	}
	return ok
}

func mustAdd(t testing.TB, c BusinessCalendar, d Date, n int) Date {
	t.Helper()
	got, err := c.AddBusinessDays(d, n)
	if err != nil {
		t.Fatalf("AddBusinessDays(%s, %d): %v", d, n, err)
	}
	return got
}

func mustBetween(t testing.TB, c BusinessCalendar, a, b Date) int {
	t.Helper()
	n, err := c.BusinessDaysBetween(a, b)
	if err != nil {
		t.Fatalf("BusinessDaysBetween(%s, %s): %v", a, b, err)
	}
	return n
}
