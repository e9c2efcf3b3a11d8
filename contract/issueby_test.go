package contract_test

import (
	"errors"
	"testing"

	"github.com/certlife/certlife/contract"
	"github.com/certlife/certlife/tz"
	"github.com/google/go-cmp/cmp"
)

func TestIssueBy(t *testing.T) {
	plain := tz.BusinessCalendar{}
	yearEnd := tz.BusinessCalendar{}.With(tz.YearEndClosing())
	// A company that also closes on its foundation day, 2026-06-10.
	foundation := tz.BusinessCalendar{}.With(tz.ClosingDates(date(2026, 6, 10)))
	tests := []struct {
		name string
		why  string // the count by hand, from a printed calendar
		date tz.Date
		cal  tz.BusinessCalendar
		want tz.Date
		err  error // matched with errors.Is; nil for success
	}{
		{
			name: "CT-7 ordinary week: Monday 2026-06-01 gives Monday 06-08",
			why:  "Tue 2, Wed 3, Thu 4, Fri 5 are 1-4; Sat 6, Sun 7 closed; Mon 8 is 5",
			date: date(2026, 6, 1), cal: plain, want: date(2026, 6, 8),
		},
		{
			name: "CT-7 contract date itself is not counted, even on a business day",
			why:  "Wed 2026-06-03: Thu 4, Fri 5, Mon 8, Tue 9, Wed 10",
			date: date(2026, 6, 3), cal: plain, want: date(2026, 6, 10),
		},
		{
			name: "CT-7 contract on a Saturday",
			why:  "Sat 2026-06-06: Mon 8, Tue 9, Wed 10, Thu 11, Fri 12",
			date: date(2026, 6, 6), cal: plain, want: date(2026, 6, 12),
		},
		{
			name: "CT-7 company closing day from ClosingDates",
			why:  "Wed 2026-06-03 with 06-10 closed: Thu 4, Fri 5, Mon 8, Tue 9, Thu 11",
			date: date(2026, 6, 3), cal: foundation, want: date(2026, 6, 11),
		},
		{
			name: "CT-7 Friday before Golden Week 2026",
			why: "Fri 2026-04-24: Mon 27 (1), Tue 28 (2), Wed 29 Showa Day, Thu 30 (3), Fri 5/1 (4), " +
				"Sat 2, Sun 3 Constitution Day, Mon 4 Greenery Day, Tue 5 Children's Day, " +
				"Wed 6 substitute holiday for Sunday 3 May, Thu 7 (5)",
			date: date(2026, 4, 24), cal: plain, want: date(2026, 5, 7),
		},
		{
			name: "CT-7 Friday before Golden Week 2025",
			why: "Fri 2025-04-25: Mon 28 (1), Tue 29 Showa Day, Wed 30 (2), Thu 5/1 (3), Fri 2 (4), " +
				"Sat 3, Sun 4, Mon 5 Children's Day, Tue 6 substitute for Sunday 4 May, Wed 7 (5)",
			date: date(2025, 4, 25), cal: plain, want: date(2025, 5, 7),
		},
		{
			name: "CT-7 Tuesday 2026-04-28, inside Golden Week",
			why:  "Wed 29 Showa Day; Thu 30 (1), Fri 5/1 (2); 2-6 closed; Thu 7 (3), Fri 8 (4), Mon 11 (5)",
			date: date(2026, 4, 28), cal: plain, want: date(2026, 5, 11),
		},
		{
			name: "CT-7 28 December with the default closing days (29 Dec - 3 Jan)",
			why: "Mon 2026-12-28: 29-31 Dec and 1-3 Jan closed (1 Jan also a holiday, 2-3 a weekend); " +
				"Mon 2027-01-04 (1), Tue 5 (2), Wed 6 (3), Thu 7 (4), Fri 8 (5)",
			date: date(2026, 12, 28), cal: yearEnd, want: date(2027, 1, 8),
		},
		{
			name: "CT-7 28 December without company closing days",
			why:  "Mon 2026-12-28: Tue 29 (1), Wed 30 (2), Thu 31 (3), Fri 1 Jan holiday, Sat 2, Sun 3, Mon 4 (4), Tue 5 (5)",
			date: date(2026, 12, 28), cal: plain, want: date(2027, 1, 5),
		},
		{
			name: "CT-7 28 December on a Sunday, with the default closing days",
			why:  "Sun 2025-12-28: 29 Dec - 3 Jan closed, Sun 4 Jan; Mon 2026-01-05 (1) to Fri 9 (5)",
			date: date(2025, 12, 28), cal: yearEnd, want: date(2026, 1, 9),
		},
		{
			name: "CT-7 across the 2026-09-19..23 holidays from Friday the 18th",
			why: "Sat 19, Sun 20; Mon 21 Respect for the Aged Day; Tue 22 citizens' holiday " +
				"(between two holidays); Wed 23 Autumnal Equinox Day; Thu 24 (1), Fri 25 (2), Mon 28 (3), Tue 29 (4), Wed 30 (5)",
			date: date(2026, 9, 18), cal: plain, want: date(2026, 9, 30),
		},
		{
			name: "CT-7 across the 2026-09-19..23 holidays from Thursday the 17th",
			why:  "Fri 18 (1); 19-23 closed; Thu 24 (2), Fri 25 (3), Mon 28 (4), Tue 29 (5)",
			date: date(2026, 9, 17), cal: plain, want: date(2026, 9, 29),
		},
		{
			name: "CT-7 contract on the citizens' holiday 2026-09-22",
			why:  "Wed 23 holiday; Thu 24 (1), Fri 25 (2), Mon 28 (3), Tue 29 (4), Wed 30 (5)",
			date: date(2026, 9, 22), cal: plain, want: date(2026, 9, 30),
		},
		{
			name: "CT-7 rollout: contract on 2024-05-20 itself is treated as the rollout",
			why:  "the source says both 'by 20 May' and 'from 20 May'; the normal rule would give Mon 27",
			date: date(2024, 5, 20), cal: plain, want: date(2024, 5, 29),
		},
		{
			name: "CT-7 rollout: contract signed long before the rollout",
			date: date(2023, 1, 10), cal: plain, want: date(2024, 5, 29),
		},
		{
			name: "CT-7 first day of the normal rule: 2024-05-21",
			why:  "Tue 21: Wed 22 (1), Thu 23 (2), Fri 24 (3), Mon 27 (4), Tue 28 (5)",
			date: date(2024, 5, 21), cal: plain, want: date(2024, 5, 28),
		},
		{
			name: "CT-7 invalid contract date is an input error",
			date: date(2026, 2, 29), cal: plain, want: tz.Date{}, err: contract.ErrInvalidInput,
		},
		{
			name: "CT-7 zero contract date is an input error",
			cal:  plain, want: tz.Date{}, err: contract.ErrInvalidInput,
		},
		{
			name: "CT-7 a calendar that closes every day is an error, not a panic",
			date: date(2026, 6, 1), cal: tz.BusinessCalendar{}.With(func(tz.Date) bool { return true }),
			want: tz.Date{}, err: tz.ErrNoBusinessDay,
		},
		{
			name: "CT-7 a contract date beyond the known holidays is an error",
			date: date(2100, 6, 1), cal: plain, want: tz.Date{}, err: tz.ErrOutOfRange,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := contract.IssueBy(tt.date, tt.cal)
			if !errors.Is(err, tt.err) {
				t.Errorf("IssueBy(%v) err = %v, want %v", tt.date, err, tt.err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("IssueBy(%v): (-want +got)\n%s\nwhy: %s", tt.date, diff, tt.why)
			}
		})
	}
}

// TestIssueByHandCountsAgreeWithTheCalendar checks the hand-counted
// holidays the cases above rely on against tz.Holiday, so a wrong hand
// count is caught here rather than papered over.
func TestIssueByHandCountsAgreeWithTheCalendar(t *testing.T) {
	for _, d := range []tz.Date{
		date(2026, 4, 29), date(2026, 5, 3), date(2026, 5, 4), date(2026, 5, 5), date(2026, 5, 6),
		date(2025, 4, 29), date(2025, 5, 5), date(2025, 5, 6),
		date(2026, 9, 21), date(2026, 9, 22), date(2026, 9, 23), date(2027, 1, 1),
	} {
		if name, ok := tz.Holiday(d); !ok {
			t.Errorf("CT-7 %v: hand count says holiday, tz.Holiday says not", d)
		} else {
			t.Logf("%v %s", d, name)
		}
	}
	for _, d := range []tz.Date{date(2026, 4, 30), date(2026, 5, 1), date(2026, 5, 7), date(2026, 9, 24), date(2024, 5, 27)} {
		if name, ok := tz.Holiday(d); ok {
			t.Errorf("CT-7 %v: hand count says business day, tz.Holiday says %s", d, name)
		}
	}
}
