package tz

import "time"

// Japanese national holidays (rule TV-7), computed from the Act on National
// Holidays (国民の祝日に関する法律, Act No. 178 of 1948) and the special acts
// that added or moved single days. Nothing here is a list of dates: each
// holiday is a rule (a fixed day, the n-th Monday of a month, or an equinox
// computed by formula) with the years it was in force, as the Act's
// amendments set them.

// actStart is the day the National Holidays Act came into force. No date
// before it is a holiday.
func actStart() Date { return Date{1948, time.July, 20} }

// lastHolidayYear is the last year the equinox formula is valid for (it
// covers 1900 to 2099); later dates are not holidays for [Holiday].
const lastHolidayYear = 2099

// substituteStart is the day the 1973 amendment (Act No. 10 of 1973) came
// into force: from then on a holiday on a Sunday made the next day a
// holiday (振替休日).
func substituteStart() Date { return Date{1973, time.April, 12} }

// citizensStart is the day the 1985 amendment (Act No. 103 of 1985) came
// into force, creating the citizens' holiday (国民の休日): a day between two
// national holidays. The first such day was 1988-05-04.
func citizensStart() Date { return Date{1985, time.December, 27} }

// holidayRange returns the first and last day for which national holidays
// are known.
func holidayRange() (first, last Date) {
	return actStart(), Date{lastHolidayYear, time.December, 31}
}

// HolidaysKnown reports whether [Holiday] knows the national holidays of
// d's day: from 1948-07-20, when the National Holidays Act came into force,
// to 2099-12-31, where the equinox formula ends. HolidaysKnown(2100-01-01)
// is false: Holiday then says "not a holiday" for want of knowledge, and a
// [BusinessCalendar] refuses the date with a *[RangeError]. An invalid d is
// normalized as [NewDate] does.
func HolidaysKnown(d Date) bool {
	if !d.IsValid() {
		d = NewDate(d.Year, d.Month, d.Day)
	}
	first, last := holidayRange()
	return !d.Before(first) && !d.After(last)
}

// A HolidayDate is one day of [Holidays]: a date and the holiday's names.
type HolidayDate struct {
	Date   Date
	Name   string // English name, as [Holiday] returns it
	NameJa string // Japanese name, as [HolidayJa] returns it
}

// Holiday reports whether d is a Japanese national holiday (rule TV-7) and,
// if so, its English name: Holiday(2026-09-22) is "Citizens' Holiday",
// true; Holiday(2026-09-24) is "", false.
//
// Holidays are those of the National Holidays Act and the special acts
// (TV-7): the statutory days, substitute holidays ("Substitute Holiday",
// 振替休日) and the citizens' holiday ("Citizens' Holiday", 国民の休日). Dates
// before 1948-07-20, when the Act came into force, and after 2099, where the
// equinox formula ends, are not holidays for Holiday, which cannot know
// them: [HolidaysKnown] tells such dates apart; dates in the future are
// computed from the Act as it stands, so a later amendment can change them.
// An invalid d (day 0, month 13) is normalized as [NewDate] does.
//
// Holiday does not allocate.
func Holiday(d Date) (name string, ok bool) {
	k := holidayOf(d)
	return k.english(), k != notHoliday
}

// HolidayJa is [Holiday] with the holiday's Japanese name:
// HolidayJa(2026-09-22) is "国民の休日", true. Substitute holidays are named
// "振替休日", without the name of the holiday they stand in for.
//
// HolidayJa does not allocate.
func HolidayJa(d Date) (name string, ok bool) {
	k := holidayOf(d)
	return k.japanese(), k != notHoliday
}

// Holidays returns the national holidays of year in date order, as
// [Holiday] and [HolidayJa] see them: Holidays(2026) has 18 days, from
// 2026-01-01 "New Year's Day" to 2026-11-23 "Labor Thanksgiving Day". It
// returns nil for a year with no holidays (before 1948, after 2099).
func Holidays(year int) []HolidayDate {
	if year < actStart().Year || year > lastHolidayYear {
		return nil
	}
	var hs []HolidayDate
	for d := (Date{year, time.January, 1}); d.Year == year; d = d.AddDays(1) {
		if k := holidayOf(d); k != notHoliday {
			hs = append(hs, HolidayDate{Date: d, Name: k.english(), NameJa: k.japanese()})
		}
	}
	return hs
}

// holiday identifies a holiday by name. Its zero value is no holiday.
type holiday uint8

const (
	notHoliday holiday = iota
	newYearsDay
	comingOfAgeDay
	foundationDay
	emperorsBirthday
	vernalEquinoxDay
	showaDay
	greeneryDay
	constitutionDay
	childrensDay
	marineDay
	mountainDay
	respectForTheAgedDay
	autumnalEquinoxDay
	healthAndSportsDay
	sportsDay
	cultureDay
	laborThanksgivingDay
	substituteHoliday
	citizensHoliday
	weddingAkihito
	funeralShowa
	enthronementCeremony
	weddingNaruhito
	enthronementDay
)

// english returns the English name of h, following the Cabinet Office's
// English list where it has one.
func (h holiday) english() string {
	switch h {
	case newYearsDay:
		return "New Year's Day"
	case comingOfAgeDay:
		return "Coming of Age Day"
	case foundationDay:
		return "National Foundation Day"
	case emperorsBirthday:
		return "The Emperor's Birthday"
	case vernalEquinoxDay:
		return "Vernal Equinox Day"
	case showaDay:
		return "Showa Day"
	case greeneryDay:
		return "Greenery Day"
	case constitutionDay:
		return "Constitution Memorial Day"
	case childrensDay:
		return "Children's Day"
	case marineDay:
		return "Marine Day"
	case mountainDay:
		return "Mountain Day"
	case respectForTheAgedDay:
		return "Respect for the Aged Day"
	case autumnalEquinoxDay:
		return "Autumnal Equinox Day"
	case healthAndSportsDay:
		return "Health and Sports Day"
	case sportsDay:
		return "Sports Day"
	case cultureDay:
		return "Culture Day"
	case laborThanksgivingDay:
		return "Labor Thanksgiving Day"
	case substituteHoliday:
		return "Substitute Holiday"
	case citizensHoliday:
		return "Citizens' Holiday"
	case weddingAkihito:
		return "Wedding of Crown Prince Akihito"
	case funeralShowa:
		return "Funeral of Emperor Showa"
	case enthronementCeremony:
		return "Enthronement Ceremony"
	case weddingNaruhito:
		return "Wedding of Crown Prince Naruhito"
	case enthronementDay:
		return "Enthronement Day"
	}
	return ""
}

// japanese returns the Japanese name of h: the Act's name for a statutory
// holiday, the special act's for a one-off day.
func (h holiday) japanese() string {
	switch h {
	case newYearsDay:
		return "元日"
	case comingOfAgeDay:
		return "成人の日"
	case foundationDay:
		return "建国記念の日"
	case emperorsBirthday:
		return "天皇誕生日"
	case vernalEquinoxDay:
		return "春分の日"
	case showaDay:
		return "昭和の日"
	case greeneryDay:
		return "みどりの日"
	case constitutionDay:
		return "憲法記念日"
	case childrensDay:
		return "こどもの日"
	case marineDay:
		return "海の日"
	case mountainDay:
		return "山の日"
	case respectForTheAgedDay:
		return "敬老の日"
	case autumnalEquinoxDay:
		return "秋分の日"
	case healthAndSportsDay:
		return "体育の日"
	case sportsDay:
		return "スポーツの日"
	case cultureDay:
		return "文化の日"
	case laborThanksgivingDay:
		return "勤労感謝の日"
	case substituteHoliday:
		return "振替休日"
	case citizensHoliday:
		return "国民の休日"
	case weddingAkihito:
		return "皇太子明仁親王の結婚の儀"
	case funeralShowa:
		return "昭和天皇の大喪の礼"
	case enthronementCeremony:
		return "即位礼正殿の儀"
	case weddingNaruhito:
		return "皇太子徳仁親王の結婚の儀"
	case enthronementDay:
		return "天皇の即位の日"
	}
	return ""
}

// holidayOf returns the holiday d is, or notHoliday.
func holidayOf(d Date) holiday {
	if !d.IsValid() {
		d = NewDate(d.Year, d.Month, d.Day)
	}
	if h := national(d); h != notHoliday {
		return h
	}
	// A substitute or citizens' holiday follows a national holiday.
	prev := d.AddDays(-1)
	if national(prev) == notHoliday {
		return notHoliday
	}
	if isSubstitute(d, prev) {
		return substituteHoliday
	}
	// TV-7 citizens' holiday, Act art. 3(3): "a day whose previous and next
	// days are national holidays" is a holiday. From 1985-12-27 to 2006 the
	// clause excluded Sundays and substitute holidays (the 2005 amendment,
	// Act No. 43 of 2005, in force 2007-01-01, replaced the exclusion with
	// "only a day that is not a national holiday"). A substitute holiday
	// returned above, so only the Sunday exclusion is left to check.
	if earlier(d, citizensStart()) {
		return notHoliday
	}
	if d.Year < 2007 && d.Weekday() == time.Sunday {
		return notHoliday
	}
	if national(d.AddDays(1)) != notHoliday {
		return citizensHoliday
	}
	return notHoliday
}

// isSubstitute reports whether d, which is not a national holiday and
// whose previous day prev is one, is a substitute holiday (TV-7, Act art.
// 3(2)).
func isSubstitute(d, prev Date) bool {
	if d.Year >= 2007 {
		// Since 2007 (Act No. 43 of 2005): "when a national holiday falls
		// on a Sunday, the nearest day after it that is not a national
		// holiday" is a holiday. d is that day when the run of national
		// holidays just before it contains a Sunday.
		for p := prev; national(p) != notHoliday; p = p.AddDays(-1) {
			if p.Weekday() == time.Sunday {
				return true
			}
		}
		return false
	}
	// From 1973-04-12 to 2006 (Act No. 10 of 1973): "when a national
	// holiday falls on a Sunday, the next day" is a holiday. When that next
	// day was itself a national holiday, the substitute was lost.
	return prev.Weekday() == time.Sunday && !earlier(prev, substituteStart())
}

// earlier reports whether a is before b; both must be valid dates.
func earlier(a, b Date) bool {
	if a.Year != b.Year {
		return a.Year < b.Year
	}
	if a.Month != b.Month {
		return a.Month < b.Month
	}
	return a.Day < b.Day
}

// national returns the statutory holiday ("national holiday", 国民の祝日) or
// special-act holiday on d, without substitute and citizens' holidays. d
// must be valid.
func national(d Date) holiday {
	y, day := d.Year, d.Day
	if earlier(d, actStart()) || y > lastHolidayYear {
		return notHoliday
	}
	switch d.Month {
	case time.January:
		switch {
		case day == 1:
			return newYearsDay
		case y < 2000 && day == 15:
			return comingOfAgeDay
		case y >= 2000 && isNthMonday(d, 2):
			// Happy Monday (Act No. 141 of 1998, from 2000).
			return comingOfAgeDay
		}
	case time.February:
		switch {
		case day == 11 && y >= 1967:
			// Added by Act No. 86 of 1966; the date set by cabinet order
			// from 1967.
			return foundationDay
		case day == 23 && y >= 2020:
			// The Emperor's birthday since the 2019 accession (Act No. 63
			// of 2017, from 2020).
			return emperorsBirthday
		case day == 24 && y == 1989:
			// Act No. 4 of 1989.
			return funeralShowa
		}
	case time.March:
		if day == vernalEquinox(y) {
			return vernalEquinoxDay
		}
	case time.April:
		switch {
		case day == 29 && y < 1989:
			return emperorsBirthday
		case day == 29 && y < 2007:
			// Renamed by Act No. 5 of 1989.
			return greeneryDay
		case day == 29:
			// Act No. 43 of 2005, from 2007.
			return showaDay
		case day == 10 && y == 1959:
			// Act No. 16 of 1959.
			return weddingAkihito
		}
	case time.May:
		switch {
		case day == 3:
			return constitutionDay
		case day == 4 && y >= 2007:
			// Moved from 29 April by Act No. 43 of 2005.
			return greeneryDay
		case day == 5:
			return childrensDay
		case day == 1 && y == 2019:
			// Act No. 99 of 2018. 30 April and 2 May 2019 are citizens'
			// holidays by art. 3(3), not by this act.
			return enthronementDay
		}
	case time.June:
		if y == 1993 && day == 9 {
			// Act No. 32 of 1993.
			return weddingNaruhito
		}
	case time.July:
		switch {
		// The Tokyo Olympics special measures act as amended by Act No.
		// 55 of 2018: in 2020 Marine Day on 23 July, Sports Day on 24
		// July; as amended again in December 2020 for the postponed
		// games, in 2021 on 22 and 23 July.
		case y == 2020 && day == 23, y == 2021 && day == 22:
			return marineDay
		case y == 2020 && day == 24, y == 2021 && day == 23:
			return sportsDay
		case y == 2020 || y == 2021:
			return notHoliday
		case y >= 1996 && y < 2003 && day == 20:
			// Act No. 22 of 1995, from 1996.
			return marineDay
		case y >= 2003 && isNthMonday(d, 3):
			// Happy Monday (Act No. 59 of 2001, from 2003).
			return marineDay
		}
	case time.August:
		switch {
		// The same acts: Mountain Day on 10 August 2020 and 8 August 2021
		// (a Sunday, so 9 August 2021 is a substitute holiday).
		case y == 2020 && day == 10, y == 2021 && day == 8:
			return mountainDay
		case y == 2020 || y == 2021:
			return notHoliday
		case y >= 2016 && day == 11:
			// Act No. 43 of 2014, from 2016.
			return mountainDay
		}
	case time.September:
		switch {
		case y >= 1966 && y < 2003 && day == 15:
			// Act No. 86 of 1966.
			return respectForTheAgedDay
		case y >= 2003 && isNthMonday(d, 3):
			// Happy Monday (Act No. 59 of 2001, from 2003).
			return respectForTheAgedDay
		case day == autumnalEquinox(y):
			return autumnalEquinoxDay
		}
	case time.October:
		switch {
		case y >= 1966 && y < 2000 && day == 10:
			// Act No. 86 of 1966.
			return healthAndSportsDay
		case y >= 2000 && y < 2020 && isNthMonday(d, 2):
			// Happy Monday (Act No. 141 of 1998, from 2000).
			return healthAndSportsDay
		case y >= 2022 && isNthMonday(d, 2):
			// Renamed Sports Day by a 2018 amendment, in force 2020;
			// moved to July in 2020 and 2021.
			return sportsDay
		case y == 2019 && day == 22:
			// Act No. 99 of 2018.
			return enthronementCeremony
		}
	case time.November:
		switch {
		case day == 3:
			return cultureDay
		case day == 23:
			return laborThanksgivingDay
		case y == 1990 && day == 12:
			// Act No. 24 of 1990.
			return enthronementCeremony
		}
	case time.December:
		if day == 23 && y >= 1989 && y <= 2018 {
			// Act No. 5 of 1989; moved to 23 February from 2020 (2019 had
			// no Emperor's Birthday).
			return emperorsBirthday
		}
	}
	return notHoliday
}

// isNthMonday reports whether d is the n-th Monday of its month.
func isNthMonday(d Date, n int) bool {
	return d.Weekday() == time.Monday && (d.Day-1)/7 == n-1
}

// The equinox days are "the day of the vernal (autumnal) equinox" (Act art.
// 2), which the National Astronomical Observatory announces each February
// for the next year. The functions below use the widely published
// approximation of the equinox day in JST, valid from 1900 to 2099:
//
//	day = int(C + 0.242194*(y-1980) - int((y-Y0)/4))
//
// with C = 20.8357 (vernal) or 23.2588 (autumnal) and Y0 = 1983 for
// 1900-1979, and C = 20.8431 or 23.2488 and Y0 = 1980 for 1980-2099, where
// int truncates towards zero (for years before 1983 the inner quotient is
// negative, and truncating, not flooring, it is what the formula means; the
// outer value is always positive). It is evaluated in integers scaled by
// 10^6, so no floating-point rounding can move a day.

// vernalEquinox returns the day in March of the vernal equinox of year y,
// for y from 1900 to 2099.
func vernalEquinox(y int) int {
	if y < 1980 {
		return equinoxDay(20835700, y, 1983)
	}
	return equinoxDay(20843100, y, 1980)
}

// autumnalEquinox returns the day in September of the autumnal equinox of
// year y, for y from 1900 to 2099.
func autumnalEquinox(y int) int {
	if y < 1980 {
		return equinoxDay(23258800, y, 1983)
	}
	return equinoxDay(23248800, y, 1980)
}

func equinoxDay(c, y, y0 int) int {
	const scale = 1000000
	// Go's integer division truncates towards zero, as int does above.
	return (c + 242194*(y-1980) - scale*((y-y0)/4)) / scale
}
