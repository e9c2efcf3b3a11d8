package tz

import (
	"bufio"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// The fixtures, which testdata/genholidays.sh regenerates: the holidays
// of 1970-2050 as the npm package @holiday-jp/holiday_jp carries them, and
// the Cabinet Office's own list (syukujitsu.csv, 1955 to 2026) as the npm
// package japanese-public-holidays ships it.
const (
	fixturePath       = "testdata/holidays_1970_2050.tsv"
	cabinetOfficePath = "testdata/holidays_cabinet_office.tsv"
)

// fixtureName maps a Japanese name in the fixture to the name HolidayJa
// gives. The Cabinet Office list names some days differently from the
// Act, and the package adds the name of the holiday a substitute day
// stands in for.
func fixtureName(d Date, name string) string {
	switch {
	case strings.HasSuffix(name, " 振替休日"):
		// "天皇誕生日 振替休日": HolidayJa says only 振替休日.
		return "振替休日"
	case name == "休日":
		// The Cabinet Office lists the citizens' holiday (Act art. 3(3))
		// as plain 休日.
		return "国民の休日"
	case name == "休日（祝日扱い）" && d == (Date{2019, time.May, 1}):
		// Act No. 99 of 2018 made the enthronement day a holiday treated
		// as a national holiday; HolidayJa names it.
		return "天皇の即位の日"
	case name == "休日（祝日扱い）" && d == (Date{2019, time.October, 22}):
		return "即位礼正殿の儀"
	case name == "体育の日（スポーツの日）":
		// 2019-10-14: the renaming to スポーツの日 took effect in 2020.
		return "体育の日"
	case name == "大喪の礼":
		return "昭和天皇の大喪の礼"
	case name == "結婚の儀":
		return "皇太子徳仁親王の結婚の儀"
	}
	return name
}

// readFixture reads a fixture of lines "date<TAB>name[<TAB>more]" after
// "#" comment lines, checking that the dates are valid and ascending and
// every line has cols columns. It returns the names by date.
func readFixture(t *testing.T, path string, cols int) map[Date]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	days := make(map[Date]string)
	s := bufio.NewScanner(f)
	line := 0
	var prev Date
	for s.Scan() {
		line++
		l := s.Text()
		if strings.HasPrefix(l, "#") {
			continue
		}
		fields := strings.Split(l, "\t")
		if len(fields) != cols {
			t.Fatalf("%s:%d: %d fields, want %d: %q", path, line, len(fields), cols, l)
		}
		d, err := ParseDate(fields[0])
		if err != nil {
			t.Fatalf("%s:%d: %v", path, line, err)
		}
		if !prev.Before(d) {
			t.Fatalf("%s:%d: %s is not after %s", path, line, d, prev)
		}
		prev = d
		days[d] = fields[1]
	}
	if err := s.Err(); err != nil {
		t.Fatal(err)
	}
	return days
}

// TestHolidayFixture proves TV-7: the computed calendar equals the list of
// @holiday-jp/holiday_jp (which follows the Cabinet Office's) on every day
// from 1970-01-01 to 2050-12-31, both ways: every listed day is a holiday
// of the same Japanese name, and no other day is. For the years the Cabinet
// Office has not published yet, both sides are projections from the Act,
// so there the test compares two independent computations. English names
// are not compared (ours follow the Cabinet Office's English list, the
// package's differ: "Holiday in lieu"); the test checks only that each
// Japanese name has one English name.
func TestHolidayFixture(t *testing.T) {
	want := readFixture(t, fixturePath, 3)
	// The fixture must cover the range it claims, or the comparison below
	// proves less than it says. @holiday-jp/holiday_jp 2.5.1 lists days up
	// to 2050-11-23 (Labor Thanksgiving Day): nothing is missing at the end,
	// since no holiday falls between 24 November and 31 December after 2018.
	for _, d := range []Date{{1970, time.January, 1}, {2026, time.September, 22}, {2050, time.November, 23}} {
		if _, ok := want[d]; !ok {
			t.Fatalf("fixture lacks %s", d)
		}
	}
	if len(want) < 1300 {
		t.Fatalf("fixture has %d days, want at least 1300", len(want))
	}

	type day struct {
		Name string
		OK   bool
	}
	enOf := make(map[string]string) // Japanese name -> English name
	checked := 0
	for d := (Date{1970, time.January, 1}); d.Year <= 2050; d = d.AddDays(1) {
		var w day
		if name, ok := want[d]; ok {
			w = day{fixtureName(d, name), true}
		}
		ja, okJa := HolidayJa(d)
		if diff := cmp.Diff(w, day{ja, okJa}); diff != "" {
			t.Errorf("TV-7 HolidayJa(%s) (-want +got):\n%s", d, diff)
		}
		en, okEn := Holiday(d)
		if okEn != okJa || (okEn && en == "") {
			t.Errorf("TV-7 Holiday(%s) = %q, %v; HolidayJa = %q, %v", d, en, okEn, ja, okJa)
		}
		if okJa {
			if prev, seen := enOf[ja]; seen && prev != en {
				t.Errorf("TV-7 %s: %s is %q, elsewhere %q", d, ja, en, prev)
			}
			enOf[ja] = en
		}
		checked++
	}
	if checked != 29585 { // days from 1970-01-01 to 2050-12-31
		t.Errorf("checked %d days, want 29585", checked)
	}
}

// TestHolidayCabinetOffice proves TV-7 against the Cabinet Office's own
// list, syukujitsu.csv, on every day of the years it covers (1955 to 2026
// in the fixture): both ways, every listed day is a holiday of the same
// Japanese name and no other day is. The list names substitute and
// citizens' holidays alike "休日"; TestHolidayFixture tells them apart.
func TestHolidayCabinetOffice(t *testing.T) {
	want := readFixture(t, cabinetOfficePath, 2)
	first, last := Date{1955, time.January, 1}, Date{2026, time.December, 31}
	for _, d := range []Date{first, {2026, time.November, 23}} {
		if _, ok := want[d]; !ok {
			t.Fatalf("fixture lacks %s", d)
		}
	}
	for d := first; !d.After(last); d = d.AddDays(1) {
		ja, ok := HolidayJa(d)
		w, listed := want[d]
		switch {
		case listed != ok:
			t.Errorf("TV-7 HolidayJa(%s) = %q, %v; the Cabinet Office lists %q, %v", d, ja, ok, w, listed)
		case !listed:
		case w == "休日":
			if ja != "振替休日" && ja != "国民の休日" {
				t.Errorf("TV-7 HolidayJa(%s) = %q; the Cabinet Office lists 休日 (substitute or citizens' holiday)", d, ja)
			}
		case d == (Date{1959, time.April, 10}) && w == "結婚の儀":
			if ja != "皇太子明仁親王の結婚の儀" {
				t.Errorf("TV-7 HolidayJa(%s) = %q, want 皇太子明仁親王の結婚の儀", d, ja)
			}
		default:
			if want := fixtureName(d, w); ja != want {
				t.Errorf("TV-7 HolidayJa(%s) = %q, want %q (listed as %q)", d, ja, want, w)
			}
		}
	}
}

// holidayCase is one day of the table: want is the Japanese name, or ""
// for a day that is not a holiday.
type holidayCase struct {
	name string
	d    Date
	want string
	why  string
}

var holidayCases = []holidayCase{
	{"TV-7 fixed date New Year's Day", Date{2026, 1, 1}, "元日", "Act art. 2"},
	{"TV-7 Act not yet in force 1948-07-19", Date{1948, 7, 19}, "", "the Act came into force on 1948-07-20"},
	{"TV-7 first holiday under the Act 1948-09-23", Date{1948, 9, 23}, "秋分の日", "first equinox day after 1948-07-20"},
	{"TV-7 first New Year's Day under the Act 1949-01-01", Date{1949, 1, 1}, "元日", ""},
	{"TV-7 Coming of Age Day 15 January until 1999", Date{1999, 1, 15}, "成人の日", "fixed date before Happy Monday"},
	{"TV-7 Coming of Age Day not 15 January from 2000", Date{2000, 1, 15}, "", "2000-01-15 was a Saturday, not the 2nd Monday"},
	{"TV-7 Coming of Age Day 2nd Monday from 2000", Date{2000, 1, 10}, "成人の日", "Happy Monday, Act No. 141 of 1998"},
	{"TV-7 National Foundation Day not before 1967", Date{1966, 2, 11}, "", "added in 1966, observed from 1967"},
	{"TV-7 National Foundation Day 1967", Date{1967, 2, 11}, "建国記念の日", ""},
	{"TV-7 Emperor's Birthday 29 April until 1988", Date{1988, 4, 29}, "天皇誕生日", "Showa era"},
	{"TV-7 Greenery Day 29 April 1989-2006", Date{2006, 4, 29}, "みどりの日", "Act No. 5 of 1989"},
	{"TV-7 Showa Day 29 April from 2007", Date{2007, 4, 29}, "昭和の日", "Act No. 43 of 2005"},
	{"TV-7 Greenery Day 4 May from 2007", Date{2007, 5, 4}, "みどりの日", "moved by Act No. 43 of 2005"},
	{"TV-7 Emperor's Birthday 23 December 1989-2018", Date{2018, 12, 23}, "天皇誕生日", "Heisei era"},
	{"TV-7 no Emperor's Birthday in 2019 (Dec)", Date{2019, 12, 23}, "", "between the two reigns' birthdays"},
	{"TV-7 no Emperor's Birthday in 2019 (Feb)", Date{2019, 2, 23}, "", "23 February only from 2020"},
	{"TV-7 Emperor's Birthday 23 February from 2020", Date{2020, 2, 23}, "天皇誕生日", "Act No. 63 of 2017"},
	{"TV-7 Marine Day not before 1996", Date{1995, 7, 20}, "", "added by Act No. 22 of 1995"},
	{"TV-7 Marine Day 20 July 1996", Date{1996, 7, 20}, "海の日", ""},
	{"TV-7 Marine Day 3rd Monday from 2003", Date{2003, 7, 21}, "海の日", "Happy Monday, Act No. 59 of 2001"},
	{"TV-7 Mountain Day not before 2016", Date{2015, 8, 11}, "", "added by Act No. 43 of 2014"},
	{"TV-7 Mountain Day 11 August from 2016", Date{2016, 8, 11}, "山の日", ""},
	{"TV-7 Respect for the Aged Day 15 September until 2002", Date{2002, 9, 15}, "敬老の日", ""},
	{"TV-7 Respect for the Aged Day 3rd Monday from 2003", Date{2003, 9, 15}, "敬老の日", "2003-09-15 was the 3rd Monday"},
	{"TV-7 Health and Sports Day 10 October until 1999", Date{1999, 10, 10}, "体育の日", ""},
	{"TV-7 Health and Sports Day 2nd Monday 2000-2019", Date{2019, 10, 14}, "体育の日", "renamed only from 2020"},
	{"TV-7 Sports Day 2nd Monday from 2022", Date{2022, 10, 10}, "スポーツの日", "renamed from 2020"},
	{"TV-7 vernal equinox 2026-03-20", Date{2026, 3, 20}, "春分の日", "equinox formula"},
	{"TV-7 autumnal equinox 2026-09-23", Date{2026, 9, 23}, "秋分の日", "equinox formula"},
	{"TV-7 autumnal equinox 2012-09-22", Date{2012, 9, 22}, "秋分の日", "a 22 September equinox"},
	{"TV-7 vernal equinox 2099-03-20", Date{2099, 3, 20}, "春分の日", "last year of the formula"},
	{"TV-7 nothing after 2099", Date{2100, 1, 1}, "", "beyond the equinox formula's range"},
	{"TV-7 Olympics 2020 Marine Day 07-23", Date{2020, 7, 23}, "海の日", "Act No. 55 of 2018"},
	{"TV-7 Olympics 2020 Sports Day 07-24", Date{2020, 7, 24}, "スポーツの日", ""},
	{"TV-7 Olympics 2020 Mountain Day 08-10", Date{2020, 8, 10}, "山の日", ""},
	{"TV-7 Olympics 2020 not Marine Day 07-20", Date{2020, 7, 20}, "", "the 3rd Monday lost its holiday"},
	{"TV-7 Olympics 2020 not Mountain Day 08-11", Date{2020, 8, 11}, "", ""},
	{"TV-7 Olympics 2020 not Sports Day 10-12", Date{2020, 10, 12}, "", ""},
	{"TV-7 Olympics 2021 Marine Day 07-22", Date{2021, 7, 22}, "海の日", "the December 2020 amendment"},
	{"TV-7 Olympics 2021 Sports Day 07-23", Date{2021, 7, 23}, "スポーツの日", ""},
	{"TV-7 Olympics 2021 Mountain Day 08-08", Date{2021, 8, 8}, "山の日", "a Sunday"},
	{"TV-7 Olympics 2021 substitute 08-09", Date{2021, 8, 9}, "振替休日", "for Mountain Day on Sunday 08-08"},
	{"TV-7 Olympics 2021 not Sports Day 10-11", Date{2021, 10, 11}, "", ""},
	{"TV-7 one-off 1959-04-10 wedding", Date{1959, 4, 10}, "皇太子明仁親王の結婚の儀", "Act No. 16 of 1959"},
	{"TV-7 one-off 1989-02-24 Showa funeral", Date{1989, 2, 24}, "昭和天皇の大喪の礼", "Act No. 4 of 1989"},
	{"TV-7 one-off 1990-11-12 enthronement ceremony", Date{1990, 11, 12}, "即位礼正殿の儀", "Act No. 24 of 1990"},
	{"TV-7 one-off 1993-06-09 wedding", Date{1993, 6, 9}, "皇太子徳仁親王の結婚の儀", "Act No. 32 of 1993"},
	{"TV-7 2019-04-30 citizens' holiday", Date{2019, 4, 30}, "国民の休日", "between Showa Day and the enthronement day"},
	{"TV-7 one-off 2019-05-01 enthronement day", Date{2019, 5, 1}, "天皇の即位の日", "Act No. 99 of 2018"},
	{"TV-7 2019-05-02 citizens' holiday", Date{2019, 5, 2}, "国民の休日", "between the enthronement day and Constitution Day"},
	{"TV-7 2019-05-06 substitute for Children's Day", Date{2019, 5, 6}, "振替休日", "a ten-day run 04-27..05-06"},
	{"TV-7 one-off 2019-10-22 enthronement ceremony", Date{2019, 10, 22}, "即位礼正殿の儀", "Act No. 99 of 2018"},

	// Substitute holidays.
	{"TV-7 substitute rule not before 1973-04-12", Date{1973, 2, 12}, "", "National Foundation Day 1973-02-11 was a Sunday before the amendment"},
	{"TV-7 substitute rule first day 1973-04-30", Date{1973, 4, 30}, "振替休日", "Emperor's Birthday 1973-04-29 was a Sunday, after 1973-04-12"},
	{"TV-7 substitute pre-2007 rule: only the next day", Date{2006, 1, 2}, "振替休日", "2006-01-01 was a Sunday"},
	{"TV-7 substitute pre-2007 rule 1973-09-24", Date{1973, 9, 24}, "振替休日", "the autumnal equinox 1973-09-23 was a Sunday"},
	{"TV-7 substitute 2007 rule: skips over holidays", Date{2008, 5, 6}, "振替休日", "2008-05-04 Sunday, 05-05 a holiday, so 05-06"},
	{"TV-7 substitute 2007 rule: 2009-05-06", Date{2009, 5, 6}, "振替休日", "Constitution Day 2009-05-03 a Sunday; 05-04 and 05-05 holidays"},
	{"TV-7 substitute 2007 rule: 2007-01-02", Date{2007, 1, 2}, "", "2007-01-01 was a Monday; control case"},
	{"TV-7 substitute 2007 rule: 2012-01-02", Date{2012, 1, 2}, "振替休日", "New Year's Day on a Sunday"},
	{"TV-7 not a substitute: a holiday on Saturday", Date{2022, 1, 3}, "", "New Year's Day 2022-01-01 was a Saturday; only Sundays move"},
	{"TV-7 substitute 2026-05-06", Date{2026, 5, 6}, "振替休日", "Constitution Day 2026-05-03 is a Sunday"},

	// Citizens' holidays.
	{"TV-7 citizens' holiday first 1988-05-04", Date{1988, 5, 4}, "国民の休日", "a Wednesday between 05-03 and 05-05"},
	{"TV-7 citizens' holiday 1985 rule: not before 1985-12-27", Date{1985, 5, 4}, "", "a Saturday before the amendment"},
	{"TV-7 citizens' holiday 1987-05-04 is a substitute instead", Date{1987, 5, 4}, "振替休日", "Constitution Day 1987-05-03 was a Sunday"},
	{"TV-7 citizens' holiday pre-2007 rule: not on a Sunday", Date{1997, 5, 4}, "", "1997-05-04 was a Sunday"},
	{"TV-7 citizens' holiday pre-2007 rule: a Saturday counts", Date{1991, 5, 4}, "国民の休日", "1991-05-04 was a Saturday"},
	{"TV-7 citizens' holiday pre-2007 rule: substitute wins", Date{1992, 5, 4}, "振替休日", "1992-05-03 was a Sunday"},
	{"TV-7 citizens' holiday 2009-09-22", Date{2009, 9, 22}, "国民の休日", "first September one"},
	{"TV-7 citizens' holiday 2015-09-22", Date{2015, 9, 22}, "国民の休日", ""},
	{"TV-7 citizens' holiday 2026-09-22", Date{2026, 9, 22}, "国民の休日", "between Respect for the Aged Day and the equinox"},
	{"TV-7 citizens' holiday 2032-09-21", Date{2032, 9, 21}, "国民の休日", "the peer calendar library has this one"},
	{"TV-7 citizens' holiday 2037-09-22", Date{2037, 9, 22}, "国民の休日", "the first one the peer calendar library misses"},
	{"TV-7 citizens' holiday 2043-09-22", Date{2043, 9, 22}, "国民の休日", ""},
	{"TV-7 citizens' holiday 2049-09-21", Date{2049, 9, 21}, "国民の休日", ""},
	{"TV-7 no citizens' holiday 2020-09-22", Date{2020, 9, 22}, "秋分の日", "the equinox itself; control case"},

	// Normalization.
	{"TV-7 invalid date normalized 2026-12-32", Date{2026, 12, 32}, "元日", "normalized to 2027-01-01"},
	{"TV-7 zero Date", Date{}, "", "normalized to -0001-11-30, before the Act"},
}

func TestHolidayJa(t *testing.T) {
	for _, tc := range holidayCases {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := HolidayJa(tc.d)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("HolidayJa(%s) (-want +got):\n%s\nwhy: %s", tc.d, diff, tc.why)
			}
			if ok != (tc.want != "") {
				t.Errorf("HolidayJa(%s) ok = %v", tc.d, ok)
			}
		})
	}
}

func TestHolidayEnglish(t *testing.T) {
	tests := []struct {
		name string
		d    Date
		want string
	}{
		{"TV-7 English New Year's Day", Date{2026, 1, 1}, "New Year's Day"},
		{"TV-7 English Coming of Age Day", Date{2026, 1, 12}, "Coming of Age Day"},
		{"TV-7 English Substitute Holiday", Date{2026, 5, 6}, "Substitute Holiday"},
		{"TV-7 English Citizens' Holiday", Date{2026, 9, 22}, "Citizens' Holiday"},
		{"TV-7 English Sports Day", Date{2026, 10, 12}, "Sports Day"},
		{"TV-7 English Health and Sports Day", Date{2019, 10, 14}, "Health and Sports Day"},
		{"TV-7 English not a holiday", Date{2026, 9, 24}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := Holiday(tc.d)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("Holiday(%s) (-want +got):\n%s", tc.d, diff)
			}
			if ok != (tc.want != "") {
				t.Errorf("Holiday(%s) ok = %v", tc.d, ok)
			}
		})
	}
}

// TestHolidayNames checks that every holiday kind has both names and that
// no two kinds share one, so a name identifies a holiday.
func TestHolidayNames(t *testing.T) {
	en := map[string]holiday{}
	ja := map[string]holiday{}
	for h := newYearsDay; h <= enthronementDay; h++ {
		e, j := h.english(), h.japanese()
		if e == "" || j == "" {
			t.Errorf("holiday %d: names %q, %q", h, e, j)
		}
		if o, dup := en[e]; dup {
			t.Errorf("holidays %d and %d share the name %q", o, h, e)
		}
		if o, dup := ja[j]; dup {
			t.Errorf("holidays %d and %d share the name %q", o, h, j)
		}
		en[e], ja[j] = h, h
	}
	if got := (enthronementDay + 1).english(); got != "" {
		t.Errorf("past the last holiday: %q", got)
	}
	if notHoliday.english() != "" || notHoliday.japanese() != "" {
		t.Error("notHoliday has a name")
	}
}

func TestHolidays(t *testing.T) {
	got := Holidays(2026)
	var want []HolidayDate
	for d := (Date{2026, time.January, 1}); d.Year == 2026; d = d.AddDays(1) {
		if en, ok := Holiday(d); ok {
			ja, _ := HolidayJa(d)
			want = append(want, HolidayDate{Date: d, Name: en, NameJa: ja})
		}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("TV-7 Holidays(2026) (-want +got):\n%s", diff)
	}
	if len(got) != 18 {
		t.Errorf("TV-7 Holidays(2026) has %d days, want 18", len(got))
	}
	for _, y := range []int{1947, 2100} {
		if hs := Holidays(y); hs != nil {
			t.Errorf("TV-7 Holidays(%d) = %v, want nil (out of range)", y, hs)
		}
	}
	if n := len(Holidays(1948)); n != 3 {
		t.Errorf("TV-7 Holidays(1948) has %d days, want 3 (09-23, 11-03, 11-23)", n)
	}
}

// TestEquinoxRange checks the equinox formula stays on plausible days over
// its whole range, 1900 to 2099.
func TestEquinoxRange(t *testing.T) {
	for y := 1900; y <= 2099; y++ {
		if v := vernalEquinox(y); v < 19 || v > 22 {
			t.Errorf("TV-7 vernal equinox %d on March %d", y, v)
		}
		if a := autumnalEquinox(y); a < 21 || a > 24 {
			t.Errorf("TV-7 autumnal equinox %d on September %d", y, a)
		}
	}
}

func TestHolidayAllocs(t *testing.T) {
	d := Date{2026, time.September, 22}
	if n := testing.AllocsPerRun(100, func() { Holiday(d) }); n != 0 {
		t.Errorf("TV-7 Holiday allocates %v times per call, want 0", n)
	}
	if n := testing.AllocsPerRun(100, func() { HolidayJa(d) }); n != 0 {
		t.Errorf("TV-7 HolidayJa allocates %v times per call, want 0", n)
	}
}

func BenchmarkHoliday(b *testing.B) {
	b.ReportAllocs()
	d := Date{2026, time.January, 1}
	for i := 0; b.Loop(); i++ {
		Holiday(d.AddDays(i % 366))
	}
}

func BenchmarkHolidays(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		Holidays(2026)
	}
}
