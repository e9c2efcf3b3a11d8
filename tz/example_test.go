package tz_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/certlife/certlife/tz"
)

// The server FAQ's Q9 certificate (TV-2): the CA prints GMT, the user
// wants JST.
func ExampleParse() {
	start, _ := tz.Parse("12/10/2011 00:00:00 GMT")
	end, _ := tz.Parse("12/10/2012 23:59:59 GMT")
	const layout = "2006-01-02 15:04:05 MST"
	fmt.Println(start.In(tz.JST).Format(layout))
	fmt.Println(end.In(tz.JST).Format(layout))
	// Output:
	// 2011-12-10 09:00:00 JST
	// 2012-12-11 08:59:59 JST
}

// Each shape of TV-4 gives the same instant: the CA's, OpenSSL's and
// curl's, RFC 3339, date and keytool's (in the C, en_US and ja_JP locales),
// JavaScript's, Java's FULL form in Japanese, and Japanese text.
func ExampleParse_shapes() {
	for _, s := range []string{
		"12/10/2012 23:59:59 GMT",
		"Dec 10 23:59:59 2012 GMT",
		"2012-12-10T23:59:59Z",
		"2012/12/11 08:59:59 JST",
		"Tue Dec 11 08:59:59 JST 2012",
		"Tue Dec 11 08:59:59 AM JST 2012",
		"2012年 12月 11日 火曜日 08:59:59 JST",
		"Tue Dec 11 2012 08:59:59 GMT+0900 (Japan Standard Time)",
		"2012年12月11日火曜日 8時59分59秒 日本標準時",
		"2012年12月11日　午前8時59分59秒",
	} {
		t, err := tz.Parse(s)
		fmt.Println(t.UTC().Format(time.RFC3339), err)
	}
	// Output:
	// 2012-12-10T23:59:59Z <nil>
	// 2012-12-10T23:59:59Z <nil>
	// 2012-12-10T23:59:59Z <nil>
	// 2012-12-10T23:59:59Z <nil>
	// 2012-12-10T23:59:59Z <nil>
	// 2012-12-10T23:59:59Z <nil>
	// 2012-12-10T23:59:59Z <nil>
	// 2012-12-10T23:59:59Z <nil>
	// 2012-12-10T23:59:59Z <nil>
	// 2012-12-10T23:59:59Z <nil>
}

// Lines copied from the CA's page, openssl, curl or keytool keep their
// labels.
func ExampleParse_labels() {
	for _, s := range []string{
		"Validity End Date :12/10/2012 23:59:59 GMT",
		"notAfter=Dec 10 23:59:59 2012 GMT",
		"*  expire date: Dec 10 23:59:59 2012 GMT",
		"until: Tue Dec 11 08:59:59 JST 2012",
	} {
		t, err := tz.Parse(s)
		fmt.Println(t.In(tz.JST), err)
	}
	// Output:
	// 2012-12-11 08:59:59 +0900 JST <nil>
	// 2012-12-11 08:59:59 +0900 JST <nil>
	// 2012-12-11 08:59:59 +0900 JST <nil>
	// 2012-12-11 08:59:59 +0900 JST <nil>
}

// CST is US Central (-06:00), Cuba (-05:00) and China (+08:00) in the tz
// database today: refused, unless an offset beside it says which.
func ExampleParse_ambiguousZone() {
	_, err := tz.Parse("Mon Dec 10 17:59:59 CST 2012")
	fmt.Println(err)
	var pe *tz.ParseError
	if errors.As(err, &pe) {
		fmt.Println(pe.Reason == tz.ReasonAmbiguousZone, pe.Value)
	}
	t, err := tz.Parse("2012-12-11 07:59:59 +0800 CST")
	fmt.Println(t.UTC(), err)
	// Output:
	// tz: parsing "Mon Dec 10 17:59:59 CST 2012": ambiguous zone abbreviation "CST" (-06:00 US Central, -05:00 Cuba, +08:00 China and Taiwan)
	// true CST
	// 2012-12-10 23:59:59 +0000 UTC <nil>
}

// 12-hour clocks are read; a Japanese 12 with 午前 or 午後 is refused,
// since Japanese writes noon and midnight both ways.
func ExampleParse_twelveHour() {
	for _, s := range []string{
		"12/11/2012 12:05:09 PM JST",
		"2012/12/11 午後0:05:09 JST",
		"2012年12月11日 午後12時05分09秒",
	} {
		t, err := tz.Parse(s)
		fmt.Println(t.UTC(), err)
	}
	// Output:
	// 2012-12-11 03:05:09 +0000 UTC <nil>
	// 2012-12-11 03:05:09 +0000 UTC <nil>
	// 0001-01-01 00:00:00 +0000 UTC tz: parsing "2012年12月11日 午後12時05分09秒": invalid 12-hour clock time "午後12時05分09秒"
}

// A date line that `date` printed on a host in Chicago: CST is refused by
// default; RFC 5322's US reading is an opt-in.
func ExampleParser_Parse() {
	const line = "Mon Dec 10 17:59:59 CST 2012"
	_, err := tz.Parse(line)
	fmt.Println(err != nil)
	t, err := tz.Parser{USZones: true}.Parse(line)
	fmt.Println(t.UTC(), err)
	// Output:
	// true
	// 2012-12-10 23:59:59 +0000 UTC <nil>
}

// An abbreviation Parse does not know is an error, never +00:00.
func ExampleParse_unknownZone() {
	_, err := tz.Parse("12/10/2011 00:00:00 XST")
	fmt.Println(err)
	var pe *tz.ParseError
	if errors.As(err, &pe) {
		fmt.Println(pe.Reason == tz.ReasonUnknownZone, pe.Value)
	}
	// Output:
	// tz: parsing "12/10/2011 00:00:00 XST": unknown zone abbreviation "XST"
	// true XST
}

func ExampleParseDate() {
	d, err := tz.ParseDate("2024年2月29日")
	fmt.Println(d, err)
	_, err = tz.ParseDate("2023-02-29")
	fmt.Println(err)
	// Output:
	// 2024-02-29 <nil>
	// tz: parsing "2023-02-29": no such date
}

func ExampleZone() {
	for _, name := range []string{"JST", "日本標準時", "KST", "EST", "CST", "XST"} {
		if loc, ok := tz.Zone(name); ok {
			fmt.Println(name, time.Date(2026, 1, 1, 0, 0, 0, 0, loc).Format("-07:00 MST"))
		} else {
			fmt.Println(name, "refused") // CST: US Central, Cuba or China
		}
	}
	// Output:
	// JST +09:00 JST
	// 日本標準時 +09:00 JST
	// KST +09:00 KST
	// EST -05:00 EST
	// CST refused
	// XST refused
}

func ExampleDateOf() {
	notAfter := time.Date(2012, 12, 10, 23, 59, 59, 0, time.UTC)
	fmt.Println(tz.DateOf(notAfter, tz.UTC))
	fmt.Println(tz.DateOf(notAfter, tz.JST))
	// Output:
	// 2012-12-10
	// 2012-12-11
}

func ExampleNewDate() {
	fmt.Println(tz.NewDate(2024, time.February, 30))
	// Output: 2024-03-01
}

func ExampleDate_In() {
	d := tz.Date{Year: 2012, Month: time.December, Day: 11}
	fmt.Println(d.In(tz.JST).UTC().Format(time.RFC3339))
	// Output: 2012-12-10T15:00:00Z
}

func ExampleDate_EndIn() {
	last := tz.Date{Year: 2026, Month: time.May, Day: 12}
	end := last.EndIn(tz.JST)
	fmt.Println(end.Format(time.RFC3339))
	fmt.Println(last.Contains(end.Add(-time.Nanosecond), tz.JST), last.Contains(end, tz.JST))
	// Output:
	// 2026-05-13T00:00:00+09:00
	// true false
}

func ExampleDate_Contains() {
	d := tz.Date{Year: 2012, Month: time.December, Day: 11}
	fmt.Println(d.Contains(time.Date(2012, 12, 10, 23, 59, 59, 0, time.UTC), tz.JST))
	// Output: true
}

func ExampleDate_AddDays() {
	fmt.Println(tz.Date{Year: 2024, Month: time.February, Day: 28}.AddDays(2))
	// Output: 2024-03-01
}

func ExampleDate_AddMonths() {
	fmt.Println(tz.Date{Year: 2024, Month: time.January, Day: 31}.AddMonths(1))
	// Output: 2024-02-29
}

func ExampleDate_Sub() {
	a := tz.Date{Year: 2024, Month: time.March, Day: 1}
	b := tz.Date{Year: 2024, Month: time.February, Day: 1}
	fmt.Println(a.Sub(b))
	// Output: 29
}

func ExampleDate_Weekday() {
	fmt.Println(tz.Date{Year: 2026, Month: time.September, Day: 22}.Weekday())
	// Output: Tuesday
}

func ExampleDate_Compare() {
	a := tz.Date{Year: 2024, Month: time.February, Day: 29}
	b := tz.Date{Year: 2024, Month: time.March, Day: 1}
	fmt.Println(a.Compare(b), a.Before(b), a.After(b))
	// Output: -1 true false
}

func ExampleDate_Before() {
	issued := tz.Date{Year: 2024, Month: time.January, Day: 10}
	submitted := tz.Date{Year: 2024, Month: time.January, Day: 9}
	fmt.Println(submitted.Before(issued))
	// Output: true
}

func ExampleDate_After() {
	through := tz.MonthsAfter(tz.Date{Year: 2024, Month: time.January, Day: 10}, 3)
	fmt.Println(tz.Date{Year: 2024, Month: time.April, Day: 11}.After(through))
	// Output: true
}

func ExampleDate_IsValid() {
	fmt.Println(tz.Date{Year: 2024, Month: 2, Day: 29}.IsValid(), tz.Date{Year: 2023, Month: 2, Day: 29}.IsValid())
	// Output: true false
}

func ExampleDate_IsZero() {
	var d tz.Date
	fmt.Println(d.IsZero())
	// Output: true
}

func ExampleDate_String() {
	fmt.Println(tz.Date{Year: 2012, Month: time.December, Day: 11}.String())
	// Output: 2012-12-11
}

func ExampleDate_AppendFormat() {
	b := []byte("issued ")
	b = tz.Date{Year: 2012, Month: time.December, Day: 11}.AppendFormat(b)
	fmt.Println(string(b))
	// Output: issued 2012-12-11
}

func ExampleDate_MarshalText() {
	b, _ := tz.Date{Year: 2026, Month: time.April, Day: 28}.MarshalText()
	fmt.Println(string(b))
	// Output: 2026-04-28
}

func ExampleDate_UnmarshalText() {
	var d tz.Date
	err := d.UnmarshalText([]byte("2026/4/28"))
	fmt.Println(d, err)
	// Output: 2026-04-28 <nil>
}

func ExampleDaysIn() {
	fmt.Println(tz.DaysIn(2024, time.February), tz.DaysIn(2100, time.February))
	// Output: 29 28
}

// RN-3: a certificate issued on 2024-01-10 (JST) waits 30 days not counting
// the day of issue; the wait is over at midnight JST after its last day.
func ExampleDaysAfter() {
	last := tz.DaysAfter(tz.Date{Year: 2024, Month: time.January, Day: 10}, 30)
	fmt.Println(last, last.EndIn(tz.JST).Format(time.RFC3339))
	// Output: 2024-02-09 2024-02-10T00:00:00+09:00
}

// RN-6: a registry copy issued on these days is acceptable through the
// printed day.
func ExampleMonthsAfter() {
	for _, d := range []tz.Date{
		{Year: 2024, Month: time.January, Day: 10},
		{Year: 2023, Month: time.November, Day: 30},
		{Year: 2024, Month: time.January, Day: 31},
		{Year: 2024, Month: time.April, Day: 30},
	} {
		fmt.Println(d, "->", tz.MonthsAfter(d, 3))
	}
	// Output:
	// 2024-01-10 -> 2024-04-10
	// 2023-11-30 -> 2024-02-29
	// 2024-01-31 -> 2024-04-30
	// 2024-04-30 -> 2024-07-31
}

func ExampleReason_String() {
	fmt.Println(tz.ReasonMissingZone)
	// Output: missing time zone
}

func ExampleParseError_Error() {
	_, err := tz.Parse("2012-12-10T23:59:59")
	fmt.Println(err)
	// Output: tz: parsing "2012-12-10T23:59:59": missing time zone
}

// Contracts and invoices write era years (令和, 元年) and full-width
// digits; Parse reads them as JST, and refuses a date its era never had
// rather than move it into the next one.
func ExampleParse_era() {
	for _, s := range []string{
		"令和8年3月15日",
		"令和元年5月1日",
		"平成31年4月30日 23時59分59秒",
		"令和８年１２月１日　１０：００",
		"R8.3.15",
		"平成31年5月1日",
	} {
		t, err := tz.Parse(s)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(t.Format(time.RFC3339))
	}
	// Output:
	// 2026-03-15T00:00:00+09:00
	// 2019-05-01T00:00:00+09:00
	// 2019-04-30T23:59:59+09:00
	// 2026-12-01T10:00:00+09:00
	// 2026-03-15T00:00:00+09:00
	// tz: parsing "平成31年5月1日": date outside its era "平成31年5月1日" (平成 is 1989-01-08 to 2019-04-30)
}
