package contract

import (
	"time"

	"github.com/certlife/certlife/tz"
)

// A Window is a maintenance window of the download site: the site is down
// from Start (included) to End (excluded). A window whose End is not after
// Start is empty.
type Window struct {
	Start, End time.Time
}

// Contains reports whether t is within w: Start <= t < End. A window from
// 22:00 to 08:00 contains 07:59:59.999999999 but not 08:00.
func (w Window) Contains(t time.Time) bool {
	return !t.Before(w.Start) && t.Before(w.End)
}

func (w Window) empty() bool { return !w.End.After(w.Start) }

// Maintenance is the maintenance schedule of the download site (CT-9).
//
// The usual rule: once a month, on the third Tuesday, from 22:00 JST to
// 08:00 JST the next morning ("毎月 1 度 (通常第 3 火曜日 22:00~翌8:00)").
// The third Tuesday is always the 15th to the 21st, so the usual window
// never crosses a month end.
//
// The actual dates are announced, and announcements override the rule: the
// announced windows that start in a month (JST) replace that month's usual
// window, and a month listed in Cancelled has no usual window. Announced
// windows may cross midnight and month ends; overlapping or touching
// windows are reported as one.
//
// The zero Maintenance is the usual rule with no announcements.
// Maintenance holds slices; it never modifies them, and the caller must
// not modify them while it is in use.
type Maintenance struct {
	// Announced lists announced windows, in any order. Empty windows are
	// ignored, and do not replace the usual window.
	Announced []Window
	// Cancelled lists months with no usual window, each given by any day
	// of the month, conventionally the third Tuesday whose maintenance was
	// called off. Announced windows in those months still apply.
	Cancelled []tz.Date
}

// usual returns the usual window of the month: the third Tuesday, 22:00
// JST, to the next day, 08:00 JST (CT-9).
func usual(year int, month time.Month) Window {
	first := tz.Date{Year: year, Month: month, Day: 1}
	day := 1 + (int(time.Tuesday)-int(first.Weekday())+7)%7 + 14
	d := tz.Date{Year: year, Month: month, Day: day}
	start := d.In(tz.JST).Add(22 * time.Hour)
	return Window{Start: start, End: d.EndIn(tz.JST).Add(8 * time.Hour)}
}

type month struct {
	year  int
	month time.Month
}

func monthOf(t time.Time) month {
	d := tz.DateOf(t, tz.JST)
	return month{d.Year, d.Month}
}

func (m month) next() month {
	if m.month == time.December {
		return month{m.year + 1, time.January}
	}
	return month{m.year, m.month + 1}
}

// usualIn returns the usual window of mo and whether it takes place: it
// does not when mo is cancelled or has announced windows.
func (m Maintenance) usualIn(mo month) (Window, bool) {
	for _, d := range m.Cancelled {
		if d.Year == mo.year && d.Month == mo.month {
			return Window{}, false
		}
	}
	for _, w := range m.Announced {
		if !w.empty() && monthOf(w.Start) == mo {
			return Window{}, false
		}
	}
	return usual(mo.year, mo.month), true
}

// each calls f for the announced windows and for the usual windows of the
// months (JST) of from and of to, until f returns false. Those two months
// are enough: a usual window lies within its month, so only a usual window
// of from's or to's month can contain, overlap or touch either end of the
// span from..to.
func (m Maintenance) each(from, to time.Time, f func(Window) bool) {
	for _, w := range m.Announced {
		if !w.empty() && !f(w) {
			return
		}
	}
	first, last := monthOf(from), monthOf(to)
	if w, ok := m.usualIn(first); ok && !f(w) {
		return
	}
	if last != first {
		if w, ok := m.usualIn(last); ok {
			f(w)
		}
	}
}

// merge widens w by every window that overlaps or touches it, forward
// only or also backward, until none does.
func (m Maintenance) merge(w Window, backward bool) Window {
	for changed := true; changed; {
		changed = false
		m.each(w.Start, w.End, func(v Window) bool {
			if v.Start.After(w.End) || v.End.Before(w.Start) {
				return true
			}
			if v.End.After(w.End) {
				w.End, changed = v.End, true
			}
			if backward && v.Start.Before(w.Start) {
				w.Start, changed = v.Start, true
			}
			return true
		})
	}
	return w
}

// At returns the maintenance window that contains t, and whether there is
// one: At(2026-05-19T23:00:00+09:00) is the window from
// 2026-05-19T22:00:00+09:00 to 2026-05-20T08:00:00+09:00. Overlapping and
// touching windows are merged into the one returned. A zero t is in no
// window.
func (m Maintenance) At(t time.Time) (Window, bool) {
	if t.IsZero() {
		return Window{}, false
	}
	var found Window
	ok := false
	m.each(t, t, func(w Window) bool {
		if w.Contains(t) {
			found, ok = w, true
		}
		return !ok
	})
	if !ok {
		return Window{}, false
	}
	return m.merge(found, true), true
}

// Next returns the first maintenance window that starts after the instant
// after (strictly), merged forward with the windows it overlaps or touches:
// Next(2026-04-28T12:00:00+09:00) is the window from
// 2026-05-19T22:00:00+09:00 to 2026-05-20T08:00:00+09:00. Next(w.Start)
// gives the window after w. A zero after gives the zero Window.
func (m Maintenance) Next(after time.Time) Window {
	if after.IsZero() {
		return Window{}
	}
	var best Window
	found := false
	for _, w := range m.Announced {
		if !w.empty() && w.Start.After(after) && (!found || w.Start.Before(best.Start)) {
			best, found = w, true
		}
	}
	// Months without a usual window are cancelled or announced, and there
	// are finitely many, so this loop ends.
	for mo := monthOf(after); ; mo = mo.next() {
		if w, ok := m.usualIn(mo); ok && w.Start.After(after) {
			if !found || w.Start.Before(best.Start) {
				best = w
			}
			break
		}
	}
	return m.merge(best, false)
}
