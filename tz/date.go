package tz

import (
	"strconv"
	"time"
)

// A Date is a civil date: a day on the calendar, with no time and no zone.
// Which instants it covers depends on the zone it is read in ([Date.In]).
//
// The zero Date is not a valid date; [Date.IsZero] reports it. Methods that
// compute with a Date that is out of range (Day 30 of February, Month 13)
// normalize it the way [time.Date] does.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// DateOf returns the civil date of t in loc: DateOf of
// 2012-12-10T23:59:59Z in JST is 2012-12-11. A nil loc means [JST]; the
// host's local zone is never used.
func DateOf(t time.Time, loc *time.Location) Date {
	y, m, d := t.In(orJST(loc)).Date()
	return Date{y, m, d}
}

// NewDate returns the date year-month-day, normalized as [time.Date] does:
// NewDate(2024, 2, 30) is 2024-03-01.
func NewDate(year int, month time.Month, day int) Date {
	return fromDays(Date{year, month, day}.days())
}

// In returns the first instant of d in loc (midnight at its start). A nil
// loc means [JST].
func (d Date) In(loc *time.Location) time.Time {
	return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, orJST(loc))
}

// EndIn returns the first instant after d in loc: midnight at the start of
// the next day. A period that ends "at the end of" day d is over from this
// instant on (Civil Code art. 141), so a time t lies within it when
// t.Before(d.EndIn(loc)). A nil loc means [JST].
func (d Date) EndIn(loc *time.Location) time.Time {
	return d.AddDays(1).In(loc)
}

// Contains reports whether the instant t falls on d in loc. A nil loc means
// [JST].
func (d Date) Contains(t time.Time, loc *time.Location) bool {
	return DateOf(t, loc) == d.normalize()
}

// AddDays returns the date n days after d (before d when n is negative):
// 2024-02-28 plus 2 days is 2024-03-01.
func (d Date) AddDays(n int) Date {
	return fromDays(d.days() + int64(n))
}

// AddMonths returns the date n months after d (before d when n is
// negative), with the day clamped to the last day of the resulting month:
// 2024-01-31 plus 1 month is 2024-02-29, not 2024-03-02 as
// time.Time.AddDate would give.
func (d Date) AddMonths(n int) Date {
	d = d.normalize()
	y, m := addMonths(d.Year, d.Month, n)
	day := d.Day
	if last := DaysIn(y, m); day > last {
		day = last
	}
	return Date{y, m, day}
}

// Sub returns the number of days from e to d: d.Sub(e) is 1 when d is the
// day after e.
func (d Date) Sub(e Date) int {
	return int(d.days() - e.days())
}

// Weekday returns the day of the week of d.
func (d Date) Weekday() time.Weekday {
	// 1970-01-01 was a Thursday.
	w := (d.days() + 4) % 7
	if w < 0 {
		w += 7
	}
	return time.Weekday(w)
}

// Compare returns -1 if d is before e, 0 if they are the same day, and +1 if
// d is after e.
func (d Date) Compare(e Date) int {
	a, b := d.days(), e.days()
	switch {
	case a < b:
		return -1
	case a > b:
		return +1
	}
	return 0
}

// Before reports whether d is before e.
func (d Date) Before(e Date) bool { return d.Compare(e) < 0 }

// After reports whether d is after e.
func (d Date) After(e Date) bool { return d.Compare(e) > 0 }

// IsZero reports whether d is the zero Date.
func (d Date) IsZero() bool { return d == Date{} }

// IsValid reports whether d names a day that exists: a month from 1 to 12
// and a day within that month (29 February only in leap years).
func (d Date) IsValid() bool {
	return d.Month >= time.January && d.Month <= time.December &&
		d.Day >= 1 && d.Day <= DaysIn(d.Year, d.Month)
}

// String returns d as "2006-01-02". Years outside 0 to 9999 are printed with
// as many digits as they need and a sign when negative.
func (d Date) String() string {
	return string(d.AppendFormat(make([]byte, 0, 10)))
}

// AppendFormat appends d as "2006-01-02" to b.
func (d Date) AppendFormat(b []byte) []byte {
	y := d.Year
	if y < 0 {
		b = append(b, '-')
		y = -y
	}
	switch {
	case y < 10:
		b = append(b, '0', '0', '0')
	case y < 100:
		b = append(b, '0', '0')
	case y < 1000:
		b = append(b, '0')
	}
	b = strconv.AppendInt(b, int64(y), 10)
	b = append(b, '-', byte('0'+int(d.Month)/10), byte('0'+int(d.Month)%10))
	b = append(b, '-', byte('0'+d.Day/10), byte('0'+d.Day%10))
	return b
}

// MarshalText implements [encoding.TextMarshaler]; the form is "2006-01-02".
// An invalid date is an error.
func (d Date) MarshalText() ([]byte, error) {
	if !d.IsValid() {
		return nil, &ParseError{Input: d.String(), Reason: ReasonBadDate}
	}
	return d.AppendFormat(make([]byte, 0, 10)), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler], accepting what
// [ParseDate] accepts.
func (d *Date) UnmarshalText(b []byte) error {
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// DaysIn returns the number of days in the month: 29 for February 2024.
func DaysIn(year int, month time.Month) int {
	year, month = addMonths(year, month, 0)
	switch month {
	case time.February:
		if isLeap(year) {
			return 29
		}
		return 28
	case time.April, time.June, time.September, time.November:
		return 30
	}
	return 31
}

func isLeap(y int) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }

// addMonths returns (y, m) moved by n months, with m normalized to 1..12.
func addMonths(y int, m time.Month, n int) (int, time.Month) {
	mm := int(m) - 1 + n
	y += mm / 12
	mm %= 12
	if mm < 0 {
		mm += 12
		y--
	}
	return y, time.Month(mm + 1)
}

func (d Date) normalize() Date {
	if d.IsValid() {
		return d
	}
	return fromDays(d.days())
}

// days returns the number of days from 1970-01-01 to d, after normalizing
// the month. The day is taken as an offset, so day 0 is the last day of the
// previous month, as in time.Date. The algorithm is the proleptic Gregorian
// days-from-civil conversion described by Howard Hinnant in "chrono-Compatible
// Low-Level Date Algorithms".
func (d Date) days() int64 {
	y, m := addMonths(d.Year, d.Month, 0)
	yy := int64(y)
	if m <= time.February {
		yy--
	}
	era := yy / 400
	if yy < 0 && yy%400 != 0 {
		era--
	}
	yoe := yy - era*400
	mp := int64(m) + 9
	if m > time.February {
		mp = int64(m) - 3
	}
	doy := (153*mp+2)/5 + int64(d.Day) - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

// fromDays is the inverse of days.
func fromDays(z int64) Date {
	z += 719468
	era := z / 146097
	if z < 0 && z%146097 != 0 {
		era--
	}
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y := yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d := doy - (153*mp+2)/5 + 1
	m := mp + 3
	if mp >= 10 {
		m = mp - 9
	}
	if m <= 2 {
		y++
	}
	return Date{int(y), time.Month(m), int(d)}
}
