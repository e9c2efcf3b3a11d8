package renewal

import (
	"slices"
	"strconv"
	"time"

	"github.com/certlife/certlife/tz"
)

// A Window says when renewals may be made, in local terms: business hours
// on business days, not on closing days, not during a maintenance. Give
// windows to [Plan] with the [Windows] option; a renewal is allowed at an
// instant that every window allows. Build them with [BusinessHours],
// [NotOn], [NotDuring] and [NotWhen]; the zero Window is refused.
//
// Unlike cert-manager's renewal windows, which accept windows that can
// never be met, Plan says so: it returns a [*ScheduleError] when no
// allowed instant exists before the deadline.
type Window struct {
	name string
	err  string
	// next returns the first instant at or after t that the window allows.
	next func(t time.Time) (time.Time, error)
}

// String returns the window's name, such as "business hours 10:00-17:00".
func (w Window) String() string { return w.name }

// BusinessHours allows the hours from open to close (offsets from
// midnight in loc, open included, close excluded) on the business days of
// cal (TV-7: not on weekends, national holidays or the calendar's closing
// days): BusinessHours(tz.BusinessCalendar{}, 10*time.Hour, 17*time.Hour,
// tz.JST) is "business days only, 10:00-17:00 JST". A nil loc means JST.
// open must be less than close, both within [0, 24h]; otherwise [Plan]
// refuses the window with ReasonBadOption. Dates outside the range where
// holidays are known (tz.HolidaysKnown) make Plan return an [*Error] with
// ReasonCalendar.
func BusinessHours(cal tz.BusinessCalendar, open, close time.Duration, loc *time.Location) Window {
	if loc == nil {
		loc = tz.JST
	}
	w := Window{name: "business hours " + clock(open) + "-" + clock(close) + " " + loc.String()}
	if !(0 <= open && open < close && close <= 24*time.Hour) {
		w.err = w.name + ": open " + open.String() + " is not before close " + close.String() + " within a day"
	}
	w.next = func(t time.Time) (time.Time, error) {
		d := tz.DateOf(t, loc)
		for {
			ok, err := cal.IsBusinessDay(d)
			if err != nil {
				return time.Time{}, &Error{Reason: ReasonCalendar, Detail: w.name, Err: err}
			}
			if ok {
				day := d.In(loc)
				if start := day.Add(open); t.Before(start) {
					return start, nil
				}
				if t.Before(day.Add(close)) {
					return t, nil
				}
			}
			if d, err = cal.NextBusinessDay(d); err != nil {
				return time.Time{}, &Error{Reason: ReasonCalendar, Detail: w.name, Err: err}
			}
			t = d.In(loc)
		}
	}
	return w
}

func clock(d time.Duration) string {
	m := int(d / time.Minute)
	h, m := m/60, m%60
	s := strconv.Itoa(h) + ":"
	if h < 10 {
		s = "0" + s
	}
	if m < 10 {
		s += "0"
	}
	return s + strconv.Itoa(m)
}

// NotOn forbids the days that closed reports closed, in loc, such as
// NotOn("year-end closing", tz.YearEndClosing(), tz.JST) for 29 December
// to 3 January. A nil loc means JST. A Closing that closes more than ten
// years of consecutive days makes [Plan] return an [*Error] with
// ReasonCalendar.
func NotOn(name string, closed tz.Closing, loc *time.Location) Window {
	if loc == nil {
		loc = tz.JST
	}
	w := Window{name: name}
	if closed == nil {
		w.err = name + ": nil Closing"
	}
	w.next = func(t time.Time) (time.Time, error) {
		d := tz.DateOf(t, loc)
		for i := 0; i < 3653; i++ {
			if !closed(d) {
				if i == 0 {
					return t, nil
				}
				return d.In(loc), nil
			}
			d = d.AddDays(1)
		}
		return time.Time{}, &Error{Reason: ReasonCalendar, Detail: name + " closes every day for ten years from " + tz.DateOf(t, loc).String()}
	}
	return w
}

// A Span is a stretch of time from Start, included, to End, excluded.
type Span struct {
	Start, End time.Time
}

// NotDuring forbids the spans given, such as the announced maintenance of
// a download site (CT-9: the third Tuesday of the month from 22:00 to
// 08:00 JST the next morning, or the dates announced). Overlapping spans
// merge. A span whose End is not after its Start makes [Plan] refuse the
// window with ReasonBadOption.
func NotDuring(name string, spans ...Span) Window {
	w := Window{name: name}
	s := make([]Span, 0, len(spans))
	for i, sp := range spans {
		if sp.Start.IsZero() || !sp.End.After(sp.Start) {
			w.err = name + ": span " + strconv.Itoa(i) + " does not end after it starts"
		}
		s = append(s, sp)
	}
	slices.SortFunc(s, func(a, b Span) int { return a.Start.Compare(b.Start) })
	merged := s[:0]
	for _, sp := range s {
		if n := len(merged); n > 0 && !sp.Start.After(merged[n-1].End) {
			if sp.End.After(merged[n-1].End) {
				merged[n-1].End = sp.End
			}
			continue
		}
		merged = append(merged, sp)
	}
	w.next = func(t time.Time) (time.Time, error) {
		// The last span starting at or before t.
		i, _ := slices.BinarySearchFunc(merged, t, func(sp Span, t time.Time) int {
			if sp.Start.After(t) {
				return 1
			}
			return -1
		})
		if i > 0 && t.Before(merged[i-1].End) {
			return merged[i-1].End, nil
		}
		return t, nil
	}
	return w
}

// NotWhen forbids the instants blocked reports: blocked(t) returns
// whether t is blocked and, if so, the first instant after t that it does
// not block. It lets a caller plug in a rule of its own, such as a
// maintenance calendar computed by another package. blocked must be safe
// for concurrent use if the plans are; an until that is not after t makes
// [Plan] return an [*Error] with ReasonBadOption.
func NotWhen(name string, blocked func(t time.Time) (until time.Time, ok bool)) Window {
	w := Window{name: name}
	if blocked == nil {
		w.err = name + ": nil function"
	}
	w.next = func(t time.Time) (time.Time, error) {
		until, ok := blocked(t)
		if !ok {
			return t, nil
		}
		if !until.After(t) {
			return time.Time{}, &Error{Reason: ReasonBadOption, Detail: name + " blocks " + t.UTC().Format(time.RFC3339Nano) +
				" until " + until.UTC().Format(time.RFC3339Nano) + ", which is not later"}
		}
		return until, nil
	}
	return w
}

// maxWindowSteps bounds the search for an allowed instant: each step
// moves forward, and windows that keep handing the instant to each other
// this often allow nothing in practice.
const maxWindowSteps = 100000

// nextAllowed returns the first instant at or after t that every window
// allows, and false when it lies after limit.
func nextAllowed(ws []Window, t, limit time.Time) (time.Time, bool, error) {
	for range maxWindowSteps {
		moved := false
		for _, w := range ws {
			n, err := w.next(t)
			if err != nil {
				return time.Time{}, false, err
			}
			if n.After(t) {
				t, moved = n, true
			}
			if t.After(limit) {
				return t, false, nil
			}
		}
		if !moved {
			return t, true, nil
		}
	}
	return t, false, nil
}
