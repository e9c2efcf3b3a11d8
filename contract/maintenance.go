package contract

import (
	"slices"
	"sort"
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
// The zero Maintenance is the usual rule with no announcements. A
// Maintenance made by [NewMaintenance] is indexed: [Maintenance.At] and
// [Maintenance.Next] take time logarithmic in the number of announced
// windows and cancelled months. One written as a literal works the same
// but sorts its lists on every call, which is fine for a few entries and
// slow for thousands. Maintenance holds slices; it never modifies them,
// and the caller must not modify them while it is in use.
type Maintenance struct {
	// Announced lists announced windows, in any order. Empty windows are
	// ignored, and do not replace the usual window.
	Announced []Window
	// Cancelled lists months with no usual window, each given by any day
	// of the month, conventionally the third Tuesday whose maintenance was
	// called off. Announced windows in those months still apply.
	Cancelled []tz.Date

	// idx is the index NewMaintenance built from Announced and Cancelled;
	// it is used only while those fields still hold the slices it was
	// built from.
	idx *maintenanceIndex
}

// NewMaintenance returns the schedule with the given announced windows and
// cancelled months (see [Maintenance] for their meaning), indexed once so
// that [Maintenance.At] and [Maintenance.Next] answer in logarithmic time
// however many windows are announced: with 8 000 announced windows, each
// call costs a few binary searches instead of a pass over the list. It
// copies both slices; the caller may reuse them. Building the index takes
// O(n log n) time and O(n) memory. Assigning new slices to the fields of
// the result discards the index (the methods then sort on every call).
func NewMaintenance(announced []Window, cancelled []tz.Date) Maintenance {
	m := Maintenance{
		Announced: append([]Window(nil), announced...),
		Cancelled: append([]tz.Date(nil), cancelled...),
	}
	x := buildIndex(m.Announced, m.Cancelled)
	m.idx = &x
	return m
}

// A maintenanceIndex is Maintenance sorted for binary search. It refers to
// the announced windows by their index in the Announced slice, so that it
// holds no pointers (sorting and copying it costs no write barriers) and
// the windows it returns are made of the caller's own instants.
type maintenanceIndex struct {
	// The slices it was built from, to tell when the fields were replaced.
	announced []Window
	cancelled []tz.Date

	// byStart holds the indices of the non-empty announced windows,
	// sorted by Start.
	byStart []int32
	// merged holds the union of the announced windows, sorted, disjoint
	// and not touching (each End is before the next Start); each is the
	// Start of one announced window to the End of another.
	merged []span
	// blocked holds the months without a usual window, because they are
	// cancelled or an announced window starts in them, as sorted,
	// disjoint runs of consecutive months.
	blocked []monthRun
}

// A span is a merged window: from announced[start].Start to
// announced[end].End.
type span struct{ start, end int32 }

// A month is a calendar month in JST, numbered year*12 + month-1 so that
// consecutive months are consecutive integers.
type month int

func monthOf(t time.Time) month { return monthOfDate(tz.DateOf(t, tz.JST)) }

func monthOfDate(d tz.Date) month { return month(d.Year*12 + int(d.Month) - 1) }

func (mo month) year() int            { return int(mo) / 12 }
func (mo month) calMonth() time.Month { return time.Month(int(mo)%12 + 1) }

// monthRun is the months first to last, both included.
type monthRun struct{ first, last month }

// buildIndex indexes the announced windows (at most 2^31 of them) and
// the cancelled months.
func buildIndex(announced []Window, cancelled []tz.Date) maintenanceIndex {
	x := maintenanceIndex{announced: announced, cancelled: cancelled}
	if len(announced) == 0 && len(cancelled) == 0 {
		return x
	}
	months := make([]month, 0, len(announced)+len(cancelled))
	x.byStart = make([]int32, 0, len(announced))
	for i, w := range announced {
		if !w.empty() {
			x.byStart = append(x.byStart, int32(i))
			months = append(months, monthOf(w.Start))
		}
	}
	for _, d := range cancelled {
		months = append(months, monthOfDate(d))
	}
	slices.SortFunc(x.byStart, func(i, j int32) int { return announced[i].Start.Compare(announced[j].Start) })
	for _, i := range x.byStart {
		if n := len(x.merged); n > 0 && !announced[i].Start.After(x.end(n-1)) {
			if announced[i].End.After(x.end(n - 1)) {
				x.merged[n-1].end = i
			}
			continue
		}
		x.merged = append(x.merged, span{i, i})
	}
	slices.Sort(months)
	for _, mo := range months {
		if n := len(x.blocked); n > 0 && mo <= x.blocked[n-1].last+1 {
			x.blocked[n-1].last = max(x.blocked[n-1].last, mo)
			continue
		}
		x.blocked = append(x.blocked, monthRun{mo, mo})
	}
	return x
}

// start, end and window return the k-th merged window or its ends.
func (x *maintenanceIndex) start(k int) time.Time { return x.announced[x.merged[k].start].Start }
func (x *maintenanceIndex) end(k int) time.Time   { return x.announced[x.merged[k].end].End }
func (x *maintenanceIndex) window(k int) Window   { return Window{x.start(k), x.end(k)} }

// index returns the index of m: the one NewMaintenance built if m's fields
// still hold the slices it was built from, else a new one.
func (m Maintenance) index() maintenanceIndex {
	if m.idx != nil && sameSlice(m.idx.announced, m.Announced) && sameSlice(m.idx.cancelled, m.Cancelled) {
		return *m.idx
	}
	return buildIndex(m.Announced, m.Cancelled)
}

// sameSlice reports whether a and b are the same slice: same length and,
// when not empty, the same first element.
func sameSlice[T any](a, b []T) bool {
	return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0])
}

// usual returns the usual window of the month: the third Tuesday, 22:00
// JST, to the next day, 08:00 JST (CT-9).
func usual(mo month) Window {
	first := tz.Date{Year: mo.year(), Month: mo.calMonth(), Day: 1}
	day := 1 + (int(time.Tuesday)-int(first.Weekday())+7)%7 + 14
	d := tz.Date{Year: first.Year, Month: first.Month, Day: day}
	start := d.In(tz.JST).Add(22 * time.Hour)
	return Window{Start: start, End: d.EndIn(tz.JST).Add(8 * time.Hour)}
}

// run returns the index of the blocked run containing mo, or -1.
func (x *maintenanceIndex) run(mo month) int {
	i, found := slices.BinarySearchFunc(x.blocked, mo, func(r monthRun, mo month) int {
		switch {
		case r.last < mo:
			return -1
		case r.first > mo:
			return 1
		}
		return 0
	})
	if !found {
		return -1
	}
	return i
}

// usualIn returns the usual window of mo and whether it takes place: it
// does not when mo is cancelled or has announced windows.
func (x *maintenanceIndex) usualIn(mo month) (Window, bool) {
	if x.run(mo) >= 0 {
		return Window{}, false
	}
	return usual(mo), true
}

// nextUsual returns the first usual window that takes place in mo or a
// later month.
func (x *maintenanceIndex) nextUsual(mo month) Window {
	if i := x.run(mo); i >= 0 {
		mo = x.blocked[i].last + 1 // the month after a run is not blocked
	}
	return usual(mo)
}

// firstMergedAfter returns the position in merged of the first window
// starting after t, len(merged) when none does.
func (x *maintenanceIndex) firstMergedAfter(t time.Time) int {
	return sort.Search(len(x.merged), func(k int) bool { return x.start(k).After(t) })
}

// touches reports whether v overlaps or touches w.
func touches(v, w Window) bool { return !v.Start.After(w.End) && !v.End.Before(w.Start) }

// merge widens w by every window that overlaps or touches it, forward
// only or also backward, until none does. Of the merged announced windows
// only the first and the last that touch w can widen it, and of the usual
// windows only those of the months of w.Start and w.End: a usual window
// lies within its month, and w covers the months in between.
func (x *maintenanceIndex) merge(w Window, backward bool) Window {
	for changed := true; changed; {
		changed = false
		widen := func(v Window) {
			if !touches(v, w) {
				return
			}
			if v.End.After(w.End) {
				w.End, changed = v.End, true
			}
			if backward && v.Start.Before(w.Start) {
				w.Start, changed = v.Start, true
			}
		}
		// The merged windows are sorted by Start and by End alike; those
		// from i to j-1 touch w.
		i := sort.Search(len(x.merged), func(k int) bool { return !x.end(k).Before(w.Start) })
		j := x.firstMergedAfter(w.End)
		if i < j {
			widen(x.window(i))
			widen(x.window(j - 1))
		}
		first, last := monthOf(w.Start), monthOf(w.End)
		if v, ok := x.usualIn(first); ok {
			widen(v)
		}
		if last != first {
			if v, ok := x.usualIn(last); ok {
				widen(v)
			}
		}
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
	x := m.index()
	var found Window
	ok := false
	// The last merged announced window starting at or before t.
	if k := x.firstMergedAfter(t) - 1; k >= 0 && x.end(k).After(t) {
		found, ok = x.window(k), true
	}
	if !ok {
		if w, usual := x.usualIn(monthOf(t)); usual && w.Contains(t) {
			found, ok = w, true
		}
	}
	if !ok {
		return Window{}, false
	}
	return x.merge(found, true), true
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
	x := m.index()
	mo := monthOf(after)
	best := x.nextUsual(mo)
	if !best.Start.After(after) {
		best = x.nextUsual(mo + 1)
	}
	// The first announced window starting after the instant.
	i := sort.Search(len(x.byStart), func(k int) bool { return x.announced[x.byStart[k]].Start.After(after) })
	if i < len(x.byStart) {
		if w := x.announced[x.byStart[i]]; w.Start.Before(best.Start) {
			best = w
		}
	}
	return x.merge(best, false)
}
