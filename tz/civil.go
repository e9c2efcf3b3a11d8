package tz

// Periods counted as Japanese civil law counts them (Civil Code arts. 140 to
// 143), the default of rules RN-3, RN-6 and CT-8:
//
//   - Art. 140: when a period is given in days, weeks, months or years, its
//     first day is not counted (unless it starts at midnight, a case these
//     rules never use): a period that starts on the day of an event starts
//     counting the next day.
//   - Art. 141: the period ends at the end of its last day, so it is over
//     from the first instant of the following day ([Date.EndIn]).
//   - Art. 143: a period in months or years is counted by the calendar and
//     ends on the day before the day that corresponds, in the last month, to
//     its first day; if the last month has no such day, it ends on that
//     month's last day.
//
// The readings these functions reject: counting the day of the event as day
// one (that makes every deadline a day early); ending a month period on the
// corresponding day itself (a day late); and adding 30×24 hours to the
// instant of the event, which is an elapsed-time rule, not a civil one
// (renewal.Policy offers it separately as an explicit choice).

// DaysAfter returns the last day of a period of n days that starts the day
// after from: DaysAfter(2024-01-10, 30) is 2024-02-09. The period is over at
// DaysAfter(from, n).EndIn(loc). n must not be negative; a negative n counts
// backwards the same way.
func DaysAfter(from Date, n int) Date {
	return from.AddDays(n)
}

// MonthsAfter returns the last day of a period of n months that starts the
// day after from (art. 143): MonthsAfter(2024-01-10, 3) is 2024-04-10,
// MonthsAfter(2023-11-30, 3) is 2024-02-29 and MonthsAfter(2024-01-31, 3) is
// 2024-04-30. Note that a period starting on the last day of a month ends on
// the last day of the target month: MonthsAfter(2024-04-30, 1) is
// 2024-05-31, where [Date.AddMonths] would give 2024-05-30.
func MonthsAfter(from Date, n int) Date {
	first := from.normalize().AddDays(1)
	y, m := addMonths(first.Year, first.Month, n)
	if first.Day > DaysIn(y, m) {
		// The last month has no corresponding day: the period ends at the
		// end of that month.
		return Date{y, m, DaysIn(y, m)}
	}
	return Date{y, m, first.Day}.AddDays(-1)
}
