package contract_test

import (
	"errors"
	"testing"
	"time"

	"github.com/certlife/certlife/contract"
	"github.com/google/go-cmp/cmp"
)

// TestLedgerLifecycle follows contracts through the issuance lifecycle:
// issued (mail sent, CT-7), downloaded within the window (CT-8) and
// outside maintenance (CT-9), or window missed (CT-6). Steps run in order
// on one Ledger; a step either tries a download or asks the status.
func TestLedgerLifecycle(t *testing.T) {
	mailed := jst(2026, 5, 11, 10, 0, 0, 0) // window through 2026-05-25 JST
	deadline := jst(2026, 5, 26, 0, 0, 0, 0)
	may := contract.Window{Start: jst(2026, 5, 19, 22, 0, 0, 0), End: jst(2026, 5, 20, 8, 0, 0, 0)}
	decided := jst(2028, 1, 15, 10, 0, 0, 0)
	replMailed := jst(2028, 2, 1, 10, 0, 0, 0)

	l := contract.Ledger{Service: replacing(t)}
	for id, at := range map[string]time.Time{"C-1": mailed, "C-2": mailed, "C-3": mailed} {
		if _, err := l.Issue(bg, id, "job-"+id, at); err != nil {
			t.Fatal(err)
		}
	}
	iss := func(id string, downloaded time.Time) contract.Issuance {
		return contract.Issuance{ContractID: id, Generation: contract.GenerationOriginal, Key: "job-" + id, At: mailed, Downloaded: downloaded}
	}

	type want struct {
		State       contract.State
		Generation  contract.Generation
		Issuance    contract.Issuance
		Deadline    time.Time
		Maintenance contract.Window
	}
	steps := []struct {
		name     string
		why      string
		id       string
		download bool // try a download at at, instead of asking the status
		at       time.Time
		reason   contract.Reason // for a download: the refusal, 0 for recorded
		want     want            // for a status
	}{
		{name: "CT-7 not issued yet one nanosecond before the mail", id: "C-1", at: mailed.Add(-1),
			want: want{State: contract.StateNotIssued, Generation: contract.GenerationOriginal}},
		{name: "CT-7 not issued yet: no mail for the contract", id: "C-9", at: mailed,
			want: want{State: contract.StateNotIssued, Generation: contract.GenerationOriginal}},
		{name: "CT-8 awaiting download from the mail", id: "C-1", at: mailed,
			want: want{State: contract.StateAwaitingDownload, Generation: contract.GenerationOriginal, Issuance: iss("C-1", time.Time{}), Deadline: deadline}},
		{name: "CT-9 awaiting download while the site is in maintenance", id: "C-1", at: jst(2026, 5, 19, 23, 0, 0, 0),
			want: want{State: contract.StateAwaitingDownload, Generation: contract.GenerationOriginal, Issuance: iss("C-1", time.Time{}), Deadline: deadline, Maintenance: may}},
		{name: "CT-7 a download before the mail is refused", id: "C-1", download: true, at: mailed.Add(-1), reason: contract.ReasonNotYetMailed},
		{name: "CT-7 a download for a contract never issued is refused", id: "C-9", download: true, at: mailed, reason: contract.ReasonNotYetMailed},
		{name: "CT-9 a download during maintenance is refused", id: "C-1", download: true, at: may.Start, reason: contract.ReasonMaintenance},
		{name: "CT-9 and not recorded", id: "C-1", at: may.End.Add(-1),
			want: want{State: contract.StateAwaitingDownload, Generation: contract.GenerationOriginal, Issuance: iss("C-1", time.Time{}), Deadline: deadline, Maintenance: may}},
		{name: "CT-9 a download when maintenance ends is recorded", id: "C-1", download: true, at: may.End},
		{name: "CT-8 downloaded from the recorded instant", id: "C-1", at: may.End,
			want: want{State: contract.StateDownloaded, Generation: contract.GenerationOriginal, Issuance: iss("C-1", may.End), Deadline: deadline}},
		{name: "CT-8 awaiting download just before it, asked afterwards", id: "C-1", at: may.End.Add(-1),
			why:  "the status of a past instant answers as of then",
			want: want{State: contract.StateAwaitingDownload, Generation: contract.GenerationOriginal, Issuance: iss("C-1", time.Time{}), Deadline: deadline, Maintenance: may}},
		{name: "CT-8 still downloaded after the window closed", id: "C-1", at: deadline.AddDate(1, 0, 0),
			want: want{State: contract.StateDownloaded, Generation: contract.GenerationOriginal, Issuance: iss("C-1", may.End), Deadline: deadline}},
		{name: "CT-8 a download at the last nanosecond of the window is recorded", id: "C-2", download: true, at: deadline.Add(-1)},
		{name: "CT-8 downloaded at the last nanosecond", id: "C-2", at: deadline,
			want: want{State: contract.StateDownloaded, Generation: contract.GenerationOriginal, Issuance: iss("C-2", deadline.Add(-1)), Deadline: deadline}},
		{name: "CT-8 awaiting download at the last nanosecond of the window", id: "C-3", at: deadline.Add(-1),
			want: want{State: contract.StateAwaitingDownload, Generation: contract.GenerationOriginal, Issuance: iss("C-3", time.Time{}), Deadline: deadline}},
		{name: "CT-8 a download at the first instant after the window is refused", id: "C-3", download: true, at: deadline, reason: contract.ReasonWindowClosed},
		{name: "CT-6 window missed from the first instant after the window", id: "C-3", at: deadline,
			want: want{State: contract.StateWindowMissed, Generation: contract.GenerationOriginal, Issuance: iss("C-3", time.Time{}), Deadline: deadline}},
		{name: "CT-4 after the decision the status is the replacement's: not issued yet", id: "C-1", at: decided,
			want: want{State: contract.StateNotIssued, Generation: contract.GenerationReplacement}},
		{name: "CT-4 the replacement awaits download", id: "C-1", at: replMailed,
			want: want{State: contract.StateAwaitingDownload, Generation: contract.GenerationReplacement,
				Issuance: contract.Issuance{ContractID: "C-1", Generation: contract.GenerationReplacement, Key: "repl-C-1", At: replMailed},
				Deadline: jst(2028, 2, 16, 0, 0, 0, 0)}},
		{name: "CT-4 the replacement is downloaded separately", id: "C-1", at: replMailed.Add(time.Hour), download: true},
		{name: "CT-6 a missed original window does not stop the replacement's download", id: "C-3", at: replMailed.Add(time.Hour), download: true},
		{name: "CT-4 the missed original is still missed as of before the decision", id: "C-3", at: decided.Add(-1),
			want: want{State: contract.StateWindowMissed, Generation: contract.GenerationOriginal, Issuance: iss("C-3", time.Time{}), Deadline: deadline}},
	}
	for _, s := range steps {
		t.Run(s.name, func(t *testing.T) {
			if s.at.Equal(replMailed) {
				for _, id := range []string{"C-1", "C-3"} {
					if _, err := l.Issue(bg, id, "repl-"+id, replMailed); err != nil {
						t.Fatal(err)
					}
				}
			}
			if s.download {
				gen := l.Service.GenerationAt(s.at)
				got, err := l.Download(bg, s.id, gen, s.at)
				var reason contract.Reason
				if err != nil {
					var de *contract.DownloadError
					if !errors.As(err, &de) {
						t.Fatalf("Download = %v (%T), want a *DownloadError", err, err)
					}
					if de.ContractID != s.id || de.Generation != gen {
						t.Errorf("DownloadError names %s %v, want %s %v", de.ContractID, de.Generation, s.id, gen)
					}
					reason = de.Reason
				} else if !got.Downloaded.Equal(s.at) {
					t.Errorf("Download recorded %v, want %v", got.Downloaded, s.at)
				}
				if reason != s.reason {
					t.Errorf("Download at %v: reason %v, want %v\nwhy: %s", s.at, reason, s.reason, s.why)
				}
				return
			}
			st, err := l.Status(bg, s.id, s.at)
			if err != nil {
				t.Fatal(err)
			}
			got := want{State: st.State, Generation: st.Generation, Issuance: st.Issuance, Deadline: st.Deadline, Maintenance: st.Maintenance}
			if diff := cmp.Diff(s.want, got); diff != "" {
				t.Errorf("Status(%s, %v): (-want +got)\n%s\nwhy: %s", s.id, s.at, diff, s.why)
			}
			if st.ContractID != s.id || !st.At.Equal(s.at) {
				t.Errorf("Status names %s at %v, want %s at %v", st.ContractID, st.At, s.id, s.at)
			}
		})
	}
}

func TestStatusString(t *testing.T) {
	mailed := jst(2026, 5, 11, 10, 0, 0, 0)
	iss := contract.Issuance{ContractID: "C-1", Generation: contract.GenerationOriginal, Key: "k", At: mailed}
	dl := iss
	dl.Downloaded = jst(2026, 5, 12, 9, 0, 0, 0)
	deadline := jst(2026, 5, 26, 0, 0, 0, 0)
	tests := []struct {
		name string
		s    contract.Status
		want string
	}{
		{"CT-7 not issued", contract.Status{ContractID: "C-1", Generation: contract.GenerationOriginal, State: contract.StateNotIssued},
			"contract C-1: certificate not issued yet"},
		{"CT-4 replacement not issued", contract.Status{ContractID: "C-1", Generation: contract.GenerationReplacement, State: contract.StateNotIssued},
			"contract C-1: replacement certificate not issued yet"},
		{"CT-8 awaiting download names the last day of the window", contract.Status{ContractID: "C-1", Generation: contract.GenerationOriginal,
			State: contract.StateAwaitingDownload, Issuance: iss, Deadline: deadline},
			"contract C-1: certificate awaiting download until the end of 2026-05-25 JST (mail sent at 2026-05-11T10:00:00+09:00)"},
		{"CT-8 downloaded", contract.Status{ContractID: "C-1", Generation: contract.GenerationOriginal, State: contract.StateDownloaded, Issuance: dl, Deadline: deadline},
			"contract C-1: certificate downloaded at 2026-05-12T09:00:00+09:00"},
		{"CT-6 window missed", contract.Status{ContractID: "C-1", Generation: contract.GenerationOriginal, State: contract.StateWindowMissed, Issuance: iss, Deadline: deadline},
			"contract C-1: certificate download window missed on 2026-05-25 JST (mail sent at 2026-05-11T10:00:00+09:00); it cannot be downloaded or reissued; contact your sales representative"},
		{"CT-8 a UTC deadline is read in JST", contract.Status{ContractID: "C-1", Generation: contract.GenerationOriginal,
			State: contract.StateAwaitingDownload, Issuance: iss, Deadline: deadline.UTC()},
			"contract C-1: certificate awaiting download until the end of 2026-05-25 JST (mail sent at 2026-05-11T10:00:00+09:00)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, tt.s.String()); diff != "" {
				t.Errorf("String: (-want +got)\n%s", diff)
			}
		})
	}
}

func TestEnumStrings(t *testing.T) {
	got := []string{
		contract.StateNotIssued.String(), contract.StateAwaitingDownload.String(), contract.StateDownloaded.String(),
		contract.StateWindowMissed.String(), contract.State(0).String(),
		contract.GenerationOriginal.String(), contract.GenerationReplacement.String(), contract.Generation(3).String(),
		contract.DialectPostgreSQL.String(), contract.DialectSQLite.String(), contract.Dialect(0).String(),
	}
	want := []string{"not issued yet", "awaiting download", "downloaded", "download window missed", "State(0)",
		"original", "replacement", "Generation(3)", "postgresql", "sqlite", "Dialect(0)"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("CT-5 String methods: (-want +got)\n%s", diff)
	}
}
