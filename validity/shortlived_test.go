package validity

import (
	"testing"
	"time"
)

func TestShortLived(t *testing.T) {
	seven := time.Date(2026, time.March, 15, 0, 0, 0, 0, time.UTC)
	before := seven.Add(-time.Nanosecond)
	const day = 24 * time.Hour
	tests := []struct {
		name string
		p    Period
		want bool
	}{
		{"RN-12 160-hour certificate is short-lived", Period{seven, seven.Add(160*time.Hour - time.Second)}, true},
		{"RN-12 exactly 7 days from 2026-03-15 is short-lived", Period{seven, seven.Add(7*day - time.Second)}, true},
		{"RN-12 7 days + 1 s from 2026-03-15 is not", Period{seven, seven.Add(7 * day)}, false},
		{"RN-12 7 days + 1 ns from 2026-03-15 is not", Period{seven, seven.Add(7*day - time.Second + time.Nanosecond)}, false},
		{"RN-12 10 days issued 1 ns before 2026-03-15 is short-lived", Period{before, before.Add(10*day - time.Second)}, true},
		{"RN-12 10 days + 1 ns issued before 2026-03-15 is not", Period{before, before.Add(10*day - time.Second + time.Nanosecond)}, false},
		{"RN-12 10 days issued on 2026-03-15 is not", Period{seven, seven.Add(10*day - time.Second)}, false},
		{"RN-12 47-day certificate is not", Period{seven, seven.Add(47*day - time.Second)}, false},
		{"RN-12 invalid period is not", Period{seven.Add(day), seven}, false},
		{"RN-12 zero period is not", Period{}, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := ShortLived(tc.p); got != tc.want {
				t.Errorf("ShortLived(%v) = %v, want %v", tc.p, got, tc.want)
			}
		})
	}
	if got := ShortLivedMax(time.Time{}); got != 0 {
		t.Errorf("RN-12 ShortLivedMax(zero) = %v, want 0", got)
	}
}
