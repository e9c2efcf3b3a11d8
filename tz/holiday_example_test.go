package tz_test

import (
	"fmt"
	"time"

	"github.com/certlife/certlife/tz"
)

func ExampleHoliday() {
	for _, d := range []tz.Date{
		{Year: 2026, Month: time.September, Day: 21},
		{Year: 2026, Month: time.September, Day: 22},
		{Year: 2026, Month: time.September, Day: 23},
		{Year: 2026, Month: time.September, Day: 24},
	} {
		name, ok := tz.Holiday(d)
		fmt.Println(d, ok, name)
	}
	// Output:
	// 2026-09-21 true Respect for the Aged Day
	// 2026-09-22 true Citizens' Holiday
	// 2026-09-23 true Autumnal Equinox Day
	// 2026-09-24 false
}

func ExampleHolidayJa() {
	for _, d := range []tz.Date{
		{Year: 2026, Month: time.January, Day: 1},
		{Year: 2026, Month: time.May, Day: 6},
		{Year: 2032, Month: time.September, Day: 21},
	} {
		name, _ := tz.HolidayJa(d)
		fmt.Println(d, name)
	}
	// Output:
	// 2026-01-01 元日
	// 2026-05-06 振替休日
	// 2032-09-21 国民の休日
}

func ExampleHolidays() {
	for _, h := range tz.Holidays(2026) {
		fmt.Println(h.Date, h.Date.Weekday().String()[:3], h.NameJa, h.Name)
	}
	// Output:
	// 2026-01-01 Thu 元日 New Year's Day
	// 2026-01-12 Mon 成人の日 Coming of Age Day
	// 2026-02-11 Wed 建国記念の日 National Foundation Day
	// 2026-02-23 Mon 天皇誕生日 The Emperor's Birthday
	// 2026-03-20 Fri 春分の日 Vernal Equinox Day
	// 2026-04-29 Wed 昭和の日 Showa Day
	// 2026-05-03 Sun 憲法記念日 Constitution Memorial Day
	// 2026-05-04 Mon みどりの日 Greenery Day
	// 2026-05-05 Tue こどもの日 Children's Day
	// 2026-05-06 Wed 振替休日 Substitute Holiday
	// 2026-07-20 Mon 海の日 Marine Day
	// 2026-08-11 Tue 山の日 Mountain Day
	// 2026-09-21 Mon 敬老の日 Respect for the Aged Day
	// 2026-09-22 Tue 国民の休日 Citizens' Holiday
	// 2026-09-23 Wed 秋分の日 Autumnal Equinox Day
	// 2026-10-12 Mon スポーツの日 Sports Day
	// 2026-11-03 Tue 文化の日 Culture Day
	// 2026-11-23 Mon 勤労感謝の日 Labor Thanksgiving Day
}

func ExampleHolidaysKnown() {
	for _, d := range []tz.Date{
		{Year: 1948, Month: time.July, Day: 19},
		{Year: 1948, Month: time.July, Day: 20},
		{Year: 2099, Month: time.December, Day: 31},
		{Year: 2100, Month: time.January, Day: 1},
	} {
		fmt.Println(d, tz.HolidaysKnown(d))
	}
	// Output:
	// 1948-07-19 false
	// 1948-07-20 true
	// 2099-12-31 true
	// 2100-01-01 false
}

// The zero BusinessCalendar closes weekends and national holidays; company
// closing days are added with With.
func ExampleBusinessCalendar() {
	cal := tz.BusinessCalendar{}.With(tz.YearEndClosing())
	contract := tz.Date{Year: 2026, Month: time.December, Day: 25}
	// CT-7: the certificate is due within 5 business days of the contract.
	due, err := cal.AddBusinessDays(contract, 5)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(due)
	// A date whose holidays are not known yet cannot be judged.
	_, err = cal.IsBusinessDay(tz.Date{Year: 2100, Month: time.January, Day: 4})
	fmt.Println(err)
	// Output:
	// 2027-01-07
	// tz: 2100-01-04 is outside 1948-07-20..2099-12-31, where national holidays are known
}

func ExampleBusinessCalendar_IsBusinessDay() {
	var cal tz.BusinessCalendar // weekends and national holidays
	for d := (tz.Date{Year: 2026, Month: time.September, Day: 18}); d.Day <= 24; d = d.AddDays(1) {
		open, _ := cal.IsBusinessDay(d) // err only outside 1948-07-20..2099
		fmt.Println(d, d.Weekday(), open)
	}
	// Output:
	// 2026-09-18 Friday true
	// 2026-09-19 Saturday false
	// 2026-09-20 Sunday false
	// 2026-09-21 Monday false
	// 2026-09-22 Tuesday false
	// 2026-09-23 Wednesday false
	// 2026-09-24 Thursday true
}

func ExampleBusinessCalendar_AddBusinessDays() {
	var cal tz.BusinessCalendar
	fri := tz.Date{Year: 2026, Month: time.September, Day: 18}
	sat := tz.Date{Year: 2026, Month: time.September, Day: 19}
	for _, c := range []struct {
		from tz.Date
		n    int
	}{
		{fri, 1},  // the day itself is not counted
		{fri, 0},  // a business day: itself
		{sat, 0},  // a closed day: the next business day
		{sat, -1}, // backwards
	} {
		d, err := cal.AddBusinessDays(c.from, c.n)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(d)
	}
	// Output:
	// 2026-09-24
	// 2026-09-18
	// 2026-09-24
	// 2026-09-18
}

func ExampleBusinessCalendar_NextBusinessDay() {
	cal := tz.BusinessCalendar{}.With(tz.YearEndClosing())
	next, err := cal.NextBusinessDay(tz.Date{Year: 2026, Month: time.December, Day: 28})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(next)
	// Output:
	// 2027-01-04
}

func ExampleBusinessCalendar_BusinessDaysBetween() {
	var cal tz.BusinessCalendar
	a := tz.Date{Year: 2026, Month: time.April, Day: 30}
	b := tz.Date{Year: 2026, Month: time.May, Day: 7}
	n, _ := cal.BusinessDaysBetween(a, b) // 05-01 and 05-07; 05-02 to 05-06 are closed
	fmt.Println(n)
	n, _ = cal.BusinessDaysBetween(b, a)
	fmt.Println(n)
	// Output:
	// 2
	// -2
}

func ExampleBusinessCalendar_With() {
	base := tz.BusinessCalendar{}.With(tz.YearEndClosing())
	// With returns a copy; base is unchanged.
	summer := base.With(tz.AnnualClosing(time.August, 13, time.August, 16))
	d := tz.Date{Year: 2026, Month: time.August, Day: 13}
	inBase, _ := base.IsBusinessDay(d)
	inSummer, _ := summer.IsBusinessDay(d)
	fmt.Println(inBase, inSummer)
	// Output:
	// true false
}

func ExampleYearEndClosing() {
	cal := tz.BusinessCalendar{}.With(tz.YearEndClosing())
	for _, d := range []tz.Date{
		{Year: 2026, Month: time.December, Day: 28},
		{Year: 2026, Month: time.December, Day: 29},
		{Year: 2027, Month: time.January, Day: 1},
		{Year: 2028, Month: time.January, Day: 3},
		{Year: 2028, Month: time.January, Day: 4},
	} {
		open, _ := cal.IsBusinessDay(d)
		fmt.Println(d, d.Weekday(), open)
	}
	// Output:
	// 2026-12-28 Monday true
	// 2026-12-29 Tuesday false
	// 2027-01-01 Friday false
	// 2028-01-03 Monday false
	// 2028-01-04 Tuesday true
}

func ExampleAnnualClosing() {
	obon := tz.AnnualClosing(time.August, 13, time.August, 16)
	fmt.Println(obon(tz.Date{Year: 2026, Month: time.August, Day: 12}))
	fmt.Println(obon(tz.Date{Year: 2026, Month: time.August, Day: 13}))
	// Output:
	// false
	// true
}

func ExampleClosingDates() {
	// Days the company announced, such as a system-maintenance day.
	cal := tz.BusinessCalendar{}.With(tz.ClosingDates(
		tz.Date{Year: 2026, Month: time.June, Day: 5},
	))
	next, _ := cal.NextBusinessDay(tz.Date{Year: 2026, Month: time.June, Day: 4})
	fmt.Println(next)
	// Output:
	// 2026-06-08
}

func ExampleClosingRange() {
	cl := tz.ClosingRange(
		tz.Date{Year: 2026, Month: time.August, Day: 10},
		tz.Date{Year: 2026, Month: time.August, Day: 14},
	)
	fmt.Println(cl(tz.Date{Year: 2026, Month: time.August, Day: 14}))
	fmt.Println(cl(tz.Date{Year: 2026, Month: time.August, Day: 15}))
	// Output:
	// true
	// false
}
