package contract_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/certlife/certlife/contract"
	"github.com/google/go-cmp/cmp"
)

func TestDownloadDeadline(t *testing.T) {
	tests := []struct {
		name     string
		why      string
		mailedAt time.Time
		want     time.Time
	}{
		{
			name:     "CT-8 mail on 2026-05-11: last day 2026-05-25, over at 05-26 00:00 JST",
			why:      "the day of the mail is not counted; day 14 is 05-25",
			mailedAt: jst(2026, 5, 11, 10, 0, 0, 0),
			want:     jst(2026, 5, 26, 0, 0, 0, 0),
		},
		{
			name:     "CT-8 mail at the first instant of the day counts that day as D",
			mailedAt: jst(2026, 5, 11, 0, 0, 0, 0),
			want:     jst(2026, 5, 26, 0, 0, 0, 0),
		},
		{
			name:     "CT-8 mail at the last nanosecond of the day",
			mailedAt: jst(2026, 5, 11, 23, 59, 59, lastNS),
			want:     jst(2026, 5, 26, 0, 0, 0, 0),
		},
		{
			name:     "CT-8 mail given in UTC on the previous UTC day is counted in JST",
			why:      "2026-05-10T15:00:00Z is 2026-05-11 00:00 JST",
			mailedAt: time.Date(2026, 5, 10, 15, 0, 0, 0, time.UTC),
			want:     jst(2026, 5, 26, 0, 0, 0, 0),
		},
		{
			name:     "CT-8 one nanosecond earlier is the JST day before",
			mailedAt: time.Date(2026, 5, 10, 14, 59, 59, lastNS, time.UTC),
			want:     jst(2026, 5, 25, 0, 0, 0, 0),
		},
		{
			name:     "CT-8 mail on 31 January ends on 14 February",
			mailedAt: jst(2026, 1, 31, 9, 0, 0, 0),
			want:     jst(2026, 2, 15, 0, 0, 0, 0),
		},
		{
			name:     "CT-8 last day on 29 February in a leap year",
			mailedAt: jst(2028, 2, 15, 9, 0, 0, 0),
			want:     jst(2028, 3, 1, 0, 0, 0, 0),
		},
		{
			name:     "CT-8 same mail date in a common year ends on 1 March",
			mailedAt: jst(2027, 2, 15, 9, 0, 0, 0),
			want:     jst(2027, 3, 2, 0, 0, 0, 0),
		},
		{
			name:     "CT-8 window across the year end; holidays do not stop the count",
			why:      "the window is counted in calendar days, not business days",
			mailedAt: jst(2026, 12, 25, 9, 0, 0, 0),
			want:     jst(2027, 1, 9, 0, 0, 0, 0),
		},
		{
			name:     "CT-8 across 2049/2050",
			mailedAt: jst(2049, 12, 25, 9, 0, 0, 0),
			want:     jst(2050, 1, 9, 0, 0, 0, 0),
		},
		{
			name: "CT-8 zero mailedAt gives the zero Time",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := contract.DownloadDeadline(tt.mailedAt)
			if !got.Equal(tt.want) {
				t.Errorf("DownloadDeadline(%v) = %v, want %v\nwhy: %s", tt.mailedAt, got, tt.want, tt.why)
			}
			if !tt.want.IsZero() && got.Location() != tt.want.Location() {
				t.Errorf("DownloadDeadline zone = %v, want JST", got.Location())
			}
		})
	}
}

func TestCanDownload(t *testing.T) {
	mailed := jst(2026, 5, 11, 10, 0, 0, 0) // deadline 2026-05-26 00:00 JST
	deadline := jst(2026, 5, 26, 0, 0, 0, 0)
	// May 2026's usual maintenance: Tuesday 19th 22:00 to Wednesday 20th 08:00.
	may := contract.Window{Start: jst(2026, 5, 19, 22, 0, 0, 0), End: jst(2026, 5, 20, 8, 0, 0, 0)}
	// A mail on 5 May: the window's last day, 19 May, is the maintenance day.
	mailed5 := jst(2026, 5, 5, 9, 0, 0, 0)
	deadline5 := jst(2026, 5, 20, 0, 0, 0, 0)

	type result struct {
		Reason   contract.Reason
		Deadline time.Time
		Window   contract.Window
		Closed   bool // errors.Is(err, ErrWindowClosed)
		Maint    bool // errors.Is(err, ErrMaintenance)
	}
	tests := []struct {
		name     string
		why      string
		mailedAt time.Time
		at       time.Time
		m        contract.Maintenance
		want     result
	}{
		{name: "CT-8 download at the instant of the mail", mailedAt: mailed, at: mailed},
		{name: "CT-8 download on the last nanosecond of day 14 JST", mailedAt: mailed, at: deadline.Add(-1)},
		{
			name:     "CT-8 download window closed at the first instant of day 15 JST",
			why:      "never reopens; CT-6 forbids a reissue",
			mailedAt: mailed, at: deadline,
			want: result{Reason: contract.ReasonWindowClosed, Deadline: deadline, Closed: true},
		},
		{
			name:     "CT-8 a download before the mail was sent",
			mailedAt: mailed, at: mailed.Add(-1),
			want: result{Reason: contract.ReasonNotYetMailed, Deadline: deadline},
		},
		{
			name:     "CT-9 download site in maintenance at 22:00 on the third Tuesday",
			mailedAt: mailed, at: may.Start,
			want: result{Reason: contract.ReasonMaintenance, Deadline: deadline, Window: may, Maint: true},
		},
		{name: "CT-9 download one nanosecond before maintenance", mailedAt: mailed, at: may.Start.Add(-1)},
		{name: "CT-9 download again at 08:00 the next morning", mailedAt: mailed, at: may.End},
		{
			name:     "CT-9 announced maintenance instead of the usual one",
			mailedAt: mailed, at: jst(2026, 5, 21, 1, 0, 0, 0),
			m: contract.Maintenance{Announced: []contract.Window{{Start: jst(2026, 5, 20, 22, 0, 0, 0), End: jst(2026, 5, 21, 6, 0, 0, 0)}}},
			want: result{Reason: contract.ReasonMaintenance, Deadline: deadline,
				Window: contract.Window{Start: jst(2026, 5, 20, 22, 0, 0, 0), End: jst(2026, 5, 21, 6, 0, 0, 0)}, Maint: true},
		},
		{
			name:     "CT-9 the usual window replaced by an announcement is open",
			mailedAt: mailed, at: jst(2026, 5, 19, 23, 0, 0, 0),
			m: contract.Maintenance{Announced: []contract.Window{{Start: jst(2026, 5, 20, 22, 0, 0, 0), End: jst(2026, 5, 21, 6, 0, 0, 0)}}},
		},
		{
			name:     "CT-8 CT-9 maintenance on the last evening of the window ends after the deadline",
			why:      "the maintenance error says so; at 00:00 JST the window itself has closed",
			mailedAt: mailed5, at: jst(2026, 5, 19, 22, 30, 0, 0),
			want: result{Reason: contract.ReasonMaintenance, Deadline: deadline5, Window: may, Maint: true},
		},
		{
			name:     "CT-8 CT-9 window closed during maintenance: closed wins",
			mailedAt: mailed5, at: deadline5,
			want: result{Reason: contract.ReasonWindowClosed, Deadline: deadline5, Closed: true},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := contract.CanDownload(tt.mailedAt, tt.at, tt.m)
			var got result
			if err != nil {
				var de *contract.DownloadError
				if !errors.As(err, &de) {
					t.Fatalf("CanDownload = %v (%T), want *DownloadError", err, err)
				}
				got = result{Reason: de.Reason, Deadline: de.Deadline, Window: de.Window,
					Closed: errors.Is(err, contract.ErrWindowClosed), Maint: errors.Is(err, contract.ErrMaintenance)}
				if !de.MailedAt.Equal(tt.mailedAt) || !de.At.Equal(tt.at) {
					t.Errorf("DownloadError MailedAt %v At %v, want %v %v", de.MailedAt, de.At, tt.mailedAt, tt.at)
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("CanDownload(%v, %v): (-want +got)\n%s\nwhy: %s", tt.mailedAt, tt.at, diff, tt.why)
			}
		})
	}
}

func TestCanDownloadMessages(t *testing.T) {
	mailed5 := jst(2026, 5, 5, 9, 0, 0, 0)
	err := contract.CanDownload(mailed5, jst(2026, 5, 19, 22, 30, 0, 0), contract.Maintenance{})
	want := "contract: cannot download at 2026-05-19T22:30:00+09:00: download site in maintenance until " +
		"2026-05-20T08:00:00+09:00, which is after the download window closes at 2026-05-20T00:00:00+09:00"
	if err == nil || err.Error() != want {
		t.Errorf("CT-9 message:\n got %v\nwant %s", err, want)
	}
	// Instants given in UTC are printed in JST, whatever the host zone.
	err = contract.CanDownload(mailed5.UTC(), time.Date(2026, 5, 20, 15, 0, 0, 0, time.UTC), contract.Maintenance{})
	want = "contract: cannot download at 2026-05-21T00:00:00+09:00: download window closed at 2026-05-20T00:00:00+09:00 " +
		"(mail sent at 2026-05-05T09:00:00+09:00); the certificate cannot be downloaded or reissued"
	if err == nil || err.Error() != want {
		t.Errorf("CT-8 message:\n got %v\nwant %s", err, want)
	}
}

func TestCanDownloadInputErrors(t *testing.T) {
	for _, tt := range []struct {
		name         string
		mailedAt, at time.Time
	}{
		{"CT-8 zero mailedAt", time.Time{}, jst(2026, 5, 11, 0, 0, 0, 0)},
		{"CT-8 zero at is a caller bug, not now", jst(2026, 5, 11, 0, 0, 0, 0), time.Time{}},
	} {
		err := contract.CanDownload(tt.mailedAt, tt.at, contract.Maintenance{})
		var ie *contract.InputError
		if !errors.As(err, &ie) || ie.Func != "CanDownload" || !strings.HasPrefix(err.Error(), "contract: CanDownload: ") {
			t.Errorf("%s: CanDownload = %v, want *InputError from CanDownload", tt.name, err)
		}
	}
}
