package tz

import (
	"errors"
	"fmt"
	"slices"
	"time"
)

// Sentinels a [BusinessCalendar]'s methods return, wrapped in the typed
// errors below, for callers to branch on with [errors.Is].
var (
	// ErrOutOfRange matches a *[RangeError]: a date outside the range where
	// national holidays are known (see [HolidaysKnown]).
	ErrOutOfRange = errors.New("tz: date outside the range of known holidays")

	// ErrNoBusinessDay matches a *[ClosedError]: the calendar's Closings
	// close every day of a long run, so no business day can be found.
	ErrNoBusinessDay = errors.New("tz: calendar has no business day")
)

// A RangeError reports a date a [BusinessCalendar] was asked about, or
// reached while counting, for which national holidays are not known: before
// 1948-07-20 (the National Holidays Act) or after 2099-12-31 (the end of the
// equinox formula). Whether such a day is a business day cannot be known,
// so the calendar refuses rather than guesses. It matches [ErrOutOfRange].
type RangeError struct {
	Date Date // the date out of range
}

// Error returns "tz: 2100-01-01 is outside 1948-07-20..2099-12-31, where
// national holidays are known".
func (e *RangeError) Error() string {
	first, last := holidayRange()
	return fmt.Sprintf("tz: %s is outside %s..%s, where national holidays are known", e.Date, first, last)
}

// Unwrap returns [ErrOutOfRange].
func (e *RangeError) Unwrap() error { return ErrOutOfRange }

// A ClosedError reports that a [BusinessCalendar] closes every day from
// First to Last (3653 days, about ten years): its Closings close every day,
// a configuration error no date could answer. It matches [ErrNoBusinessDay].
type ClosedError struct {
	First, Last Date // the run of closed days searched, in date order
}

// Error returns "tz: business calendar closes every day from 2026-01-01 to
// 2035-12-31".
func (e *ClosedError) Error() string {
	return fmt.Sprintf("tz: business calendar closes every day from %s to %s", e.First, e.Last)
}

// Unwrap returns [ErrNoBusinessDay].
func (e *ClosedError) Unwrap() error { return ErrNoBusinessDay }

// A Closing reports whether a company is closed on d (true: closed), on top
// of the weekends and national holidays a [BusinessCalendar] always closes.
// It is called with valid dates and must be safe for concurrent use; the
// constructors in this package return Closings that keep no mutable state.
type Closing func(d Date) bool

// A BusinessCalendar decides which days are business days (rules TV-7 and
// CT-7): every day except Saturdays, Sundays, national holidays as [Holiday]
// reports them (including substitute holidays and the citizens' holiday),
// and the days any of its Closings reports closed. A nil Closing in the
// slice closes nothing.
//
// The zero value is ready to use and closes weekends and national holidays
// only. Company closing days are added with [BusinessCalendar.With]:
//
//	cal := tz.BusinessCalendar{}.With(tz.YearEndClosing())
//
// A BusinessCalendar is a value; its methods do not modify it and are safe
// for concurrent use as long as its Closings are.
//
// National holidays are known from 1948-07-20 to 2099-12-31 (see
// [HolidaysKnown]); every method returns a *[RangeError] for a date outside
// that range, or for a count that leaves it, rather than guess.
type BusinessCalendar struct {
	Closings []Closing
}

// maxClosedRun bounds the search for a business day: if this many
// consecutive days (about ten years) are all closed, the calendar is taken
// to close every day and the search returns a *ClosedError.
const maxClosedRun = 3653

// With returns a copy of c that also closes the days of cl:
// BusinessCalendar{}.With(YearEndClosing()) closes weekends, holidays and
// 29 December to 3 January. It never modifies c or shares its slice, so a
// calendar can be extended in several ways from one base.
func (c BusinessCalendar) With(cl ...Closing) BusinessCalendar {
	all := make([]Closing, 0, len(c.Closings)+len(cl))
	all = append(all, c.Closings...)
	all = append(all, cl...)
	return BusinessCalendar{Closings: all}
}

// IsBusinessDay reports whether d is a business day of c: not a Saturday or
// Sunday, not a national holiday, and not closed by any of c's Closings.
// IsBusinessDay(2026-09-22) is false for the zero calendar (a citizens'
// holiday). An invalid d is normalized as [NewDate] does. For a date
// outside the range where holidays are known ([HolidaysKnown]) it returns
// false and a *[RangeError]: IsBusinessDay(2100-01-01) cannot be answered.
//
// With the zero calendar, IsBusinessDay does not allocate.
func (c BusinessCalendar) IsBusinessDay(d Date) (bool, error) {
	if !d.IsValid() {
		d = NewDate(d.Year, d.Month, d.Day)
	}
	if !HolidaysKnown(d) {
		return false, &RangeError{Date: d}
	}
	return c.open(d), nil
}

// open is IsBusinessDay for a valid d in the known range.
func (c BusinessCalendar) open(d Date) bool {
	switch d.Weekday() {
	case time.Saturday, time.Sunday:
		return false
	}
	if holidayOf(d) != notHoliday {
		return false
	}
	for _, cl := range c.Closings {
		if cl != nil && cl(d) {
			return false
		}
	}
	return true
}

// AddBusinessDays returns the n-th business day after d, d itself not
// counted, as civil law counts a period from an event (Civil Code art.
// 140): for the zero calendar, AddBusinessDays(2026-09-18, 1) is
// 2026-09-24, since the 19th and 20th are a weekend and the 21st to 23rd
// holidays. Whether d is a business day does not matter for n != 0.
//
// A negative n counts backwards: the |n|-th business day before d. n == 0
// returns d if it is a business day, else the next business day after it
// (the same as n == 1 from the day before d).
//
// AddBusinessDays returns a *[RangeError] if d, or a day the count must
// look at, lies outside the range where holidays are known, and a
// *[ClosedError] if it finds no business day among 3653 consecutive days
// (about ten years), which means the calendar's Closings close every day.
// On error the Date is the zero Date. It never panics, and its time is
// bounded by n and the range, whatever the calendar.
func (c BusinessCalendar) AddBusinessDays(d Date, n int) (Date, error) {
	if !d.IsValid() {
		d = NewDate(d.Year, d.Month, d.Day)
	}
	if !HolidaysKnown(d) {
		return Date{}, &RangeError{Date: d}
	}
	if n == 0 {
		if c.open(d) {
			return d, nil
		}
		n = 1
	}
	// Count in uint64, so that n = math.MinInt, whose negation overflows,
	// counts back as far as any other large n (and meets the range).
	step, count := 1, uint64(n)
	if n < 0 {
		step, count = -1, uint64(-(n+1))+1
	}
	for ; count > 0; count-- {
		var err error
		if d, err = c.step(d, step); err != nil {
			return Date{}, err
		}
	}
	return d, nil
}

// NextBusinessDay returns the first business day strictly after d:
// NextBusinessDay(2026-12-28) is 2027-01-04 for a calendar With
// [YearEndClosing]. It is AddBusinessDays(d, 1) and fails as that does.
func (c BusinessCalendar) NextBusinessDay(d Date) (Date, error) {
	return c.AddBusinessDays(d, 1)
}

// BusinessDaysBetween returns the number of business days met going from a
// to b, a itself not counted and b counted, as AddBusinessDays counts: the
// business days after a up to and including b, or, when b is before a, the
// business days from b up to but excluding a, negated. So
// BusinessDaysBetween(d, c.AddBusinessDays(d, n)) == n for every n != 0.
// For the zero calendar, BusinessDaysBetween(2026-09-18, 2026-09-24) is 1
// and BusinessDaysBetween(2026-09-24, 2026-09-18) is -1. It takes time
// proportional to the number of days between a and b, which the known
// range bounds; a or b outside that range is a *[RangeError].
func (c BusinessCalendar) BusinessDaysBetween(a, b Date) (int, error) {
	if !a.IsValid() {
		a = NewDate(a.Year, a.Month, a.Day)
	}
	if !b.IsValid() {
		b = NewDate(b.Year, b.Month, b.Day)
	}
	for _, d := range [2]Date{a, b} {
		if !HolidaysKnown(d) {
			return 0, &RangeError{Date: d}
		}
	}
	n := 0
	switch {
	case a.Before(b):
		for d := a.AddDays(1); !d.After(b); d = d.AddDays(1) {
			if c.open(d) {
				n++
			}
		}
	case b.Before(a):
		for d := b; d.Before(a); d = d.AddDays(1) {
			if c.open(d) {
				n--
			}
		}
	}
	return n, nil
}

// step returns the first business day after d in direction dir (+1 or -1).
func (c BusinessCalendar) step(d Date, dir int) (Date, error) {
	first := d.AddDays(dir)
	for i := 0; i < maxClosedRun; i++ {
		d = d.AddDays(dir)
		if !HolidaysKnown(d) {
			return Date{}, &RangeError{Date: d}
		}
		if c.open(d) {
			return d, nil
		}
	}
	if dir < 0 {
		first, d = d, first
	}
	return Date{}, &ClosedError{First: first, Last: d}
}

// YearEndClosing returns the Closing most Japanese companies observe at the
// turn of the year (年末年始休業, CT-7): 29 December to 3 January inclusive,
// every year. It is AnnualClosing(time.December, 29, time.January, 3).
func YearEndClosing() Closing {
	return AnnualClosing(time.December, 29, time.January, 3)
}

// AnnualClosing returns a Closing for the same days every year, from
// firstMonth/firstDay to lastMonth/lastDay inclusive; a range whose first
// day comes after its last (December to January) wraps the turn of the
// year. AnnualClosing(time.August, 13, time.August, 16) closes the Obon
// days. A range naming 29 February closes it in leap years only; a first
// day equal to the last closes that one day.
func AnnualClosing(firstMonth time.Month, firstDay int, lastMonth time.Month, lastDay int) Closing {
	first := int(firstMonth)*100 + firstDay
	last := int(lastMonth)*100 + lastDay
	return func(d Date) bool {
		if !d.IsValid() {
			d = NewDate(d.Year, d.Month, d.Day)
		}
		md := int(d.Month)*100 + d.Day
		if first <= last {
			return first <= md && md <= last
		}
		return md >= first || md <= last
	}
}

// ClosingDates returns a Closing for the given days, such as closing days a
// company announces one by one. It copies ds, so changing ds later does not
// change the Closing. Invalid dates are normalized as [NewDate] does.
func ClosingDates(ds ...Date) Closing {
	days := make([]Date, len(ds))
	for i, d := range ds {
		if !d.IsValid() {
			d = NewDate(d.Year, d.Month, d.Day)
		}
		days[i] = d
	}
	slices.SortFunc(days, Date.Compare)
	days = slices.Compact(days)
	return func(d Date) bool {
		if !d.IsValid() {
			d = NewDate(d.Year, d.Month, d.Day)
		}
		_, found := slices.BinarySearchFunc(days, d, Date.Compare)
		return found
	}
}

// ClosingRange returns a Closing for every day from first to last
// inclusive: ClosingRange(2026-08-10, 2026-08-14) closes five days. If last
// is before first it closes nothing.
func ClosingRange(first, last Date) Closing {
	if !first.IsValid() {
		first = NewDate(first.Year, first.Month, first.Day)
	}
	if !last.IsValid() {
		last = NewDate(last.Year, last.Month, last.Day)
	}
	return func(d Date) bool {
		return !d.Before(first) && !d.After(last)
	}
}
